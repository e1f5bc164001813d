enum _PlaceholderChiTieuReport {}

enum _PlaceholderChiTieuStore {}

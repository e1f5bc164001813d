enum _PlaceholderChiTieuExtract {}

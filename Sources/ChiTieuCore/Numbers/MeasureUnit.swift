/// Units of measure as reports write them, and how to convert between those of one kind:
/// `nghìn tỷ đồng` → `tỷ đồng` (× 1.000), `tạ` → `tấn` (× 0,1), `đồng chí` and `đảng viên`
/// (the same people counted).
public enum MeasureUnit {
    /// Units of things counted one by one: a forecast of them is a whole number ("67 đảng
    /// viên", not "66,67").
    public static let counts: Set<String> = [
        "xã", "đảng viên", "lần", "khu dân cư", "sản phẩm", "hợp tác xã", "doanh nghiệp", "hộ", "lao động", "người",
        "trường", "thôn", "bác sĩ", "giường", "vụ", "cơ sở", "công trình", "dự án", "học sinh", "tổ chức cơ sở đảng",
        "chi bộ", "làng", "phường", "thị trấn", "con", "ngôi", "căn", "lượt người", "lượt",
    ]

    public static func isCount(_ unit: String) -> Bool {
        counts.contains(unit.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces))
    }

    /// The factor that turns a figure in `from` into one in `to`, or nil when they measure
    /// different things.
    public static func factor(from: String, to: String) -> Double? {
        let a = key(from)
        let b = key(to)
        if a == b { return 1 }
        let (scaleA, baseA) = split(a)
        let (scaleB, baseB) = split(b)
        if let base = sameBase(baseA, baseB) { return scaleA * base / scaleB }
        return nil
    }

    private static func key(_ unit: String) -> String {
        NameKey(unit).rawValue.replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
    }

    private static let scales: [String: Double] = ["nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9]

    /// "nghìn tỷ đồng" → (1e12, "đồng").
    private static func split(_ unit: String) -> (Double, String) {
        var scale = 1.0
        var words = unit.split(separator: " ").map(String.init)
        while let first = words.first, let factor = scales[first], words.count > 1 {
            scale *= factor
            words.removeFirst()
        }
        return (scale, words.joined(separator: " "))
    }

    /// Things counted under different words, and units of one quantity with their size.
    private static let sizes: [String: (kind: String, size: Double)] = [
        "kg": ("mass", 1), "tạ": ("mass", 100), "tấn": ("mass", 1000),
        "ha": ("area", 1), "héc-ta": ("area", 1), "hecta": ("area", 1), "km2": ("area", 100), "m2": ("area", 1e-4),
        "đảng viên": ("party members", 1), "đồng chí": ("party members", 1),
        "người": ("people", 1), "lao động": ("people", 1), "lượt người": ("people", 1),
        "htx": ("cooperatives", 1), "hợp tác xã": ("cooperatives", 1),
        "hộ": ("households", 1), "hộ dân": ("households", 1), "hộ gia đình": ("households", 1),
        "căn nhà": ("houses", 1), "căn": ("houses", 1), "ngôi nhà": ("houses", 1), "nhà": ("houses", 1),
        "lượt": ("visits", 1), "lượt khách": ("visits", 1), "khách": ("visits", 1),
    ]

    /// The size ratio of two bases of one quantity; "đồng/người" also reads "đồng/người/năm".
    private static func sameBase(_ a: String, _ b: String) -> Double? {
        if a == b { return 1 }
        if a + "/năm" == b || b + "/năm" == a { return 1 }
        if let x = sizes[a], let y = sizes[b], x.kind == y.kind { return x.size / y.size }
        return nil
    }
}

import ChiTieuCore

/// The columns of the plans-and-results table that `import` reads and `export` writes.
/// Each has an ASCII code header and a Vietnamese header; either is accepted on import.
public enum TableColumn: String, CaseIterable, Sendable {
    case kind = "loai"
    case unit = "don_vi"
    case indicator = "chi_tieu"
    case year = "nam"
    case fromYear = "tu_nam"
    case toYear = "den_nam"
    case fromMonth = "tu_thang"
    case toMonth = "den_thang"
    case value = "gia_tri"
    case upperValue = "gia_tri_tren"
    case comparator = "so_sanh"
    case measure = "dang"
    case exceedMargin = "nguong_vuot"
    case denominator = "so_don_vi"
    case issuer = "cap_giao"
    case estimated = "uoc_tinh"
    case percentOfPlan = "ty_le_ke_hoach"
    case growth = "tang_truong"
    case priceBasis = "gia"
    case source = "nguon"
    /// The unit of measure: checked against a known indicator, needed to create a new one.
    case measureUnit = "don_vi_tinh"
    /// The document's numbering (1, 1.1, a, I): read only for a target set, not exported.
    case number = "stt"

    /// The columns an export writes.
    public static let exported = allCases.filter { $0 != .number }

    public var vietnamese: String {
        switch self {
        case .kind: "Loại"
        case .unit: "Đơn vị"
        case .indicator: "Chỉ tiêu"
        case .year: "Năm"
        case .fromYear: "Từ năm"
        case .toYear: "Đến năm"
        case .fromMonth: "Từ tháng"
        case .toMonth: "Đến tháng"
        case .value: "Giá trị"
        case .upperValue: "Giá trị trên"
        case .comparator: "So sánh"
        case .measure: "Dạng"
        case .exceedMargin: "Ngưỡng vượt (%)"
        case .denominator: "Tổng số đơn vị"
        case .issuer: "Cấp giao"
        case .estimated: "Ước tính"
        case .percentOfPlan: "% kế hoạch"
        case .growth: "Tăng trưởng (%)"
        case .priceBasis: "Giá"
        case .source: "Nguồn"
        case .measureUnit: "Đơn vị tính"
        case .number: "STT"
        }
    }

    /// Finds the column a header names: `gia_tri`, `Giá trị`, `gia tri`.
    public static func matching(_ header: String) -> TableColumn? {
        let key = NameKey(header)
        let folded = key.folded.replacingOccurrences(of: "_", with: " ")
        if ["dvt", "d v t", "don vi do"].contains(folded.replacingOccurrences(of: ".", with: "")) {
            return .measureUnit
        }
        if folded == "tt" || folded == "so tt" || folded == "so thu tu" { return .number }
        return allCases.first {
            $0.rawValue == key.rawValue || NameKey($0.vietnamese).folded == folded
                || $0.rawValue.replacingOccurrences(of: "_", with: " ") == folded
        }
    }
}

/// What a row of the table records.
public enum RowKind: String, CaseIterable, Sendable {
    case plan = "ke_hoach"
    case result = "ket_qua"
    case resolution = "nghi_quyet"

    public var vietnamese: String {
        switch self {
        case .plan: "kế hoạch"
        case .result: "kết quả"
        case .resolution: "nghị quyết"
        }
    }

    static func matching(_ text: String) -> RowKind? {
        let folded = NameKey(text).folded.replacingOccurrences(of: "_", with: " ")
        if ["du toan", "dt"].contains(folded) { return .plan }
        return allCases.first {
            $0.rawValue.replacingOccurrences(of: "_", with: " ") == folded || NameKey($0.vietnamese).folded == folded
        }
    }
}

/// Vietnamese spellings of the measures of resolution targets.
extension TargetMeasure {
    static func matching(_ text: String) -> TargetMeasure? {
        let folded = NameKey(text).folded.replacingOccurrences(of: "_", with: " ")
        if let exact = allCases.first(where: { $0.rawValue.replacingOccurrences(of: "_", with: " ") == folded }) {
            return exact
        }
        let words: [(String, TargetMeasure)] = [
            ("tang binh quan", .averageGrowth), ("giam binh quan", .averageReduction), ("tong giai doan", .cumulative),
            ("luy ke", .cumulative), ("cong don", .cumulative), ("hang nam", .everyYear), ("moi nam", .everyYear),
            ("ty le don vi", .shareOfUnits), ("tang so voi nam goc", .changeSinceBase), ("muc", .value),
        ]
        return words.first { folded.hasPrefix($0.0) }?.1
    }

    /// The words written in the `Dạng` column on export.
    var tableWord: String {
        switch self {
        case .value: "mức đạt"
        case .averageGrowth: "tăng bình quân"
        case .averageReduction: "giảm bình quân"
        case .cumulative: "tổng giai đoạn"
        case .everyYear: "hằng năm"
        case .shareOfUnits: "tỷ lệ đơn vị"
        case .changeSinceBase: "tăng so với năm gốc"
        }
    }
}

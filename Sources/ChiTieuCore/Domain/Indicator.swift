/// Whether an indicator accumulates over the year or describes a state.
public enum MeasureKind: String, Sendable, Codable, CaseIterable {
    /// Adds up over the year: production value, budget revenue, hectares planted, new members.
    case flow
    /// A state at a point in time: a rate, a coverage, the number of communes meeting a standard.
    case level

    /// As the catalogue page and `chitieu indicators` write it.
    public var title: String { self == .flow ? "cộng dồn" : "mức" }
}

/// Which way is good.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    /// What is good: `cao`, `thấp` ("tốt khi cao").
    public var title: String { self == .higherIsBetter ? "cao" : "thấp" }
}

/// The field a report groups an indicator under.
public enum Field: String, Sendable, Codable, CaseIterable {
    case economy = "kinh_te"
    case society = "van_hoa_xa_hoi"
    case environment = "moi_truong"
    case defence = "quoc_phong_an_ninh"
    case party = "xay_dung_dang"

    public var title: String {
        switch self {
        case .economy: "Kinh tế"
        case .society: "Văn hóa - xã hội"
        case .environment: "Tài nguyên - môi trường"
        case .defence: "Quốc phòng - an ninh"
        case .party: "Xây dựng Đảng, hệ thống chính trị"
        }
    }
}

/// How often results are collected. A yearly indicator looked at mid-year is not assessed.
public enum Frequency: String, Sendable, Codable, CaseIterable {
    case monthly
    case quarterly
    case halfYearly = "half_yearly"
    case yearly

    /// `hằng tháng`
    public var title: String {
        switch self {
        case .monthly: "hằng tháng"
        case .quarterly: "hằng quý"
        case .halfYearly: "6 tháng"
        case .yearly: "hằng năm"
        }
    }
}

/// A catalogue indicator (chỉ tiêu).
public struct Indicator: Hashable, Sendable, Codable, Identifiable {
    /// Stable ASCII code (`total_production_value`).
    public var code: String
    public var name: String
    /// Unit of measure as reports write it: `tỷ đồng`, `%`, `ha`, `đảng viên`.
    public var measureUnit: String
    public var kind: MeasureKind
    public var direction: Direction
    public var field: Field
    public var frequency: Frequency
    /// Names reports use for the same indicator.
    public var synonyms: [String]
    /// Code of the broader indicator this one breaks down (sector of total production value).
    public var parentCode: String?
    /// The unit whose office made this own indicator: its editors may change it. Nil for the
    /// standard catalogue and for indicators an administrator made for everyone.
    public var ownerUnitID: UnitID?
    /// How a unit's figure is derived from the units below when it has none of its own; nil
    /// for the standard rule of its kind (`RollUpRule.standard`).
    public var rollUpRule: RollUpRule?

    public var id: String { code }

    public var rollUp: RollUpRule { rollUpRule ?? .standard(for: self) }

    public init(
        code: String, name: String, measureUnit: String, kind: MeasureKind, direction: Direction = .higherIsBetter,
        field: Field = .economy, frequency: Frequency = .monthly, synonyms: [String] = [], parentCode: String? = nil
    ) {
        self.code = code
        self.name = name
        self.measureUnit = measureUnit
        self.kind = kind
        self.direction = direction
        self.field = field
        self.frequency = frequency
        self.synonyms = synonyms
        self.parentCode = parentCode
    }

    /// Rates in % change by percentage points, not by percent of themselves.
    public var isRate: Bool { measureUnit == "%" }

    /// A share of a whole ("tỷ lệ hộ nghèo", "tỷ lệ che phủ rừng"), which lies within 0–100%;
    /// a rate of change ("tỷ lệ tăng dân số tự nhiên") may be negative.
    public var isShare: Bool {
        let key = NameKey(name).rawValue
        return isRate && key.hasPrefix("tỷ lệ") && !key.contains("tăng") && !key.contains("giảm")
    }

    /// Why a value cannot be a result of this indicator, or nil when it can: a share outside
    /// 0–100%, a negative amount of a flow, a figure past `FigureLimits`.
    public func rangeProblem(_ value: Double) -> String? {
        if let problem = FigureLimits.problem(
            value, limit: isRate ? FigureLimits.largestRate : FigureLimits.largestValue)
        {
            return problem
        }
        if isShare, value < 0 || value > 100 { return "tỷ lệ \(value.vietnamese)% nằm ngoài khoảng 0–100%" }
        if kind == .flow, !isRate, value < 0 { return "giá trị không được âm (\(value.vietnamese))" }
        return nil
    }

    public var allNames: [String] { [name] + synonyms }

    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 64
            && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, measureUnit = "unit", kind, direction, field, frequency, synonyms, parentCode = "parent"
        case rollUpRule = "rollup"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        measureUnit = try c.decode(String.self, forKey: .measureUnit)
        kind = try c.decode(MeasureKind.self, forKey: .kind)
        direction = try c.decodeIfPresent(Direction.self, forKey: .direction) ?? .higherIsBetter
        field = try c.decodeIfPresent(Field.self, forKey: .field) ?? .economy
        frequency = try c.decodeIfPresent(Frequency.self, forKey: .frequency) ?? .monthly
        synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        parentCode = try c.decodeIfPresent(String.self, forKey: .parentCode)
        rollUpRule = try c.decodeIfPresent(RollUpRule.self, forKey: .rollUpRule)
    }
}

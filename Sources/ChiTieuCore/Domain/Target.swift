public typealias TargetID = Int64

/// What span of time a target covers.
public enum TargetScope: Hashable, Sendable {
    /// An annual plan (kế hoạch) or budget estimate (dự toán) for one year.
    case year(Int)
    /// A resolution target (nghị quyết) over a term, both years included as the resolution
    /// states them: `2020–2025` for a term, `2021–2025` for a five-year total.
    case term(from: Int, to: Int)

    public var firstYear: Int {
        switch self {
        case .year(let y): y
        case .term(let from, _): from
        }
    }

    public var lastYear: Int {
        switch self {
        case .year(let y): y
        case .term(_, let to): to
        }
    }

    public var label: String {
        switch self {
        case .year(let y): "năm \(y)"
        case .term(let from, let to): "giai đoạn \(from) - \(to)"
        }
    }
}

/// What a target measures. Resolution targets come in these kinds; an annual plan is `value`.
public enum TargetMeasure: String, Sendable, Codable, CaseIterable {
    /// The indicator's own value: the year's total for a flow, the level reached for a level;
    /// for a term target, the value in its last year ("60 triệu đồng/người vào năm 2025").
    case value
    /// Average annual growth over the term, compounded, base year = first year ("tăng bình quân 16%/năm").
    case averageGrowth = "average_growth"
    /// Average annual reduction in percentage points, base year = first year ("giảm bình quân 1,41%/năm").
    case averageReduction = "average_reduction"
    /// Total over all years of the scope ("vốn đầu tư 2021–2025 đạt 5.000 tỷ đồng").
    case cumulative
    /// A bound every single year must meet ("mỗi năm kết nạp từ 80 đảng viên trở lên").
    case everyYear = "every_year"
    /// The indicator's count as a share of a number of units ("50% số xã đạt chuẩn nông thôn mới").
    case shareOfUnits = "share_of_units"
    /// Change from the first year to the last, in percent ("tăng 31,6% so với năm 2025").
    case changeSinceBase = "change_since_base"

    /// Whether the measure is a rate in percent (bound values are percentages).
    public var isPercentage: Bool {
        switch self {
        case .averageGrowth, .shareOfUnits, .changeSinceBase: true
        case .value, .averageReduction, .cumulative, .everyYear: false
        }
    }

    public var title: String {
        switch self {
        case .value: "mức đạt"
        case .averageGrowth: "tăng bình quân hằng năm"
        case .averageReduction: "giảm bình quân hằng năm (điểm %)"
        case .cumulative: "tổng cả giai đoạn"
        case .everyYear: "hằng năm"
        case .shareOfUnits: "tỷ lệ đơn vị đạt"
        case .changeSinceBase: "tăng so với năm gốc"
        }
    }
}

/// The bound a result is judged against.
public enum TargetBound: Hashable, Sendable {
    /// `từ 95% trở lên`, `đạt 4.790 tỷ đồng`
    case atLeast(Double)
    /// `dưới 1%`, `không quá 2 vụ`
    case atMost(Double)
    /// `12–13%`
    case between(Double, Double)

    /// The figure percent of plan is computed against: the bound a result must reach.
    public func reference(for direction: Direction) -> Double {
        switch self {
        case .atLeast(let v), .atMost(let v): v
        case .between(let low, let high): direction == .higherIsBetter ? low : high
        }
    }

    public var comparatorCode: String {
        switch self {
        case .atLeast: ">="
        case .atMost: "<="
        case .between: "between"
        }
    }

    public var values: (Double, Double?) {
        switch self {
        case .atLeast(let v), .atMost(let v): (v, nil)
        case .between(let low, let high): (low, high)
        }
    }
}

/// A target for one unit and indicator, set by one issuer.
///
/// One indicator and year may carry several targets ("dự toán tỉnh giao" and "dự toán HĐND
/// huyện giao"); each is assessed on its own, and the tally counts the highest-ranked one.
public struct Target: Hashable, Sendable, Identifiable {
    public var id: TargetID
    public var unitID: UnitID
    public var indicatorCode: String
    public var scope: TargetScope
    public var measure: TargetMeasure
    public var bound: TargetBound
    /// Who set it, as reports say: `kế hoạch`, `dự toán tỉnh giao`, `Nghị quyết Đại hội XVII`.
    public var issuer: String
    /// An excess beyond this many percent counts as vượt; below it, reaching the target is đạt.
    /// Without a margin, any excess over a flow target is vượt and a level target is đạt.
    public var exceedMargin: Double?
    /// For `shareOfUnits`: the number of units the share is of, when not counted from the hierarchy.
    public var denominator: Int?
    public var note: String?

    public init(
        id: TargetID = 0, unitID: UnitID, indicatorCode: String, scope: TargetScope, measure: TargetMeasure = .value,
        bound: TargetBound, issuer: String = Target.defaultIssuer, exceedMargin: Double? = nil,
        denominator: Int? = nil, note: String? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.indicatorCode = indicatorCode
        self.scope = scope
        self.measure = measure
        self.bound = bound
        self.issuer = issuer
        self.exceedMargin = exceedMargin
        self.denominator = denominator
        self.note = note
    }

    public static let defaultIssuer = "kế hoạch"

    public var isAnnual: Bool { scope.isAnnual }

    /// Lower ranks win when one indicator carries several targets for a tally: the unit's own
    /// plan first, then the resolution, then budget estimates from the nearest issuer upward.
    public var issuerRank: Int {
        let key = NameKey(issuer).rawValue
        if key.hasPrefix("kế hoạch") { return 0 }
        if key.hasPrefix("nghị quyết") { return 1 }
        if key.hasPrefix("dự toán") { return key.contains("tỉnh") || key.contains("trung ương") ? 3 : 2 }
        return 4
    }

    /// What a status sentence calls the target: "kế hoạch", "dự toán tỉnh giao", "nghị quyết".
    public var planWord: String { issuer.isEmpty ? Target.defaultIssuer : issuer }

    /// Identity of a target apart from its figure: a second target with the same key is a duplicate.
    public var naturalKey: String {
        Self.naturalKey(
            unitID: unitID, indicatorCode: indicatorCode, scope: scope, measure: measure, issuer: issuer)
    }

    static func naturalKey(
        unitID: UnitID, indicatorCode: String, scope: TargetScope, measure: TargetMeasure, issuer: String
    ) -> String {
        "\(unitID)|\(indicatorCode)|\(scope.firstYear)|\(scope.lastYear)|\(scope.isAnnual)|\(measure.rawValue)|\(NameKey(issuer))"
    }
}

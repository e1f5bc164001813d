import ChiTieuCore

/// The figures of one indicator in a clause, and the tokens that name it.
struct FigureGroup: Sendable {
    /// Tokens naming the indicator before its first figure.
    var name: Range<Int>?
    /// Words after a count ("kết nạp 26 đảng viên *mới*"), part of what is counted.
    var trailing: Range<Int>?
    var value: Double?
    var unit: String?
    var qualifier: Qualifier?
    var planValue: Double?
    var percentOfPlan: Double?
    /// What the percentage is of: "kế hoạch", "dự toán tỉnh giao".
    var planWords: String?
    /// Percentages of other plans the same result was judged against.
    var otherPlans: [(percent: Double, plan: String?)] = []
    var growth: Double?
    /// The lower bound of a range ("6,5 - 7%"), which only a goal uses.
    var rangeLow: (value: Double, unit: String)?
    /// Its upper bound ("7%"), when above the lower.
    var rangeHigh: Double?
    /// The value is a fall in a rate ("tỷ lệ hộ nghèo giảm 4,07%"): the result is the reduction.
    var fall = false
    var estimated = false
    var priceBasis: String?
    /// First and last token of the figures.
    var start: Int
    var end: Int

    var hasFacts: Bool { value != nil || percentOfPlan != nil || growth != nil || rangeLow != nil }

    /// A percentage alone, against no plan and with no change: «khu vực dịch vụ ước đạt 7,22%».
    var isBarePercent: Bool { value != nil && unit == "%" && percentOfPlan == nil && planValue == nil && growth == nil }

    /// Whether `figure` cannot belong to this group: a second value, a second percentage
    /// of plan, a second change.
    func conflicts(with figure: Figure) -> Bool {
        switch figure.kind {
        case .value, .range: value != nil || rangeLow != nil
        // "bằng 104% dự toán Trung ương giao và bằng 97% dự toán HĐND tỉnh giao": one result
        // judged against two plans, when the plans are named differently.
        case .percentOfPlan(_, let plan): percentOfPlan != nil && (plan == nil || plan == planWords)
        case .growth: growth != nil
        case .ignored: false
        }
    }
}

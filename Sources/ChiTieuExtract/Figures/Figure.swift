import ChiTieuCore

/// A figure found in a clause, with the tokens it covers.
struct Figure: Sendable {
    enum Kind: Sendable, Equatable {
        /// `4.790,86 tỷ đồng`, `91,92%`, `603,8ha/600ha`
        case value(Double, unit: String, qualifier: Qualifier?, plan: Double?)
        /// `bằng 70,76% kế hoạch` → 70.76, `vượt 42,46% dự toán` → 142.46
        /// With the words naming the plan: "kế hoạch", "dự toán tỉnh giao".
        case percentOfPlan(Double, plan: String?)
        /// `tăng 3,81% so với cùng kỳ` → 3.81, `bằng 95,27% so với cùng kỳ` → −4.73
        /// `points`: the change was written in percentage points ("tăng 3 điểm phần trăm"), a
        /// change of a rate, never a relative growth.
        case growth(Double, comparison: Comparison, rawSign: Character, points: Bool = false)
        /// `6,5 - 7%`, `từ 5.167 đến 5.684 tỷ đồng`: a goal's bounds (read as its lower bound
        /// and «>», as the gold annotations do); never a result.
        case range(low: Double, high: Double?, unit: String)
        /// A number that is part of the text but not a result: `vượt 9 triệu đồng`.
        case ignored
    }

    /// What a change was measured against.
    enum Comparison: Sendable, Equatable {
        case samePeriod
        case startOfYear
        case unstated
    }

    var kind: Kind
    /// Token indices covered.
    var range: Range<Int>

    var isValue: Bool {
        if case .value = kind { true } else { false }
    }
}

/// Something a consistency check found, in words a user can act on.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error
        case warning
        case info

        private var order: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }

        public var label: String {
            switch self {
            case .error: "Lỗi"
            case .warning: "Cảnh báo"
            case .info: "Lưu ý"
            }
        }
    }

    public enum Kind: String, Sendable, Codable {
        case percentOfPlanMismatch = "percent_of_plan_mismatch"
        case growthMismatch = "growth_mismatch"
        case tallyMismatch = "tally_mismatch"
        case implausibleYear = "implausible_year"
        case rateOutOfRange = "rate_out_of_range"
        case planDerivable = "plan_derivable"
        /// An entered figure differs from what the units below add up to (`RollUpCheck`).
        case rollUpMismatch = "roll_up_mismatch"
    }

    public var kind: Kind
    public var severity: Severity
    /// The Vietnamese sentence shown to the user.
    public var message: String
    public var unitID: UnitID?
    public var indicatorCode: String?
    public var period: Period?
    public var source: Provenance?

    public init(
        kind: Kind, severity: Severity, message: String, unitID: UnitID? = nil, indicatorCode: String? = nil,
        period: Period? = nil, source: Provenance? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.unitID = unitID
        self.indicatorCode = indicatorCode
        self.period = period
        self.source = source
    }
}

public typealias ObservationID = Int64

/// How exact a reported figure is: `hơn 10.040` is `.above`.
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    /// hơn, trên, vượt mức, trở lên
    case above = ">"
    /// gần, dưới, chưa đến
    case below = "<"
    /// khoảng, xấp xỉ
    case approximately = "~"

    public var word: String {
        switch self {
        case .above: "hơn"
        case .below: "gần"
        case .approximately: "khoảng"
        }
    }

    /// The word before a target's figure: a plan «trên 500» is at least 500, «≤ 3,5» at most.
    public var targetWord: String {
        switch self {
        case .above: "từ"
        case .below: "không quá"
        case .approximately: "khoảng"
        }
    }
}

/// Where a figure came from: typed in by a person, imported from a file, or read from a document.
public struct Provenance: Hashable, Sendable, Codable {
    /// Document name or file the figure was read or imported from.
    public var document: String?
    /// Character offsets of the sentence in the document.
    public var spanStart: Int?
    public var spanEnd: Int?
    /// The sentence itself, kept so the source can be shown without the document.
    public var excerpt: String?
    /// Who entered or imported it.
    public var enteredBy: String?

    public init(
        document: String? = nil, spanStart: Int? = nil, spanEnd: Int? = nil, excerpt: String? = nil,
        enteredBy: String? = nil
    ) {
        self.document = document
        self.spanStart = spanStart
        self.spanEnd = spanEnd
        self.excerpt = excerpt
        self.enteredBy = enteredBy
    }

    public var label: String {
        var parts: [String] = []
        if let document { parts.append(document) }
        if let enteredBy { parts.append("nhập bởi \(enteredBy)") }
        return parts.isEmpty ? "không rõ nguồn" : parts.joined(separator: ", ")
    }
}

/// A result of one unit for one indicator and period. Corrections never overwrite: each is a
/// new version, the highest version counts, and earlier ones stay readable.
public struct Observation: Hashable, Sendable, Identifiable {
    public var id: ObservationID
    public var unitID: UnitID
    public var indicatorCode: String
    public var period: Period
    /// The figure; nil when a document gives only a percentage ("giao quân đạt 100% chỉ tiêu").
    public var value: Double?
    public var qualifier: Qualifier?
    /// ước (đạt): an estimate that a final figure may replace.
    public var estimated: Bool
    /// Percent of plan as the source stated it.
    public var statedPercentOfPlan: Double?
    /// Growth on the same period last year as the source stated it.
    public var statedGrowthPercent: Double?
    /// `so sánh 2010`, `hiện hành`
    public var priceBasis: String?
    public var source: Provenance
    public var version: Int
    /// ISO 8601 timestamp of when this version was stored.
    public var recordedAt: String?
    /// Set on a figure nobody stored, derived from the units below (`RollUp`); never stored.
    public var derivation: Derivation?

    public init(
        id: ObservationID = 0, unitID: UnitID, indicatorCode: String, period: Period, value: Double?,
        qualifier: Qualifier? = nil, estimated: Bool = false, statedPercentOfPlan: Double? = nil,
        statedGrowthPercent: Double? = nil, priceBasis: String? = nil, source: Provenance = Provenance(),
        version: Int = 1, recordedAt: String? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.indicatorCode = indicatorCode
        self.period = period
        self.value = value
        self.qualifier = qualifier
        self.estimated = estimated
        self.statedPercentOfPlan = statedPercentOfPlan
        self.statedGrowthPercent = statedGrowthPercent
        self.priceBasis = priceBasis
        self.source = source
        self.version = version
        self.recordedAt = recordedAt
    }

    /// Unit, indicator and period: the versions of one figure share it.
    public var seriesKey: SeriesKey { SeriesKey(unitID: unitID, indicatorCode: indicatorCode, period: period) }

    /// Whether two observations say the same thing (ignoring version, provenance and time).
    public func hasSameFigures(as other: Observation) -> Bool {
        value == other.value && qualifier == other.qualifier && estimated == other.estimated
            && statedPercentOfPlan == other.statedPercentOfPlan && statedGrowthPercent == other.statedGrowthPercent
            && priceBasis == other.priceBasis
    }
}

/// The identity of one figure across its versions.
public struct SeriesKey: Hashable, Sendable {
    public var unitID: UnitID
    public var indicatorCode: String
    public var period: Period

    public init(unitID: UnitID, indicatorCode: String, period: Period) {
        self.unitID = unitID
        self.indicatorCode = indicatorCode
        self.period = period
    }
}

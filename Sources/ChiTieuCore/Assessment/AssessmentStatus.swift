/// The judgement of a target for a period.
public enum AssessmentStatus: String, Sendable, Codable, CaseIterable {
    /// vượt: the year (or term) is complete and the result is beyond the target.
    case exceeded
    /// đạt
    case met
    /// không đạt
    case missed
    /// Mid-period: the forecast reaches the target.
    case onTrack = "on_track"
    /// Mid-period: the forecast falls short by no more than the configured margin.
    case atRisk = "at_risk"
    /// Mid-period: the forecast falls short by more than that.
    case offTrack = "off_track"
    /// chưa đánh giá: no result, or a yearly indicator looked at mid-year.
    case unassessed

    public var label: String {
        switch self {
        case .exceeded: "Vượt"
        case .met: "Đạt"
        case .missed: "Không đạt"
        case .onTrack: "Đúng tiến độ"
        case .atRisk: "Có nguy cơ không đạt"
        case .offTrack: "Chậm tiến độ"
        case .unassessed: "Chưa đánh giá"
        }
    }

    /// Whether the target needs an explanation (giải trình) from the responsible office.
    public var needsExplanation: Bool { self == .missed || self == .atRisk || self == .offTrack }

    /// Order for an overview: the targets needing attention first.
    public var urgency: Int {
        switch self {
        case .offTrack: 0
        case .missed: 1
        case .atRisk: 2
        case .unassessed: 3
        case .onTrack: 4
        case .met: 5
        case .exceeded: 6
        }
    }
}

/// Where a growth figure came from.
public enum GrowthSource: String, Sendable, Codable {
    /// From the stored result of the same period last year.
    case history
    /// As the source document stated it; no stored history to compute it from.
    case stated
}

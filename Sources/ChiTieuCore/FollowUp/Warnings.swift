/// The early warnings of a unit and the units below it for a period: every target off track,
/// missed or at risk, worst first, with its colour, shortfall, trend since the previous review
/// and where its explanation stands — what a leader reads before asking for one.
public struct Warnings: Sendable {
    /// The colours of the reporting systems offices use.
    public enum Colour: String, Sendable, CaseIterable, Codable {
        case red, orange, green, grey

        public init(_ status: AssessmentStatus) {
            switch status {
            case .offTrack, .missed: self = .red
            case .atRisk: self = .orange
            case .onTrack, .met, .exceeded: self = .green
            case .unassessed: self = .grey
            }
        }

        public var label: String {
            switch self {
            case .red: "Chậm tiến độ hoặc không đạt"
            case .orange: "Có nguy cơ không đạt"
            case .green: "Đúng tiến độ hoặc đạt"
            case .grey: "Chưa đánh giá được"
            }
        }
    }

    /// The judgement against the previous review (three months earlier).
    public enum Trend: String, Sendable, Codable {
        case worse, better, same
        /// Not judged (or not a warning) at the previous review.
        case new

        public var label: String {
            switch self {
            case .worse: "Xấu đi so với kỳ trước"
            case .better: "Cải thiện so với kỳ trước"
            case .same: "Như kỳ trước"
            case .new: "Mới so với kỳ trước"
            }
        }
    }

    public struct Item: Sendable {
        public var unit: AdministrativeUnit
        public var assessment: Assessment
        public var colour: Colour
        public var trend: Trend
        /// The latest request for this target and period, if any.
        public var request: ExplanationRequest?
        public var requestState: ExplanationState?
    }

    public let period: Period
    public let items: [Item]
    /// How many targets of every colour, warnings or not.
    public let counts: [Colour: Int]

    /// - Parameters:
    ///   - overviews: the unit's and each unit's below, for `period`.
    ///   - previous: the same units' overviews for the previous review, if there is one.
    ///   - requests: explanation requests of these units for the period's year.
    public init(
        period: Period, overviews: [Overview], previous: [Overview], requests: [ExplanationRequest],
        today: CalendarDay
    ) {
        self.period = period
        var before: [String: Assessment] = [:]
        for overview in previous {
            for a in overview.all { before["\(overview.unit.id)|\(a.target.naturalKey)"] = a }
        }
        var counts: [Colour: Int] = [:]
        var items: [Item] = []
        for overview in overviews {
            for a in overview.all {
                let colour = Colour(a.status)
                counts[colour, default: 0] += 1
                guard colour == .red || colour == .orange else { continue }
                let request = requests.last {
                    $0.unitID == overview.unit.id && $0.indicatorCode == a.target.indicatorCode && $0.period == period
                }
                items.append(
                    Item(
                        unit: overview.unit, assessment: a, colour: colour,
                        trend: Self.trend(a, before["\(overview.unit.id)|\(a.target.naturalKey)"]), request: request,
                        requestState: request?.state(on: today)))
            }
        }
        self.counts = counts
        self.items = items.sorted(by: Self.worseFirst)
    }

    /// The review three months before: 6 months for 9 months; none before the first quarter's.
    public static func previousPeriod(of period: Period) -> Period? {
        guard period.toMonth > 3 else { return nil }
        return try? .yearToDate(period.year, through: period.toMonth - 3)
    }

    /// Status first (off track, missed, at risk), then the larger shortfall, then the unit.
    static func worseFirst(_ a: Item, _ b: Item) -> Bool {
        let (x, y) = (a.assessment, b.assessment)
        if x.status.urgency != y.status.urgency { return x.status.urgency < y.status.urgency }
        let (sx, sy) = (x.shortfallPercent ?? 0, y.shortfallPercent ?? 0)
        if sx != sy { return sx > sy }
        if a.unit.name != b.unit.name { return a.unit.name < b.unit.name }
        return x.indicator.name < y.indicator.name
    }

    /// Worse when the status is more urgent or the shortfall grew by half a point or more.
    static func trend(_ now: Assessment, _ before: Assessment?) -> Trend {
        guard let before, Colour(before.status) != .grey else { return .new }
        if now.status.urgency != before.status.urgency {
            return now.status.urgency < before.status.urgency ? .worse : .better
        }
        let change = (now.shortfallPercent ?? 0) - (before.shortfallPercent ?? 0)
        if change >= 0.5 { return .worse }
        if change <= -0.5 { return .better }
        return .same
    }
}

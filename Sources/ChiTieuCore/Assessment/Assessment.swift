/// The assessment of one target for one period.
public struct Assessment: Sendable, Equatable {
    public var target: Target
    public var indicator: Indicator
    public var period: Period
    /// The indicator's figure for the period (annual targets), or the last value used (term targets).
    public var value: Double?
    /// The figure the target is judged on, in the target's terms: the value itself for an
    /// annual plan, the average growth so far for `averageGrowth`, the running total for `cumulative`.
    public var achieved: Double?
    /// The last year `achieved` runs to, when that is a completed year before the period's
    /// ("72" kết nạp in 2023 shown beside the 9-month 2024 plan row): said beside the figure.
    public var achievedThrough: Int?
    /// Value ÷ target × 100, as reports state it mid-year against the annual figure.
    public var percentOfPlan: Double?
    /// Change on the same period last year: percent, or percentage points for rates.
    public var growthPercent: Double?
    public var growthSource: GrowthSource?
    /// Where the same period's figure came from when nobody entered it, or why growth is not
    /// comparable (`GrowthFigure.note`).
    public var growthNote: String?
    /// Share of the year's total expected by the end of the period.
    public var expectedShare: Double?
    /// Expected year-end (or term-end) figure in the target's terms.
    public var forecast: Double?
    public var status: AssessmentStatus
    /// Whether the figure is an estimate (ước).
    public var estimated: Bool
    /// How far the result or forecast falls short of the target, in percent of the target.
    public var shortfallPercent: Double?
    /// Why the target could not be assessed, or what the judgement rests on, in Vietnamese.
    public var note: String?
    /// The stored result the figures come from, when it is one result (not a sum of quarters):
    /// its qualifier, price basis and source.
    public var observation: Observation?

    public init(
        target: Target, indicator: Indicator, period: Period, value: Double? = nil, achieved: Double? = nil,
        percentOfPlan: Double? = nil, growthPercent: Double? = nil, growthSource: GrowthSource? = nil,
        expectedShare: Double? = nil, forecast: Double? = nil, status: AssessmentStatus, estimated: Bool = false,
        shortfallPercent: Double? = nil, note: String? = nil
    ) {
        self.target = target
        self.indicator = indicator
        self.period = period
        self.value = value
        self.achieved = achieved
        self.percentOfPlan = percentOfPlan
        self.growthPercent = growthPercent
        self.growthSource = growthSource
        self.expectedShare = expectedShare
        self.forecast = forecast
        self.status = status
        self.estimated = estimated
        self.shortfallPercent = shortfallPercent
        self.note = note
    }

    /// The target figure the result is compared with.
    public var targetValue: Double { target.bound.reference(for: indicator.direction) }
}

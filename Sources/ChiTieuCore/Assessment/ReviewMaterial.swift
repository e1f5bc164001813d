/// Everything a review report of one unit for one period is written from.
public struct ReviewMaterial: Sendable {
    public var overview: Overview
    /// The unit above, for the heading ("Đảng bộ tỉnh Gia Lai").
    public var parent: AdministrativeUnit?
    public var conference: Conference?
    public var committee: PartyCommittee
    /// Results of the period for indicators without a target.
    public var otherResults: [OtherResult]
    /// Targets set for the next year, for a year-end report.
    public var nextYearTargets: [PlannedTarget]
    /// A tally a document stated for the period, written when no targets are stored to count.
    public var statedTally: StatedTally?
    /// The accepted explanations (giải trình) of the period, quoted among the limitations.
    public var explanations: [ExplanationRequest] = []
    /// Tasks of the unit not yet completed, due this year or the next: the closing section's
    /// main tasks for the time ahead.
    public var openTasks: [FollowUpTask] = []

    public struct OtherResult: Sendable {
        public var indicator: Indicator
        public var observation: Observation

        public init(indicator: Indicator, observation: Observation) {
            self.indicator = indicator
            self.observation = observation
        }
    }

    public struct PlannedTarget: Sendable {
        public var indicator: Indicator
        public var target: Target

        public init(indicator: Indicator, target: Target) {
            self.indicator = indicator
            self.target = target
        }
    }

    public init(
        overview: Overview, parent: AdministrativeUnit? = nil, conference: Conference? = nil, committee: PartyCommittee,
        otherResults: [OtherResult] = [], nextYearTargets: [PlannedTarget] = [], statedTally: StatedTally? = nil
    ) {
        self.statedTally = statedTally
        self.overview = overview
        self.parent = parent
        self.conference = conference
        self.committee = committee
        self.otherResults = otherResults
        self.nextYearTargets = nextYearTargets
    }

    public var unit: AdministrativeUnit { overview.unit }
    public var period: Period { overview.period }
}

extension Indicator {
    /// A rate of growth ("Tốc độ tăng trưởng kinh tế"): reports state it as a change, "tăng 7,2%".
    public var isGrowthRate: Bool {
        guard isRate else { return false }
        let key = NameKey(name).rawValue
        return key.contains("tăng trưởng") || key.contains("tốc độ tăng")
    }
}

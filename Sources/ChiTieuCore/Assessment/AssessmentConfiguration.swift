/// Thresholds of the assessment, set per deployment.
public struct AssessmentConfiguration: Sendable, Codable, Equatable {
    /// A mid-period forecast short of the target by up to this many percent is `at_risk`;
    /// beyond it, `off_track`.
    public var atRiskShortfallPercent: Double
    /// Use last year's share of the year reached by this month, when history has it,
    /// instead of months ÷ 12 (harvests and budget revenue are not spread evenly).
    public var seasonalShare: Bool
    /// A stated percent of plan or growth more than this many percentage points from the
    /// computed one is reported by the consistency checks.
    public var statedFigureTolerance: Double

    public init(atRiskShortfallPercent: Double = 10, seasonalShare: Bool = true, statedFigureTolerance: Double = 0.5) {
        self.atRiskShortfallPercent = atRiskShortfallPercent
        self.seasonalShare = seasonalShare
        self.statedFigureTolerance = statedFigureTolerance
    }

    public static let standard = AssessmentConfiguration()
}

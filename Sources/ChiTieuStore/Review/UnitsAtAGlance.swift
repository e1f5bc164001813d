import ChiTieuCore

/// A leader's view over the units below a unit for a period: each unit's status on the main
/// targets (those most of the units have), its share of targets on track, and where it lies.
public struct UnitsAtAGlance: Sendable {
    public struct Row: Sendable {
        public let unit: AdministrativeUnit
        /// By indicator code: the unit's annual plan's assessment, when it has one.
        public let assessments: [String: Assessment]
        /// Targets on track (exceeded, met, on track) among those assessed; nil when none is.
        public let share: Double?
        public let assessed: Int
        public let coordinate: Coordinate?
    }

    public let unit: AdministrativeUnit
    public let period: Period
    /// The indicators of the columns: at most six, those most units have a plan for.
    public let indicators: [Indicator]
    /// Worst first: the lowest share on track, units not yet assessed last.
    public let rows: [Row]

    /// The overviews of the units below, read together.
    public static func load(_ unit: AdministrativeUnit, period: Period, review: UnitReview) async throws
        -> UnitsAtAGlance
    {
        let children = try await review.repository.children(of: unit.id).filter { $0.existed(on: period.endDay) }
        var rows: [Row] = []
        var frequency: [String: Int] = [:]
        var byCode: [String: Indicator] = [:]
        for (child, overview) in zip(children, try await review.overviews(of: children, period: period)) {
            var assessments: [String: Assessment] = [:]
            for a in overview.annual where assessments[a.indicator.code] == nil {
                assessments[a.indicator.code] = a
                frequency[a.indicator.code, default: 0] += 1
                byCode[a.indicator.code] = a.indicator
            }
            let judged = overview.all.filter { $0.status != .unassessed }
            let good = judged.filter { [.exceeded, .met, .onTrack].contains($0.status) }.count
            rows.append(
                Row(
                    unit: child, assessments: assessments,
                    share: judged.isEmpty ? nil : Double(good) / Double(judged.count), assessed: judged.count,
                    coordinate: StandardRegistry.coordinate(of: child)))
        }
        let main = frequency.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(6).compactMap { byCode[$0.key] }
        rows.sort { ($0.share ?? 2, $0.unit.name) < ($1.share ?? 2, $1.unit.name) }
        return UnitsAtAGlance(unit: unit, period: period, indicators: main, rows: rows)
    }
}

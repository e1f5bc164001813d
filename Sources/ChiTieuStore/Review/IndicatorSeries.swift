import ChiTieuCore

/// One indicator of one unit over a year and the year before: every result stored (latest
/// versions, by period) and the year's plans — what a chart of it against plan and last
/// year is drawn from.
public struct IndicatorSeries: Sendable {
    public let indicator: Indicator
    public let unit: AdministrativeUnit
    public let year: Int
    /// Results of `year - 1` and `year`, in period order.
    public let results: [Observation]
    /// Annual plans of `year` and resolution targets covering it.
    public let targets: [Target]

    public static func load(
        _ indicator: Indicator, of unit: AdministrativeUnit, year: Int, repository: any ChiTieuRepository
    ) async throws -> IndicatorSeries {
        let results = try await repository.observations(unitIDs: [unit.id], years: (year - 1)...year)
            .filter { $0.indicatorCode == indicator.code }
            .sorted {
                ($0.period.year, $0.period.toMonth, $0.period.fromMonth) < (
                    $1.period.year, $1.period.toMonth, $1.period.fromMonth
                )
            }
        let targets = try await repository.targets(unitIDs: [unit.id], years: year...year)
            .filter { $0.indicatorCode == indicator.code }
            .sorted { ($0.isAnnual ? 0 : 1, $0.issuerRank) < ($1.isAnnual ? 0 : 1, $1.issuerRank) }
        return IndicatorSeries(indicator: indicator, unit: unit, year: year, results: results, targets: targets)
    }

    /// Year-to-date results (January to a month) of one year, by month.
    public func yearToDate(_ year: Int) -> [Observation] {
        results.filter { $0.period.year == year && $0.period.fromMonth == 1 && $0.value != nil }
    }

    /// The plan a chart draws as its line: the highest-ranked annual plan.
    public var plan: Target? { targets.first { $0.isAnnual && $0.measure == .value } }
}

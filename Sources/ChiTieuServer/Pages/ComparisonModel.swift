import ChiTieuCore
import ChiTieuStore

/// One indicator across the units below a unit for a period, loaded once and shared by the
/// compare page (`ComparePage.View`) and its JSON twin (`OverviewAPI.ComparisonJSON`).
struct ComparisonModel: Sendable {
    let unit: AdministrativeUnit
    let indicator: Indicator
    let period: Period
    /// Ranked: units with a value first, largest first.
    let rows: [UnitComparison.Row]

    static func load(
        _ indicator: Indicator, under unit: AdministrativeUnit, period: Period, services: AppServices
    ) async throws -> ComparisonModel {
        let rows = try await UnitComparison(repository: services.repository).compare(
            indicator, under: unit, period: period)
        return ComparisonModel(unit: unit, indicator: indicator, period: period, rows: rows)
    }

    var json: OverviewAPI.ComparisonJSON {
        OverviewAPI.ComparisonJSON(
            indicator: .init(indicator), period: period.label,
            rows: rows.enumerated().map { n, row in
                .init(
                    rank: row.value == nil ? nil : n + 1, unit: .init(row.unit), value: row.value,
                    target: row.assessment?.targetValue,
                    percent_of_plan: row.assessment?.percentOfPlan?.rounded(places: 2),
                    growth_percent: row.assessment?.growthPercent?.rounded(places: 2),
                    status: row.assessment?.status.rawValue)
            })
    }
}

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
    /// Whether each unit has reported all its targets for the period (`ReportingOverview`).
    var reporting: [UnitID: UnitReporting] = [:]
    /// The years in which the unit had units below it (the old districts until 2025), for a
    /// period without any.
    var yearsWithChildren: ClosedRange<Int>?

    static func load(
        _ indicator: Indicator, under unit: AdministrativeUnit, period: Period, services: AppServices
    ) async throws -> ComparisonModel {
        let rows = try await UnitComparison(repository: services.repository).compare(
            indicator, under: unit, period: period)
        var model = ComparisonModel(unit: unit, indicator: indicator, period: period, rows: rows)
        if !rows.isEmpty {
            let status = try await ReportingOverview.load(
                unit, period: period, today: services.configuration.clock.today, repository: services.repository)
            model.reporting = Dictionary(status.units.map { ($0.unit.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        if rows.isEmpty {
            let children = try await services.repository.children(of: unit.id)
            let first = children.map { $0.validFrom?.year ?? Period.yearRange.lowerBound }.min()
            let last = children.map { $0.lastYear ?? services.currentYear }.max()
            if let first, let last, first <= last { model.yearsWithChildren = first...last }
        }
        return model
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
                    status: row.assessment?.status.rawValue, reporting: reporting[row.unit.id]?.state.rawValue)
            })
    }
}

extension UnitReporting {
    /// Whether the unit still owes figures of the period: its rank is not yet comparable.
    var isIncomplete: Bool { [.overdue, .notYet, .partly].contains(state) }
}

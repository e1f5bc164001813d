import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/so-sanh?chi-tieu=&nam=&thang=`: one indicator across the units below a unit,
/// as a ranked bar chart and a table.
struct ComparePage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.compare.pattern, use: page)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let indicators: [LayoutView.Option]
        let action: String
        let year: Int
        let month: Int
        let chart: String?
        let rows: [Row]
        let noChildren: Bool
        let noValues: Bool
    }

    struct Row {
        let rank: String
        let title: String
        let href: String
        let value: String
        let target: String
        let percent: String
        let growth: String
        let status: String
        let statusClass: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await services.pagePeriod(values, of: unit)
        let catalogue = try await services.repository.indicators()
        let indicator: Indicator
        if let code = values.string("chi-tieu") {
            indicator = try await services.indicator(code, field: "chi-tieu")
        } else {
            indicator = catalogue.first { $0.code == "total_production_value" } ?? catalogue[0]
        }
        let rows = try await UnitComparison(repository: services.repository).compare(
            indicator, under: unit, period: period)
        let withValues = rows.filter { $0.value != nil }
        let heading = "So sánh: \(indicator.name) — các đơn vị thuộc \(unit.title), \(period.label)"
        let chart = BarChart(
            title: heading,
            bars: withValues.map { row in
                .init(
                    label: row.unit.name, value: row.value!,
                    cls: row.assessment.map { Display.statusClass($0.status) } ?? "")
            }, measureUnit: indicator.measureUnit)
        let view = View(
            layout: try await services.layout(
                context: context,
                heading, page: .compare, unit: unit, period: period, indicator: indicator.code),
            heading: heading,
            indicators: catalogue.map { .init(value: $0.code, label: $0.name, selected: $0.code == indicator.code) },
            action: SiteURL.unit(unit.id, .compare).path(), year: period.year, month: period.toMonth,
            chart: withValues.isEmpty ? nil : chart.svg(),
            rows: rows.enumerated().map { n, row in Self.row(n, row, indicator: indicator, period: period) },
            noChildren: rows.isEmpty, noValues: !rows.isEmpty && withValues.isEmpty)
        return try services.pages.render(view, template: "compare")
    }

    private static func row(_ n: Int, _ row: UnitComparison.Row, indicator: Indicator, period: Period) -> Row {
        Row(
            rank: row.value == nil ? "–" : "\(n + 1)", title: row.unit.capitalizedTitle,
            href: PageAddress.indicator(row.unit.id, indicator.code, period),
            value: AssessmentWording.value(
                row.value, qualifier: row.observation?.qualifier, estimated: row.observation?.estimated ?? false),
            target: row.assessment.map(AssessmentWording.target) ?? "–",
            percent: Display.percent(row.assessment?.percentOfPlan),
            growth: row.assessment.map(AssessmentWording.growth) ?? "–",
            status: row.assessment?.status.label ?? "Chưa có kế hoạch",
            statusClass: row.assessment.map { Display.statusClass($0.status) } ?? "")
    }
}

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
        /// Why there is nothing to compare, when units below existed in other years.
        let otherYears: String?
        let noValues: Bool

        static func heading(_ model: ComparisonModel) -> String {
            "So sánh: \(model.indicator.name) — các đơn vị thuộc \(model.unit.title), \(model.period.label)"
        }

        /// The page for `model`, with `catalogue` to choose another indicator from: pure, tested without HTTP.
        init(_ model: ComparisonModel, catalogue: [Indicator], layout: LayoutView) {
            let (unit, indicator, period) = (model.unit, model.indicator, model.period)
            let withValues = model.rows.filter { $0.value != nil }
            self.layout = layout
            heading = Self.heading(model)
            indicators = catalogue.map { .init(value: $0.code, label: $0.name, selected: $0.code == indicator.code) }
            action = SiteURL.unit(unit.id, .compare).path()
            year = period.year
            month = period.toMonth
            let bars = withValues.map { row in
                BarChart.Bar(
                    label: row.unit.name, value: row.value!,
                    cls: row.assessment.map { Display.statusClass($0.status) } ?? "")
            }
            chart =
                withValues.isEmpty
                ? nil : BarChart(title: heading, bars: bars, measureUnit: indicator.measureUnit).svg()
            rows = model.rows.enumerated().map { n, row in
                var shown = ComparePage.row(n, row, indicator: indicator, period: period)
                if let reporting = model.reporting[row.unit.id], reporting.isIncomplete {
                    shown.incomplete = reporting.label
                }
                return shown
            }
            noChildren = model.rows.isEmpty && model.yearsWithChildren == nil
            otherYears =
                model.rows.isEmpty
                ? model.yearsWithChildren.map { years in
                    let span =
                        years.lowerBound == years.upperBound
                        ? "năm \(years.lowerBound)" : "các năm \(years.lowerBound) - \(years.upperBound)"
                    return
                        "Trong \(period.label), \(unit.title) không có đơn vị trực thuộc (có trong \(span)): chọn năm khác ở ô Năm phía trên."
                } : nil
            noValues = !model.rows.isEmpty && withValues.isEmpty
        }
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
        /// «Báo cáo một phần (1/3)»: the unit has not reported all its figures of the period.
        var incomplete: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        // every unit below read and ranked (a fifth of a second for 168 communes): kept as the overview is
        try await services.cachedUnitAnswer(request, context: context, contentType: PageRenderer.contentType) {
            try await html($0, $1, context: context)
        }
    }

    private func html(_ unit: AdministrativeUnit, _ values: RequestValues, context: AppRequestContext) async throws
        -> ByteBuffer
    {
        let catalogue = try await services.repository.indicators()
        let model = try await ComparisonModel.load(
            try await indicator(values, catalogue: catalogue), under: unit,
            period: try await services.pagePeriod(values, of: unit), services: services)
        let layout = try await services.layout(
            context: context, View.heading(model), page: .compare, unit: unit, period: model.period,
            indicator: model.indicator.code)
        return try services.pages.html(View(model, catalogue: catalogue, layout: layout), template: "compare")
    }

    /// `?chi-tieu=CODE`, else total production value, the indicator every review opens with.
    private func indicator(_ values: RequestValues, catalogue: [Indicator]) async throws -> Indicator {
        if let code = values.string("chi-tieu") { return try await services.indicator(code, field: "chi-tieu") }
        guard let first = catalogue.first(where: { $0.code == "total_production_value" }) ?? catalogue.first else {
            throw APIError.notFound("Danh mục chỉ tiêu còn trống.")
        }
        return first
    }

    fileprivate static func row(_ n: Int, _ row: UnitComparison.Row, indicator: Indicator, period: Period) -> Row {
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

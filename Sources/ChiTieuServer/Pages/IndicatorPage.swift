import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation
import Hummingbird

/// `/don-vi/{id}/chi-tieu/{code}?nam=&thang=`: one indicator of one unit — a chart of its
/// results by month against the plan and last year, and where each figure came from.
struct IndicatorPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.indicator("").pattern, use: page)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let indicator: String
        let measureUnit: String
        let kindNote: String
        let chart: String
        let hasResults: Bool
        let targets: [PlanLine]
        let results: [ResultLine]
        let compareHref: String
        let entryHref: String
        let historyHref: String
        /// The explanation requests of this indicator in the year, with their threads.
        let explanations: [ExplanationsPage.View.Card]
    }

    struct PlanLine {
        let scope: String
        let issuer: String
        let text: String
    }

    struct ResultLine {
        let period: String
        let value: String
        let estimated: Bool
        let version: Int
        let corrected: Bool
        let recordedAt: String
        let source: String
        let excerpt: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let indicator = try await services.indicator(context.parameters.get("code"), field: "code")
        let period = try await services.pagePeriod(values, of: unit)
        let series = try await IndicatorSeries.load(
            indicator, of: unit, year: period.year, repository: services.repository)
        let heading = "\(indicator.name) — \(unit.capitalizedTitle)"
        let points = { (year: Int) in series.yearToDate(year).map { (month: $0.period.toMonth, value: $0.value!) } }
        let plan = series.plan
        let chart = LineChart(
            title: "\(indicator.name), \(unit.capitalizedTitle), năm \(period.year)",
            series: [
                .init(name: "Năm \(period.year)", points: points(period.year)),
                .init(name: "Cùng kỳ năm \(period.year - 1)", points: points(period.year - 1), dashed: true),
            ],
            plan: plan.map {
                (
                    "\($0.planWord.prefix(1).uppercased() + $0.planWord.dropFirst()) năm \(period.year)",
                    $0.bound.reference(for: indicator.direction)
                )
            },
            measureUnit: indicator.measureUnit)
        var versionsSeen: [String: Int] = [:]
        for o in series.results { versionsSeen[o.period.description] = o.version }
        let view = View(
            layout: try await services.layout(context: context, heading, page: nil, unit: unit, period: period),
            heading: heading, indicator: indicator.name, measureUnit: indicator.measureUnit,
            kindNote: Self.kindNote(indicator),
            chart: chart.svg(), hasResults: !series.results.isEmpty,
            targets: series.targets.map { t in
                PlanLine(
                    scope: t.scope.label, issuer: t.planWord,
                    text: (t.isAnnual ? "" : t.measure.title + " ") + Self.bound(t.bound) + " "
                        + (t.measure.isPercentage ? "%" : t.measure == .averageReduction ? "" : indicator.measureUnit))
            },
            results: series.results.reversed().map { o in
                ResultLine(
                    period: o.period.label,
                    value: AssessmentWording.quantity(o.value, unit: indicator.measureUnit, qualifier: o.qualifier),
                    estimated: o.estimated, version: o.version, corrected: o.version > 1,
                    recordedAt: o.recordedAt.map(Timestamp.vietnamese)
                        ?? "",
                    source: o.source.label, excerpt: o.source.excerpt)
            },
            compareHref: PageAddress.compare.path(unit.id, period, indicator: indicator.code),
            entryHref: PageAddress.entry.path(unit.id, period),
            historyHref: PageAddress.history.path(unit.id, period, indicator: indicator.code),
            explanations: try await explanations(of: indicator, unit: unit, year: period.year, context: context))
        return try services.pages.render(view, template: "indicator")
    }

    private func explanations(
        of indicator: Indicator, unit: AdministrativeUnit, year: Int, context: AppRequestContext
    ) async throws -> [ExplanationsPage.View.Card] {
        let requests = try await services.repository.explanationRequests(unitIDs: [unit.id], years: year...year)
            .filter { $0.indicatorCode == indicator.code }
        guard !requests.isEmpty else { return [] }
        let units = try await services.unitsByID()
        return ExplanationsPage.View(
            requests.reversed(), heading: "", layout: LayoutView(title: ""), units: units,
            indicators: [indicator.code: indicator],
            reader: ExplanationRules(identity: context.identity, units: units),
            today: services.configuration.clock.today
        ).requests
    }

    static func bound(_ bound: TargetBound) -> String {
        switch bound {
        case .atLeast(let v): "từ \(v.vietnamese) trở lên"
        case .atMost(let v): "không quá \(v.vietnamese)"
        case .between(let low, let high): "từ \(low.vietnamese) đến \(high.vietnamese)"
        }
    }

    static func kindNote(_ indicator: Indicator) -> String {
        let kind = indicator.kind == .flow ? "cộng dồn trong năm" : "mức đạt tại thời điểm"
        let direction = indicator.direction == .higherIsBetter ? "càng cao càng tốt" : "càng thấp càng tốt"
        return "Chỉ tiêu \(kind), \(direction); lĩnh vực \(indicator.field.title.lowercased())."
    }
}

import ChiTieuCore
import Hummingbird

/// `GET /units/{id}/report?year=&to_month=&format=txt|html|docx|xlsx|csv`.
struct ReportsAPI {
    let services: AppServices

    /// Routes of the `api/v1/units/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.report.pattern, use: report)
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let format = try ReportFile.Format(name: values.string("format") ?? "txt")
        let asked = try values.period(yearKey: "year", monthKey: "to_month", currentYear: services.currentYear)
        let period = if let asked { asked } else { try await services.latestPeriod(of: unit) }
        let material = try await services.review.material(of: unit, period: period)
        return try ReportFile(material: material, format: format).response()
    }
}

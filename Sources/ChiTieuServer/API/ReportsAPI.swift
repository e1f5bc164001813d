import ChiTieuCore
import Hummingbird

/// `GET /units/{id}/report?year=&to_month=&format=txt|html|docx|xlsx|csv`.
struct ReportsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("units/:id/report", use: report)
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try await services.unit(values.unitID(), for: context)
        let format = try ReportFile.Format(name: values.string("format") ?? "txt")
        let asked = try values.period(yearKey: "year", monthKey: "to_month", currentYear: services.currentYear)
        let period = if let asked { asked } else { try await services.latestPeriod(of: unit) }
        let material = try await services.review.material(of: unit, period: period)
        return try ReportFile(material: material, format: format).response()
    }
}

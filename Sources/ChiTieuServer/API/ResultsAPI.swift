import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `GET /units/{id}/results`, `POST /units/{id}/results` (one result, or a list of them saved
/// together or not at all), and the versions of one figure. A posted result never
/// overwrites: a different value becomes a new version.
struct ResultsAPI {
    let services: AppServices

    /// Routes of the `api/v1/units/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.results.pattern, use: list)
        unit.post(SiteURL.UnitAPI.results.pattern, use: save)
        unit.get(SiteURL.UnitAPI.resultVersions("").pattern, use: versions)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<APIModels.Result>
    {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let year = try values.integer("year", in: services.years.targetYears, what: "Năm")
        let code = values.string("indicator")
        let results = try await services.repository.observations(
            unitIDs: [unit.id], years: year.map { $0...$0 } ?? Period.yearRange)
        return .init(items: results.filter { code == nil || $0.indicatorCode == code }.map(APIModels.Result.init))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<APIModels.Saved>
    {
        let unit = try context.scopedUnit()
        let inputs = try await JSONBody.decode(OneOrMany<ResultInput>.self, from: request).items
        let indicators = try await services.repository.indicatorsByCode()
        var batch = DataBatch()
        batch.author = context.author(via: "API")
        var problems: [String] = []
        for (index, input) in inputs.enumerated() {
            do {
                batch.add(
                    try input.observation(of: unit, indicators: indicators, enteredBy: "API"), origin: "[\(index)]")
            } catch let error as APIError where inputs.count > 1 {
                problems.append("[\(index)].\(error.field ?? "value"): \(error.message)")
            }
        }
        if !problems.isEmpty {
            var error = APIError(
                .unprocessableContent, "Có \(problems.count) kết quả sai; chưa lưu kết quả nào.", field: "results")
            error.problems = problems
            throw error
        }
        let summary = try await services.repository.save(batch)
        let created = summary.observationsAdded + summary.observationsCorrected > 0
        return EditedResponse(status: created ? .created : .ok, response: APIModels.Saved(summary))
    }

    /// Every version of one figure, oldest first: `?year=&to_month=[&from_month=]`.
    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws
        -> APIModels.List<APIModels.Result>
    {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let code = context.parameters.get("code") ?? ""
        guard try await services.repository.indicatorsByCode()[code] != nil else {
            throw APIError.notFound("Không có chỉ tiêu mã «\(code)» trong danh mục.")
        }
        guard let year = try values.integer("year", in: services.years.targetYears, what: "Năm") else {
            throw APIError.badRequest("Thiếu năm (year).", field: "year")
        }
        let to = try values.integer("to_month", in: 1...12, what: "Tháng") ?? 12
        let from = try values.integer("from_month", in: 1...to, what: "Từ tháng") ?? 1
        let period = try Period(year: year, fromMonth: from, toMonth: to)
        let key = SeriesKey(unitID: unit.id, indicatorCode: code, period: period)
        return .init(items: try await services.repository.versions(of: key).map(APIModels.Result.init))
    }
}

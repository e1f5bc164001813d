import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `GET /units/{id}/targets?year=`, `POST /units/{id}/targets`: plans and resolution targets.
struct TargetsAPI {
    let services: AppServices

    /// Routes of the `api/v1/units/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.targets.pattern, use: list)
        unit.post(SiteURL.UnitAPI.targets.pattern, use: save)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<APIModels.Target>
    {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let year = try values.integer("year", in: services.years.targetYears, what: "Năm")
        let years = year.map { $0...$0 } ?? Period.yearRange
        let targets = try await services.repository.targets(unitIDs: [unit.id], years: years)
        return .init(items: targets.map(APIModels.Target.init))
    }

    /// Adds a target, or replaces the value of the one with the same indicator, scope, kind and issuer.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<APIModels.Saved>
    {
        let unit = try context.scopedUnit()
        let input = try await JSONBody.decode(TargetInput.self, from: request)
        var batch = DataBatch()
        batch.author = context.author(via: "API")
        batch.add(
            try input.target(
                of: unit, indicators: try await services.repository.indicatorsByCode(),
                yearRange: services.years.termYears))
        let summary = try await services.repository.save(batch)
        return EditedResponse(status: summary.targetsAdded > 0 ? .created : .ok, response: APIModels.Saved(summary))
    }
}

extension APIModels.Saved {
    init(_ summary: SaveSummary) {
        self.init(
            message: summary.sentence, targets_added: summary.targetsAdded, targets_updated: summary.targetsUpdated,
            results_added: summary.observationsAdded, results_corrected: summary.observationsCorrected,
            results_unchanged: summary.observationsUnchanged)
    }
}

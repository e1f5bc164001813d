import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `GET /units/{id}/targets?year=`, `POST /units/{id}/targets`: plans and resolution targets.
struct TargetsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("units/:id/targets", use: list)
        group.post("units/:id/targets", use: save)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<APIModels.Target>
    {
        let values = RequestValues(request: request, context: context)
        let unit = try await services.unit(values.unitID(), for: context)
        let year = try values.integer("year", in: 1945...(services.currentYear + 10), what: "Năm")
        let years = year.map { $0...$0 } ?? Period.yearRange
        let targets = try await services.repository.targets(unitIDs: [unit.id], years: years)
        return .init(items: targets.map(APIModels.Target.init))
    }

    /// Adds a target, or replaces the value of the one with the same indicator, scope, kind and issuer.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<APIModels.Saved>
    {
        let unit = try await services.unit(
            RequestValues(request: request, context: context).unitID(), for: context, writing: true)
        let input = try await JSONBody.decode(TargetInput.self, from: request)
        var batch = DataBatch()
        batch.author = context.author(via: "API")
        batch.add(
            try input.target(
                of: unit, indicators: try await services.repository.indicatorsByCode(),
                yearRange: 1945...(services.currentYear + 30)))
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

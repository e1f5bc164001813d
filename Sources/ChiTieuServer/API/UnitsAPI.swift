import ChiTieuCore
import Hummingbird

/// `GET /units`, `GET /units/{id}`: the unit hierarchy, past and present.
struct UnitsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>, unit: RouterGroup<AppRequestContext>) {
        group.get(SiteURL.APIRoute.units.pattern, use: list)
        unit.get(SiteURL.UnitAPI.show.pattern, use: show)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<APIModels.Unit> {
        .init(items: try await services.visibleUnits(for: context).map(APIModels.Unit.init))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> APIModels.UnitDetail {
        let unit = try context.scopedUnit()
        let committee = try await services.repository.committee(of: unit)
        return APIModels.UnitDetail(
            unit: .init(unit), children: try await services.repository.children(of: unit.id).map(APIModels.Unit.init),
            committee: committee.name,
            terms: committee.terms.map {
                .init(number: $0.number, from_year: $0.fromYear, to_year: $0.toYear, title: $0.label)
            })
    }
}

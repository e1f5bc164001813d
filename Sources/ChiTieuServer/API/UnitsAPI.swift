import ChiTieuCore
import Hummingbird

/// `GET /units`, `GET /units/{id}`: the unit hierarchy, past and present.
struct UnitsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>, unit: RouterGroup<AppRequestContext>) {
        group.get(SiteURL.APIRoute.units.pattern, use: list)
        unit.get(SiteURL.UnitAPI.show.pattern, use: show)
    }

    /// The working set (units with plans, figures or accounts, and their parents); with
    /// `?search=`, the readable units of the whole registry matching a name or code (at most
    /// 50), with `?on=`, only those existing that day.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<APIModels.Unit> {
        let values = RequestValues(request: request, context: context)
        guard let text = values.string("search") else {
            return .init(items: try await services.workingUnits(for: context).map(APIModels.Unit.init))
        }
        let search = UnitSearch(
            text, on: try values.day("on"), in: try await services.unitDirectory(), access: context.identity.access)
        return .init(items: search.matches.map { APIModels.Unit($0.unit) })
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

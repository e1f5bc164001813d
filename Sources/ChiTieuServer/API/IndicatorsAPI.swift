import ChiTieuCore
import Hummingbird

/// `GET /indicators`, `GET /indicators/{code}`: the catalogue.
struct IndicatorsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(SiteURL.APIRoute.indicators.pattern, use: list)
        group.get(SiteURL.APIRoute.indicator("").pattern, use: show)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws
        -> APIModels.List<APIModels.Indicator>
    {
        .init(items: try await services.repository.indicators().map(APIModels.Indicator.init))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> APIModels.Indicator {
        let code = context.parameters.get("code") ?? ""
        guard let indicator = try await services.repository.indicatorsByCode()[code] else {
            throw APIError.notFound("Không có chỉ tiêu mã «\(code)» trong danh mục.")
        }
        return .init(indicator)
    }
}

import ChiTieuCore
import Hummingbird

/// The middleware of the `don-vi/:id` and `api/v1/units/:id` route groups: it resolves the
/// unit once, checks that the person asking may read it (and change it, for anything but GET),
/// and hands it to the route in the context. A route added to either group is checked without
/// a line of its own; a handler reads the unit with `context.scopedUnit()`.
struct UnitScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices
    /// Whether a change needs the right to change the unit; off for the follow-up routes,
    /// where a reader above asks and `ExplanationDesk` checks who may do what.
    var changesNeedWriting = true

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let writing = changesNeedWriting && request.method != .get && request.method != .head
        context.unit = try await services.unit(
            RequestValues(request: request, context: context).unitID(), for: context, writing: writing)
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// The unit of a route in a unit group, already checked for this request.
    func scopedUnit() throws -> AdministrativeUnit {
        guard let unit else {
            throw APIError(.internalServerError, "Tuyến này nằm ngoài nhóm đơn vị (lỗi lập trình).")
        }
        return unit
    }
}

import Hummingbird
import Logging

/// Turns any error of a route into what the client can read: JSON under `/api`, a page
/// elsewhere, always with a Vietnamese message; bad input never becomes a 500.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let refusal = APIError(error)
            let failed = refusal.status == .internalServerError
            if failed {
                context.logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            }
            let path = request.uri.path
            if path.hasPrefix(SiteURL.apiRoot + "/") || path == SiteURL.health.path() {
                return Response(
                    status: refusal.status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: refusal.json))
            }
            let view = ErrorView(
                layout: LayoutView(title: "Lỗi \(refusal.status.code)"), status: refusal.status.code,
                message: refusal.message, problems: refusal.problems ?? [], requestID: failed ? context.id : nil)
            return try pages.render(view, template: "error", status: refusal.status)
        }
    }
}

struct ErrorView {
    let layout: LayoutView
    let status: Int
    let message: String
    let problems: [String]
    /// On a server fault only: the id of the log line that says what went wrong.
    let requestID: String?
}

import Hummingbird
import Logging

/// One line per answered request, with the request id Hummingbird gives every request (the
/// same id is on the 500 page and in `X-Request-Id`, so an IT officer finds the line a user
/// reports). Only the path is written: the query may carry a return address or a token, and
/// bodies carry passwords and figures, so neither is ever logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let requestIDHeader = "X-Request-Id"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.init(Self.requestIDHeader)!] = context.id
            log(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            // Only what the error page could not turn into a response reaches here.
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)", "client": "\(context.remoteAddress ?? "-")",
            ])
    }
}

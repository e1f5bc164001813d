import Foundation
import Hummingbird

/// Behind a reverse proxy every request comes from the proxy's address; the sign-in limit per
/// address and the audit trail need the client's. When the peer is a configured trusted proxy,
/// the client is the last address in `X-Forwarded-For` that is not itself a trusted proxy
/// (earlier entries are whatever the client chose to send), and `X-Forwarded-Proto: https`
/// says the client came over TLS. From any other peer these headers are ignored.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let peer = context.remoteAddress, trustedProxies.contains(peer) else {
            return try await next(request, context)
        }
        var context = context
        let forwarded = request.headers[values: .init("X-Forwarded-For")!]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if let client = forwarded.last(where: { !trustedProxies.contains($0) }) ?? forwarded.first {
            context.remoteAddress = client
        }
        let proto = request.headers[.init("X-Forwarded-Proto")!]?.lowercased()
        context.overTLS = proto?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces) == "https"
        return try await next(request, context)
    }
}

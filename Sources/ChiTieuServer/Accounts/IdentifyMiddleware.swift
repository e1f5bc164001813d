import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// The cookies and fields of a browser session.
enum SessionCookie {
    static let session = "chitieu_phien"
    static let csrf = "chitieu_csrf"
    static let csrfField = "_csrf"
    static let csrfHeader = "x-csrf-token"
}

/// Finds who is asking, for every request: a personal API token (`Authorization: Bearer`), a
/// session cookie, or an anonymous reader (who gets a double-submit CSRF cookie for the sign-in
/// form). It refuses nothing but a wrong token; what each group of routes requires is the
/// business of `RequireReaderMiddleware` and `CSRFMiddleware`. Sessions live in the database:
/// the server keeps nothing between requests.
struct IdentifyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: any AccountRepository
    let configuration: ServerConfiguration
    let cache: ResponseCache

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let bearer = Self.bearerToken(request) {
            guard let found = try await accounts.apiTokenUser(token: bearer) else {
                throw APIError(.unauthorized, "Mã API không đúng, đã bị thu hồi, hoặc tài khoản đã bị khóa.")
            }
            context.identity = Identity(
                user: found.user, access: AccessScope(user: found.user), csrfToken: nil,
                tokenChannel: found.token.channel)
            return try await next(request, context)
        }
        let cookies = request.headers[values: .cookie]
        if let token = Self.cookie(SessionCookie.session, in: cookies),
            let session = try await cache.session(
                token, load: { try await accounts.session(token: token, now: configuration.clock.timestamp()) })
        {
            context.identity = Identity(
                user: session.user, access: AccessScope(user: session.user), csrfToken: session.csrfToken,
                sessionToken: token)
            return try await next(request, context)
        }
        let existing = Self.cookie(SessionCookie.csrf, in: cookies)
        // Only pages carry forms: an anonymous API reader needs no token (and drawing one for
        // every request was a tenth of the time of a cached JSON answer).
        let needsToken = existing == nil && !request.uri.path.hasPrefix(SiteURL.apiRoot + "/")
        let csrf = existing ?? (needsToken ? SecretToken.make() : nil)
        context.identity = Identity(
            user: nil, access: AccessScope(configuration.publicReading ? .readEverything : .nothing), csrfToken: csrf)
        var response = try await next(request, context)
        if needsToken, let csrf {
            response.setCookie(
                Cookie(
                    name: SessionCookie.csrf, value: csrf, path: "/",
                    secure: configuration.secureCookies || context.overTLS, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The value of cookie `name`, read over the header's bytes: every signed-in request does
    /// this, and the general parser (a `Character` split of every cookie) showed in profiles.
    static func cookie(_ name: String, in headers: [String]) -> String? {
        let wanted = Array(name.utf8) + [UInt8(ascii: "=")]
        for header in headers {
            var rest = Substring(header).utf8[...]
            while !rest.isEmpty {
                while rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
                let end = rest.firstIndex(of: UInt8(ascii: ";")) ?? rest.endIndex
                let pair = rest[..<end]
                if pair.starts(with: wanted) {
                    let value = pair.dropFirst(wanted.count)
                    return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
                }
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            }
        }
        return nil
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

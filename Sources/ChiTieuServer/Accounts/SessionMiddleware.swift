import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// Finds who is asking (session cookie, or an anonymous reader), sends those who must sign in
/// to the sign-in page, and refuses any change without the form's CSRF token or by a
/// read-only account. Sessions live in the database: the server keeps nothing between requests.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: any AccountRepository
    let configuration: ServerConfiguration

    static let sessionCookie = "chitieu_phien"
    static let csrfCookie = "chitieu_csrf"
    static let csrfField = "_csrf"
    static let csrfHeader = "x-csrf-token"

    /// Paths anyone may open: sign-in itself, health, assets and the API description.
    static func isPublic(_ path: String) -> Bool {
        [SiteURL.health, .openAPI, .signIn, .signOut].map { $0.path() }.contains(path)
            || path.hasPrefix(SiteURL.asset("").path())
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        var newCSRFCookie: String?
        if let bearer = Self.bearerToken(request) {
            // A script with a personal API token: no cookie, no CSRF (no browser can be
            // tricked into sending this header), the user's own role and units.
            guard request.uri.path.hasPrefix("/api/") else {
                throw APIError(.unauthorized, "Mã API chỉ dùng cho các địa chỉ /api/v1; trang web cần đăng nhập.")
            }
            guard let found = try await accounts.apiTokenUser(token: bearer) else {
                throw APIError(.unauthorized, "Mã API không đúng, đã bị thu hồi, hoặc tài khoản đã bị khóa.")
            }
            context.identity = Identity(
                user: found.user, access: AccessScope(user: found.user), csrfToken: nil, tokenChannel: found.token.channel)
            if request.method != .get, request.method != .head, !context.identity.access.mayWriteSomething {
                throw APIError(.forbidden, "Tài khoản của mã API này chỉ được xem, không được thay đổi số liệu.")
            }
            return try await next(request, context)
        }
        if let token = request.cookies[Self.sessionCookie]?.value,
            let session = try await accounts.session(token: token, now: Timestamp.now())
        {
            context.identity = Identity(
                user: session.user, access: AccessScope(user: session.user), csrfToken: session.csrfToken,
                sessionToken: token)
        } else {
            // A signed-out form (sign-in, the public demo) is protected by a double-submit cookie.
            let csrf = request.cookies[Self.csrfCookie]?.value ?? SecretToken.make()
            if request.cookies[Self.csrfCookie] == nil { newCSRFCookie = csrf }
            context.identity = Identity(
                user: nil, access: AccessScope(configuration.publicReading ? .readEverything : .nothing),
                csrfToken: csrf)
        }
        let path = request.uri.path
        let isPublic = Self.isPublic(path)
        if !isPublic, context.identity.access.kind == .nothing {
            if path.hasPrefix("/api/") {
                throw APIError(.unauthorized, "Cần đăng nhập để dùng API này.")
            }
            return Response(status: .seeOther, headers: [.location: SiteURL.signIn.path(["tiep": request.uri.description])])
        }
        if request.method != .get, request.method != .head {
            try await checkCSRF(&request, expected: context.identity.csrfToken)
            if !isPublic, !context.identity.access.mayWriteSomething {
                throw APIError(
                    .forbidden,
                    context.identity.user == nil
                        ? "Cần đăng nhập bằng tài khoản được nhập liệu để thay đổi số liệu."
                        : "Tài khoản này chỉ được xem, không được thay đổi số liệu.")
            }
        }
        var response = try await next(request, context)
        if let newCSRFCookie {
            response.setCookie(
                Cookie(
                    name: Self.csrfCookie, value: newCSRFCookie, path: "/",
                    secure: configuration.secureCookies || context.overTLS,
                    httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The token from the `X-CSRF-Token` header or the `_csrf` field of the form (url-encoded
    /// or multipart; the body is read here and handed on unchanged). Never from the address:
    /// an address with the token ends up in logs, the history and `Referer` headers.
    private func checkCSRF(_ request: inout Request, expected: String?) async throws {
        var sent = request.headers.first { $0.name.canonicalName == Self.csrfHeader }?.value
        let contentType = request.headers[.contentType] ?? ""
        if sent == nil, contentType.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: FormBody.maximumSize)
            request.body = .init(buffer: body)
            sent = Self.field(Self.csrfField, in: String(buffer: body))
        } else if sent == nil, contentType.hasPrefix("multipart/form-data") {
            let body = try await request.collectBody(upTo: MultipartBody.maximumSize)
            request.body = .init(buffer: body)
            sent = try? MultipartBody(body, contentType: contentType).string(Self.csrfField)
        }
        guard let expected, let sent, !sent.isEmpty, Self.constantTimeEqual(sent, expected) else {
            throw APIError(
                .forbidden,
                "Yêu cầu thiếu mã chống giả mạo (CSRF) hoặc mã đã hết hạn. Tải lại trang rồi gửi lại.")
        }
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func field(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.first?.removingPercentEncoding == name else { continue }
            return parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding : ""
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

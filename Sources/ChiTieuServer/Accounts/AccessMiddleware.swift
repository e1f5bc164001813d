import ChiTieuCore
import Foundation
import Hummingbird

/// The middleware of the API group and the pages group: nobody reads without an account,
/// unless the server lets everyone read (`--public-read`). An API token opens the API only.
struct RequireReaderMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    enum Audience {
        case api, pages
    }
    let audience: Audience

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let identity = context.identity
        switch audience {
        case .api where identity.access.kind == .nothing:
            throw APIError(.unauthorized, "Cần đăng nhập (hoặc mã API) để dùng API này.")
        case .pages where identity.tokenChannel != nil:
            throw APIError(.unauthorized, "Mã API chỉ dùng cho các địa chỉ /api/v1; trang web cần đăng nhập.")
        case .pages where identity.access.kind == .nothing:
            return Response(
                status: .seeOther, headers: [.location: SiteURL.signIn.path(["tiep": request.uri.description])])
        default:
            return try await next(request, context)
        }
    }
}

/// The middleware of every group with forms or API changes: a change (anything but GET)
/// carries the CSRF token of the session, or of the anonymous cookie (`X-CSRF-Token` header or
/// `_csrf` field of the form, url-encoded or multipart; never the address, which ends up in
/// logs, the history and `Referer` headers). A request with an API token needs none: no
/// browser can be made to send that header. With `writers`, a read-only account is refused too.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Whether the routes change figures, so that only accounts that may write anything pass.
    let writers: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        if context.identity.tokenChannel == nil {
            try await Self.check(&request, expected: context.identity.csrfToken)
        }
        if writers, !context.identity.access.mayWriteSomething {
            throw APIError(
                .forbidden,
                context.identity.user == nil
                    ? "Cần đăng nhập bằng tài khoản được nhập liệu để thay đổi số liệu."
                    : "Tài khoản này chỉ được xem, không được thay đổi số liệu.")
        }
        return try await next(request, context)
    }

    private static func check(_ request: inout Request, expected: String?) async throws {
        var sent = request.headers.first { $0.name.canonicalName == SessionCookie.csrfHeader }?.value
        let contentType = request.headers[.contentType] ?? ""
        if sent == nil, contentType.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: FormBody.maximumSize)
            request.body = .init(buffer: body)
            sent = field(SessionCookie.csrfField, in: String(buffer: body))
        } else if sent == nil, contentType.hasPrefix("multipart/form-data") {
            let body = try await request.collectBody(upTo: MultipartBody.maximumSize)
            request.body = .init(buffer: body)
            sent = try? MultipartBody(body, contentType: contentType).string(SessionCookie.csrfField)
        }
        guard let expected, let sent, !sent.isEmpty, constantTimeEqual(sent, expected) else {
            throw APIError(
                .forbidden,
                "Yêu cầu thiếu mã chống giả mạo (CSRF) hoặc mã đã hết hạn. Tải lại trang rồi gửi lại.")
        }
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

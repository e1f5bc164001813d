import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// `/dang-nhap` and `/dang-xuat`. Five wrong passwords for one name, or twenty from one
/// address, in fifteen minutes close sign-in for them until the window has passed; the count
/// lives in the database, so every server process applies the same limit.
struct SignInPage {
    let services: AppServices

    static let window: Duration = .seconds(15 * 60)
    static let failuresPerName = 5
    static let failuresPerAddress = 20

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("dang-nhap", use: form)
        router.post("dang-nhap", use: signIn)
        router.post("dang-xuat", use: signOut)
    }

    struct View {
        let layout: LayoutView
        let name: String
        let next: String
        let error: String?
    }

    struct Form: Decodable {
        var ten: String?
        var mat_khau: String?
        var tiep: String?
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("tiep"))
        return try render(context, name: "", next: next, error: nil, status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(Form.self, from: request)
        let name = (form.ten ?? "").trimmingCharacters(in: .whitespaces)
        let next = Self.safeNext(form.tiep)
        let since = Timestamp.from(now: .zero - Self.window)
        let nameKey = "ten:" + NameKey(name).rawValue
        let addressKey = "dia-chi:" + (context.remoteAddress ?? "?")
        let repository = services.repository
        let failures = (
            name: try await repository.failedSignIns(key: nameKey, since: since),
            address: try await repository.failedSignIns(key: addressKey, since: since)
        )
        if failures.name >= Self.failuresPerName || failures.address >= Self.failuresPerAddress {
            var response = try render(
                context, name: name, next: next,
                error: "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.", status: .tooManyRequests)
            response.headers[.retryAfter] = "900"
            return response
        }
        guard let found = try await repository.credentials(name: name),
            services.configuration.passwords.verify(form.mat_khau ?? "", hash: found.passwordHash)
        else {
            let now = Timestamp.now()
            try await repository.recordFailedSignIn(key: nameKey, at: now)
            try await repository.recordFailedSignIn(key: addressKey, at: now)
            return try render(
                context, name: name, next: next, error: "Sai tên đăng nhập hoặc mật khẩu.", status: .unauthorized)
        }
        let token = SecretToken.make()
        try await repository.createSession(
            token: token, userID: found.user.id, csrfToken: SecretToken.make(),
            expiresAt: Timestamp.from(now: services.configuration.sessionLifetime))
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(
            Cookie(
                name: SessionMiddleware.sessionCookie, value: token,
                maxAge: Int(services.configuration.sessionLifetime.components.seconds), path: "/",
                secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.identity.sessionToken { try await services.repository.deleteSession(token: token) }
        var response = Response(status: .seeOther, headers: [.location: "/dang-nhap"])
        response.setCookie(Cookie(name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/"))
        return response
    }

    private func render(
        _ context: AppRequestContext, name: String, next: String, error: String?, status: HTTPResponse.Status
    ) throws -> Response {
        let view = View(
            layout: LayoutView(title: "Đăng nhập").with(context.identity), name: name, next: next, error: error)
        return try services.pages.render(view, template: "sign-in", status: status)
    }

    /// Only a path on this site: never an address elsewhere (an open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next = next?.removingPercentEncoding ?? next, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.contains("\\")
        else { return "/" }
        return next
    }
}

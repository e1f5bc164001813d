import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// `/dang-nhap` and `/dang-xuat`. Five wrong passwords for one name, or twenty from one
/// address, in fifteen minutes close sign-in for them until the window has passed
/// (`SignInLimits`); the count lives in the database, so every server process applies the
/// same limit, and each attempt is counted before its password is checked.
struct SignInPage {
    let services: AppServices
    let redirects: RedirectTargets
    let checks: PasswordCheckQueue

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.signIn.pattern, use: form)
        router.post(SiteURL.signIn.pattern, use: signIn)
        router.post(SiteURL.signOut.pattern, use: signOut)
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

    /// Longest name looked up; longer ones are refused before touching the database.
    static let maximumNameLength = 64

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = redirects.safe(RequestValues(request: request, context: context).string("tiep"))
        return try render(context, name: "", next: next, error: nil, status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(Form.self, from: request)
        let name = String((form.ten ?? "").trimmingCharacters(in: .whitespaces).prefix(Self.maximumNameLength + 1))
        let password = form.mat_khau ?? ""
        let next = redirects.safe(form.tiep)
        guard name.count <= Self.maximumNameLength, password.count <= Passwords.maximumLength else {
            return try refuse(context, name: "", next: next)
        }
        let limits = services.configuration.signInLimits
        let clock = services.configuration.clock
        let now = clock.timestamp()
        let since = clock.timestamp(from: .zero - .seconds(limits.windowSeconds))
        let keys = (name: "ten:" + NameKey(name).rawValue, address: "dia-chi:" + (context.remoteAddress ?? "?"))
        let repository = services.repository
        guard
            try await repository.admitSignIn(
                nameKey: keys.name, addressKey: keys.address, at: now, since: since, limits: limits)
        else { return try tooMany(context, name: name, next: next) }
        let found = try await repository.credentials(name: name)
        let matches: Bool
        do {
            matches = try await checks.verify(password, hash: found?.passwordHash)
        } catch {
            return try tooMany(context, name: name, next: next, busy: true)
        }
        guard matches, let found else { return try refuse(context, name: name, next: next) }
        guard !found.user.disabled else {
            return try render(
                context, name: name, next: next, error: "Tài khoản này đã bị khóa. Liên hệ quản trị viên.",
                status: .forbidden)
        }
        try await repository.forgiveSignIn(nameKey: keys.name, addressKey: keys.address, at: now)
        let token = SecretToken.make()
        try await repository.createSession(
            token: token, userID: found.user.id, csrfToken: SecretToken.make(),
            expiresAt: clock.timestamp(from: services.configuration.sessionLifetime))
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(
            Cookie(
                name: SessionCookie.session, value: token,
                maxAge: Int(services.configuration.sessionLifetime.components.seconds), path: "/",
                secure: services.configuration.secureCookies || context.overTLS, httpOnly: true, sameSite: .lax))
        return response
    }

    private func refuse(_ context: AppRequestContext, name: String, next: String) throws -> Response {
        try render(context, name: name, next: next, error: "Sai tên đăng nhập hoặc mật khẩu.", status: .unauthorized)
    }

    private func tooMany(_ context: AppRequestContext, name: String, next: String, busy: Bool = false) throws
        -> Response
    {
        let message =
            busy
            ? "Máy chủ đang kiểm tra nhiều lượt đăng nhập. Hãy thử lại sau ít giây."
            : "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút."
        var response = try render(context, name: name, next: next, error: message, status: .tooManyRequests)
        response.headers[.retryAfter] = busy ? "5" : "\(services.configuration.signInLimits.windowSeconds)"
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.identity.sessionToken { try await services.repository.deleteSession(token: token) }
        var response = Response(status: .seeOther, headers: [.location: SiteURL.signIn.path()])
        response.setCookie(Cookie(name: SessionCookie.session, value: "", maxAge: 0, path: "/"))
        return response
    }

    private func render(
        _ context: AppRequestContext, name: String, next: String, error: String?, status: HTTPResponse.Status
    ) throws -> Response {
        let view = View(
            layout: LayoutView(title: "Đăng nhập").with(context.identity), name: name, next: next, error: error)
        return try services.pages.render(view, template: "sign-in", status: status)
    }
}

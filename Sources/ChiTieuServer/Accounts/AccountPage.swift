import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/tai-khoan`: a signed-in person changes their own password (every other session of theirs
/// ends: a password changed because it leaked must lock the other party out), and makes or
/// revokes their personal API tokens for scripts and other systems.
struct AccountPage {
    let services: AppServices
    let checks: PasswordCheckQueue

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.account.pattern, use: page)
        router.post(SiteURL.account.pattern, use: change)
        router.post(SiteURL.newToken.pattern, use: makeToken)
        router.post(SiteURL.revokeToken(0).pattern, use: revokeToken)
    }

    struct View {
        let layout: LayoutView
        let name: String
        let error: String?
        let saved: String?
        let tokens: [TokenRow]
        /// A token just made: shown this once, never again.
        let newToken: String?
    }

    struct TokenRow {
        let id: Int64
        let label: String
        let created: String
        let revoked: String?
        let revokeHref: String
    }

    struct TokenForm: Decodable {
        var ten_ma: String?
    }

    struct Form: Decodable {
        var mat_khau_cu: String?
        var mat_khau_moi: String?
        var nhap_lai: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        return try await render(context, user, error: nil, saved: nil, status: .ok)
    }

    @Sendable func makeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        let form = try await FormBody.decode(TokenForm.self, from: request)
        let secret = "ct_" + SecretToken.make()
        do {
            let token = try await services.repository.createAPIToken(
                token: secret, userID: user.id, label: form.ten_ma ?? "", author: context.author(via: "trang Tài khoản")
            )
            return try await render(
                context, user, error: nil,
                saved: "Đã tạo mã API số \(token.id) «\(token.label)». Chép ngay: mã chỉ hiện một lần.",
                newToken: secret,
                status: .ok)
        } catch let error as AccountError {
            return try await render(context, user, error: error.message, saved: nil, status: .unprocessableContent)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        guard let id = context.parameters.get("tid").flatMap({ Int64($0) }) else {
            throw APIError.notFound("Không có mã API này.")
        }
        do {
            try await services.repository.revokeAPIToken(
                id: id, userID: user.id, author: context.author(via: "trang Tài khoản"))
        } catch let error as AccountError {
            throw APIError(.notFound, error.message)
        }
        return try await render(context, user, error: nil, saved: "Đã thu hồi mã API số \(id).", status: .ok)
    }

    @Sendable func change(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        let form = try await FormBody.decode(Form.self, from: request)
        let new = form.mat_khau_moi ?? ""
        if let problem = Passwords.problem(new) {
            return try await render(context, user, error: problem, saved: nil, status: .unprocessableContent)
        }
        guard new == form.nhap_lai else {
            return try await render(
                context, user, error: "Hai lần nhập mật khẩu mới không khớp.", saved: nil,
                status: .unprocessableContent)
        }
        let stored = try await services.repository.credentials(name: user.name)?.passwordHash
        let matches: Bool
        do {
            matches = try await checks.verify(form.mat_khau_cu ?? "", hash: stored)
        } catch {
            throw APIError(.tooManyRequests, "Máy chủ đang kiểm tra nhiều mật khẩu. Hãy thử lại sau ít giây.")
        }
        guard matches else {
            return try await render(
                context, user, error: "Mật khẩu hiện tại không đúng.", saved: nil, status: .forbidden)
        }
        try await services.repository.setPassword(
            userID: user.id, passwordHash: services.configuration.passwords.hash(new),
            keeping: context.identity.sessionToken, author: context.author(via: "trang Tài khoản"))
        return try await render(
            context, user, error: nil, saved: "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.",
            status: .ok)
    }

    static func signedIn(_ context: AppRequestContext) throws -> UserAccount {
        guard let user = context.identity.user else {
            throw APIError(.unauthorized, "Cần đăng nhập để đổi mật khẩu.")
        }
        return user
    }

    private func render(
        _ context: AppRequestContext, _ user: UserAccount, error: String?, saved: String?, newToken: String? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let tokens = try await services.repository.apiTokens(userID: user.id).map {
            TokenRow(
                id: $0.id, label: $0.label, created: Timestamp.vietnameseDay($0.createdAt),
                revoked: $0.revokedAt.map(Timestamp.vietnameseDay),
                revokeHref: SiteURL.revokeToken($0.id).path())
        }
        let view = View(
            layout: LayoutView(title: "Tài khoản").with(context.identity), name: user.name, error: error, saved: saved,
            tokens: tokens, newToken: newToken)
        return try services.pages.render(view, template: "account", status: status)
    }
}

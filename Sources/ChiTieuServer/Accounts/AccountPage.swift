import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/tai-khoan`: a signed-in person changes their own password. Every other session of
/// theirs ends (a password changed because it leaked must lock the other party out).
struct AccountPage {
    let services: AppServices
    let checks: PasswordCheckQueue

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("tai-khoan", use: page)
        router.post("tai-khoan", use: change)
    }

    struct View {
        let layout: LayoutView
        let name: String
        let error: String?
        let saved: String?
    }

    struct Form: Decodable {
        var mat_khau_cu: String?
        var mat_khau_moi: String?
        var nhap_lai: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        return try render(context, user, error: nil, saved: nil, status: .ok)
    }

    @Sendable func change(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try Self.signedIn(context)
        let form = try await FormBody.decode(Form.self, from: request)
        let new = form.mat_khau_moi ?? ""
        if let problem = Passwords.problem(new) {
            return try render(context, user, error: problem, saved: nil, status: .unprocessableContent)
        }
        guard new == form.nhap_lai else {
            return try render(
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
            return try render(context, user, error: "Mật khẩu hiện tại không đúng.", saved: nil, status: .forbidden)
        }
        try await services.repository.setPassword(
            userID: user.id, passwordHash: services.configuration.passwords.hash(new),
            keeping: context.identity.sessionToken, author: context.author(via: "trang Tài khoản"))
        return try render(
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
        _ context: AppRequestContext, _ user: UserAccount, error: String?, saved: String?, status: HTTPResponse.Status
    ) throws -> Response {
        let view = View(
            layout: LayoutView(title: "Tài khoản").with(context.identity), name: user.name, error: error, saved: saved)
        return try services.pages.render(view, template: "account", status: status)
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// `/quan-tri/nguoi-dung`: administrators list and add users, reset a password, disable or
/// enable an account and end its sessions. Anyone else gets 403.
struct UsersPage {
    let services: AppServices

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.users.pattern, use: page)
        router.post(SiteURL.users.pattern, use: add)
        router.post(SiteURL.userPassword(0).pattern, use: resetPassword)
        router.post(SiteURL.userDisabled(0).pattern, use: setDisabled)
        router.post(SiteURL.userSessions(0).pattern, use: endSessions)
        router.post(SiteURL.userEmail(0).pattern, use: setEmail)
    }

    struct View {
        let layout: LayoutView
        let users: [Row]
        let roles: [LayoutView.Option]
        let units: [LayoutView.Option]
        let name: String
        let error: String?
        let saved: String?
    }

    struct Row {
        let id: Int64
        let name: String
        let role: String
        let unit: String
        let disabled: Bool
        /// The administrator's own row: no disabling oneself out of the system.
        let isSelf: Bool
        let passwordHref: String
        let disableHref: String
        let sessionsHref: String
        let email: String
        let emailHref: String
    }

    struct Form: Decodable {
        var ten: String?
        var vai_tro: String?
        var don_vi: String?
        /// The official code of a unit outside the working set (a commune starting today).
        var ma_don_vi: String?
        var mat_khau: String?
        /// Where the user's notices go (optional).
        var thu: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        // Only the name of a user who exists is confirmed: a link cannot put its own words here.
        let added = RequestValues(request: request, context: context).string("da-them")
        let known = try await services.repository.users().map(\.name)
        return try await render(
            context, form: Form(), error: nil, saved: added.flatMap { known.contains($0) ? $0 : nil }, status: .ok)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        let form = try await FormBody.decode(Form.self, from: request)
        guard let role = Role(rawValue: form.vai_tro ?? "") else {
            return try await render(
                context, form: form, error: "Chọn vai trò.", saved: nil, status: .unprocessableContent)
        }
        if let problem = Passwords.problem(form.mat_khau ?? "") {
            return try await render(context, form: form, error: problem, saved: nil, status: .unprocessableContent)
        }
        do {
            let email = try Self.email(form.thu)
            let unitID = try await unitID(form)
            let user = try await services.repository.addUser(
                name: form.ten ?? "", role: role, unitID: unitID,
                passwordHash: services.configuration.passwords.hash(form.mat_khau ?? ""),
                author: context.author(via: "trang Người dùng"))
            if let email {
                try await services.repository.setEmail(
                    userID: user.id, email, author: context.author(via: "trang Người dùng"))
            }
            return Response(status: .seeOther, headers: [.location: SiteURL.users.path(["da-them": user.name])])
        } catch let error as AccountError {
            return try await render(
                context, form: form, error: error.message, saved: nil, status: .unprocessableContent)
        } catch let error as StoreError {
            return try await render(
                context, form: form, error: "Mã đơn vị: " + error.message, saved: nil, status: .unprocessableContent)
        } catch let error as MailAddressError {
            return try await render(
                context, form: form, error: error.message, saved: nil, status: .unprocessableContent)
        }
    }

    /// The address typed, nil when the field is empty.
    private static func email(_ text: String?) throws(MailAddressError) -> MailAddress? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return try MailAddress(text)
    }

    @Sendable func setEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try await target(request, context)
        let form = try await FormBody.decode(Form.self, from: request)
        let email: MailAddress?
        do {
            email = try Self.email(form.thu)
        } catch {
            return try await render(
                context, form: Form(), error: "\(user.name): \(error.message)", saved: nil,
                status: .unprocessableContent)
        }
        try await services.repository.setEmail(userID: user.id, email, author: context.author(via: "trang Người dùng"))
        return try await done(
            context,
            email.map { "Thư báo của «\(user.name)» sẽ gửi tới \($0)." } ?? "«\(user.name)» không nhận thư báo nữa.")
    }

    /// The unit chosen in the list, or the one with the official code typed (valid today).
    private func unitID(_ form: Form) async throws -> UnitID? {
        if let code = form.ma_don_vi?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            return try await UnitResolver(repository: services.repository)
                .resolve(code, on: services.configuration.clock.today).id
        }
        return form.don_vi.flatMap { UnitID($0) }
    }

    struct Change: Decodable {
        var mat_khau: String?
        var khoa: String?
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try await target(request, context)
        let form = try await FormBody.decode(Change.self, from: request)
        if let problem = Passwords.problem(form.mat_khau ?? "") {
            return try await render(
                context, form: Form(), error: "\(user.name): \(problem)", saved: nil, status: .unprocessableContent)
        }
        try await services.repository.setPassword(
            userID: user.id, passwordHash: services.configuration.passwords.hash(form.mat_khau ?? ""), keeping: nil,
            author: context.author(via: "trang Người dùng"))
        return try await done(
            context, "Đã đặt lại mật khẩu của «\(user.name)»; mọi phiên đăng nhập của họ đã kết thúc.")
    }

    @Sendable func setDisabled(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try await target(request, context)
        let form = try await FormBody.decode(Change.self, from: request)
        let disable = form.khoa == "1"
        guard !(disable && user.id == context.identity.user?.id) else {
            return try await render(
                context, form: Form(), error: "Không tự khóa tài khoản của mình.", saved: nil,
                status: .unprocessableContent)
        }
        try await services.repository.setDisabled(
            userID: user.id, disable, author: context.author(via: "trang Người dùng"))
        return try await done(
            context,
            disable ? "Đã khóa «\(user.name)»; mọi phiên đăng nhập của họ đã kết thúc." : "Đã mở khóa «\(user.name)».")
    }

    @Sendable func endSessions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try await target(request, context)
        let ended = try await services.repository.endSessions(
            userID: user.id, author: context.author(via: "trang Người dùng"))
        return try await done(context, "Đã kết thúc \(ended) phiên đăng nhập của «\(user.name)».")
    }

    /// The user named by `:uid`, for an administrator.
    private func target(_ request: Request, _ context: AppRequestContext) async throws -> UserAccount {
        try Self.requireAdmin(context)
        let id = context.parameters.get("uid").flatMap { Int64($0) }
        guard let id, let user = try await services.repository.users().first(where: { $0.id == id }) else {
            throw APIError.notFound("Không có người dùng này.")
        }
        return user
    }

    private func done(_ context: AppRequestContext, _ message: String) async throws -> Response {
        try await render(context, form: Form(), error: nil, saved: nil, message: message, status: .ok)
    }

    static func requireAdmin(_ context: AppRequestContext) throws {
        guard context.identity.user?.role == .admin else {
            throw APIError(.forbidden, "Chỉ quản trị viên được quản lý người dùng.")
        }
    }

    private func render(
        _ context: AppRequestContext, form: Form, error: String?, saved: String?, message: String? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let directory = try await services.unitDirectory()
        let units = directory.working
        let titles = directory.all.mapValues(\.title)
        let view = View(
            layout: LayoutView(title: "Người dùng").with(context.identity),
            users: try await services.repository.users().map {
                Row(
                    id: $0.id, name: $0.name, role: $0.role.title,
                    unit: $0.unitID.flatMap { titles[$0] } ?? "mọi đơn vị",
                    disabled: $0.disabled, isSelf: $0.id == context.identity.user?.id,
                    passwordHref: SiteURL.userPassword($0.id).path(), disableHref: SiteURL.userDisabled($0.id).path(),
                    sessionsHref: SiteURL.userSessions($0.id).path(), email: $0.email?.value ?? "",
                    emailHref: SiteURL.userEmail($0.id).path())
            },
            roles: Role.allCases.map {
                .init(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.vai_tro)
            },
            units: [LayoutView.Option(value: "", label: "— (quản trị: mọi đơn vị) —", selected: form.don_vi == nil)]
                + UnitTree(units).ordered.map {
                    .init(value: "\($0.unit.id)", label: $0.label, selected: "\($0.unit.id)" == form.don_vi)
                },
            name: form.ten ?? "", error: error, saved: message ?? saved.map { "Đã thêm người dùng «\($0)»." })
        return try services.pages.render(view, template: "users", status: status)
    }
}

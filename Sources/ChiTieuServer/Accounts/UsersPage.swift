import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird

/// `/quan-tri/nguoi-dung`: administrators list and add users. Anyone else gets 403.
struct UsersPage {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("quan-tri/nguoi-dung", use: page)
        router.post("quan-tri/nguoi-dung", use: add)
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
        let name: String
        let role: String
        let unit: String
    }

    struct Form: Decodable {
        var ten: String?
        var vai_tro: String?
        var don_vi: String?
        var mat_khau: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.requireAdmin(context)
        // Only the name of a user who exists is confirmed: a link cannot put its own words here.
        let added: String? = request.uri.queryParameters.get("da-them")
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
            let user = try await services.repository.addUser(
                name: form.ten ?? "", role: role, unitID: form.don_vi.flatMap { UnitID($0) },
                passwordHash: services.configuration.passwords.hash(form.mat_khau ?? ""),
                author: context.author(via: "trang Người dùng"))
            let name = user.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Response(status: .seeOther, headers: [.location: "/quan-tri/nguoi-dung?da-them=\(name)"])
        } catch let error as AccountError {
            return try await render(
                context, form: form, error: error.message, saved: nil, status: .unprocessableContent)
        }
    }

    static func requireAdmin(_ context: AppRequestContext) throws {
        guard context.identity.user?.role == .admin else {
            throw APIError(.forbidden, "Chỉ quản trị viên được quản lý người dùng.")
        }
    }

    private func render(
        _ context: AppRequestContext, form: Form, error: String?, saved: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let units = try await services.repository.allUnits()
        let titles = Dictionary(units.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let view = View(
            layout: LayoutView(title: "Người dùng").with(context.identity),
            users: try await services.repository.users().map {
                Row(name: $0.name, role: $0.role.title, unit: $0.unitID.flatMap { titles[$0] } ?? "mọi đơn vị")
            },
            roles: Role.allCases.map {
                .init(value: $0.rawValue, label: $0.title, selected: $0.rawValue == form.vai_tro)
            },
            units: [LayoutView.Option(value: "", label: "— (quản trị: mọi đơn vị) —", selected: form.don_vi == nil)]
                + UnitTree(units).ordered.map {
                    .init(value: "\($0.unit.id)", label: $0.label, selected: "\($0.unit.id)" == form.don_vi)
                },
            name: form.ten ?? "", error: error, saved: saved.map { "Đã thêm người dùng «\($0)»." })
        return try services.pages.render(view, template: "users", status: status)
    }
}

import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/danh-muc`: the indicator catalogue, and the office's own indicators added and changed
/// (`/danh-muc/{code}`): an editor adds them for their unit and changes their unit's; an
/// administrator adds them for everyone and changes any. Every change is in the audit trail.
struct CataloguePage {
    let services: AppServices

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get(SiteURL.catalogue.pattern, use: page)
        pages.post(SiteURL.catalogue.pattern, use: add)
        pages.get(SiteURL.ownIndicator("").pattern, use: editPage)
        pages.post(SiteURL.ownIndicator("").pattern, use: save)
    }

    /// The add and edit form's fields.
    struct Form: Decodable, Sendable {
        var ten: String?
        var don_vi_tinh: String?
        var loai: String?
        var tot_khi: String?
        var linh_vuc: String?
        var ky: String?
        /// Other names, one per line or separated by «;».
        var ten_khac: String?
        /// «Tổng hợp từ đơn vị cấp dưới» (`RollUpForm`): the choice, a rate's numerator,
        /// denominator and scale, a mean's weight, what is counted and from which level.
        var tong_hop: String?
        var tu_so: String?
        var mau_so: String?
        var he_so: String?
        var trong_so: String?
        var dem_chi_tieu: String?
        var dem_tu: String?

        init(_ i: Indicator? = nil) {
            ten = i?.name
            don_vi_tinh = i?.measureUnit
            loai = i?.kind.rawValue
            tot_khi = i?.direction.rawValue
            linh_vuc = i?.field.rawValue
            ky = i?.frequency.rawValue
            ten_khac = i.map { i in i.synonyms.filter { NameKey($0) != NameKey(i.name) }.joined(separator: "; ") }
            show(i?.rollUpRule)
        }

        var draft: IndicatorDraft {
            IndicatorDraft(
                name: ten ?? "", measureUnit: don_vi_tinh ?? "", kind: MeasureKind(rawValue: loai ?? "") ?? .level,
                direction: Direction(rawValue: tot_khi ?? "") ?? .higherIsBetter,
                field: Field(rawValue: linh_vuc ?? "") ?? .economy,
                frequency: Frequency(rawValue: ky ?? "") ?? .yearly,
                synonyms: (ten_khac ?? "").split { $0 == ";" || $0 == "\n" }.map(String.init))
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let saved = RequestValues(request: request, context: context).string("da-luu")
        return try await render(context, form: Form(), editing: nil, saved: saved, problems: [], status: .ok)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await store(try await FormBody.decode(Form.self, from: request), code: nil, context: context)
    }

    /// Refuses an own indicator of a unit this person may not change.
    private func authorize(_ indicator: Indicator, _ context: AppRequestContext) async throws {
        guard context.identity.access.mayChange(indicator, units: try await services.unitsByID()) else {
            throw APIError(
                .forbidden,
                "Chỉ tiêu «\(indicator.name)» là chỉ tiêu riêng của đơn vị khác: chỉ quản trị viên hoặc người nhập liệu của đơn vị đó được sửa."
            )
        }
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let indicator = try await services.indicator(context.parameters.get("code"), field: "code")
        if IndicatorEdit.isOwnCode(indicator.code) { try await authorize(indicator, context) }
        return try await render(
            context, form: Form(indicator), editing: indicator, saved: nil, problems: [], status: .ok)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let indicator = try await services.indicator(context.parameters.get("code"), field: "code")
        if IndicatorEdit.isOwnCode(indicator.code) { try await authorize(indicator, context) }
        return try await store(
            try await FormBody.decode(Form.self, from: request), code: indicator.code, context: context)
    }

    private func store(_ form: Form, code: String?, context: AppRequestContext) async throws -> Response {
        do {
            var draft = form.draft
            switch form.rollUp() {
            case .success(let rule): draft.rollUp = rule
            case .failure(let problem): throw StoreError.invalidIndicator([problem])
            }
            draft.ownerUnitID = context.identity.access.indicatorOwner
            let made = try await services.repository.saveIndicator(
                draft, code: code, author: context.author(via: "trang Danh mục"))
            return Response(status: .seeOther, headers: [.location: SiteURL.catalogue.path(["da-luu": made.code])])
        } catch StoreError.invalidIndicator(let problems) {
            var editing: Indicator?
            if let code { editing = try await services.indicator(code, field: "code") }
            return try await render(
                context, form: form, editing: editing, saved: nil, problems: problems, status: .unprocessableContent)
        }
    }

    private func render(
        _ context: AppRequestContext, form: Form, editing: Indicator?, saved: String?,
        problems: [IndicatorDraft.Problem], status: HTTPResponse.Status
    ) async throws -> Response {
        let catalogue = try await services.repository.indicators()
        let view = CatalogueView(
            catalogue: catalogue, form: form, editing: editing, saved: saved, problems: problems,
            mayChange: context.identity.access.mayWriteSomething,
            layout: LayoutView(title: editing.map { "Sửa chỉ tiêu: \($0.name)" } ?? "Danh mục chỉ tiêu").with(
                context.identity),
            access: CatalogueAccess(context.identity.access, units: try await services.unitsByID()))
        return try services.pages.render(view, template: "catalogue", status: status)
    }
}

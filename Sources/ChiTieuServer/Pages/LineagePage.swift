import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/ke-thua`: the units a unit was formed from in the 2025 reform (and those it
/// went into), with the share of each taken over. A share comes from the merger resolution of
/// the Standing Committee of the National Assembly, which states the area and population
/// moved; the unit's editors enter it here (or with `chitieu units share`).
struct LineagePage {
    let services: AppServices

    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.lineage.pattern, use: page)
        unit.post(SiteURL.UnitPage.lineage.pattern, use: save)
    }

    /// One predecessor's share: `tu` the predecessor, `ty_le` in percent, `can_cu` the basis.
    struct Form: Decodable {
        var tu: Int64
        var ty_le: String?
        var can_cu: String?
    }

    /// The unit's successions as the page needs them, loaded once.
    struct Model {
        let unit: AdministrativeUnit
        let predecessors: [(UnitSuccession, AdministrativeUnit)]
        let successors: [(UnitSuccession, AdministrativeUnit)]

        static func load(_ unit: AdministrativeUnit, services: AppServices) async throws -> Model {
            let units = try await services.unitsByID()
            let all = try await services.repository.successions()
            let pair = { (s: UnitSuccession, id: UnitID) in units[id].map { (s, $0) } }
            return Model(
                unit: unit,
                predecessors: all.filter { $0.successorID == unit.id }.compactMap { pair($0, $0.predecessorID) },
                successors: all.filter { $0.predecessorID == unit.id }.compactMap { pair($0, $0.successorID) })
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let saved = RequestValues(request: request, context: context).savedCount("da-luu") != nil
        return try await render(
            try await Model.load(unit, services: services), context, form: nil, error: nil, saved: saved)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(Form.self, from: request)
        let model = try await Model.load(unit, services: services)
        let text = (form.ty_le ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
        guard let percent = VietnameseNumber.parse(text) else {
            return try await render(
                model, context, form: form, error: "Tỷ lệ «\(form.ty_le ?? "")» không phải là số (ví dụ đúng: 35,2).",
                saved: false)
        }
        let change = ShareChange(
            predecessorID: form.tu, successorID: unit.id, share: percent / 100, basis: form.can_cu ?? "")
        do {
            try await services.repository.setShare(change, author: context.author(via: "trang Kế thừa"))
        } catch StoreError.invalidBatch(let problems) {
            return try await render(
                model, context, form: form, error: problems.map(\.message).joined(separator: " "), saved: false)
        }
        return Response(
            status: .seeOther, headers: [.location: SiteURL.unit(unit.id, .lineage).path(["da-luu": "1"])])
    }

    private func render(_ model: Model, _ context: AppRequestContext, form: Form?, error: String?, saved: Bool)
        async throws -> Response
    {
        let period = try await services.latestPeriod(of: model.unit)
        let heading = "Kế thừa qua sắp xếp đơn vị — \(model.unit.capitalizedTitle)"
        let layout = try await services.layout(context: context, heading, page: nil, unit: model.unit, period: period)
        let view = View(model, layout: layout, heading: heading, form: form, error: error, saved: saved)
        return try services.pages.render(view, template: "lineage", status: error == nil ? .ok : .unprocessableContent)
    }

    /// The page: a pure function of the model and a refused form.
    struct View {
        let layout: LayoutView
        let heading: String
        let action: String
        let predecessors: [Part]
        let successors: [Part]
        let saved: String?
        let error: String?

        struct Part {
            let id: UnitID
            let title: String
            let href: String
            let share: String
            let input: String
            let basis: String
        }

        init(_ model: Model, layout: LayoutView, heading: String, form: Form?, error: String?, saved: Bool) {
            self.layout = layout
            self.heading = heading
            action = SiteURL.unit(model.unit.id, .lineage).path()
            func part(_ s: UnitSuccession, _ u: AdministrativeUnit) -> Part {
                let posted = form?.tu == u.id ? form : nil
                return Part(
                    id: u.id, title: u.capitalizedTitle + (u.validTo.map { " (đến trước \($0.vietnamese))" } ?? ""),
                    href: SiteURL.unit(u.id, .lineage).path(), share: Self.share(s),
                    input: posted?.ty_le ?? s.share.map { ($0 * 100).vietnamese } ?? "",
                    basis: posted?.can_cu ?? (s.shareBasis == "toàn bộ" ? "" : s.shareBasis ?? ""))
            }
            predecessors = model.predecessors.map(part)
            successors = model.successors.map(part)
            self.saved = saved ? "Đã lưu tỷ lệ kế thừa." : nil
            self.error = error
        }

        /// "toàn bộ", "35,2% theo diện tích", "chưa biết".
        static func share(_ s: UnitSuccession) -> String {
            guard let share = s.share else { return "chưa biết" }
            if share == 1, s.shareBasis == nil || s.shareBasis == "toàn bộ" { return "toàn bộ" }
            return "\((share * 100).vietnamese)%" + (s.shareBasis.map { " theo \($0)" } ?? "")
        }
    }
}

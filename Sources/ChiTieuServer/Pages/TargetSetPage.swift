import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/bo-chi-tieu?nam=&nhiem-ky=`: the target set (bộ chỉ tiêu) of a year's plan or
/// of a resolution's term, typed on the page: a number (and a group heading) beside each of
/// the unit's targets of that scope. A target left without a number is not in the set.
struct TargetSetPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.targetSet.pattern, use: page)
        unit.post(SiteURL.UnitPage.targetSet.pattern, use: save)
    }

    /// `stt[tID]` and `nhom[tID]` per target (a letter first: numeric keys would decode as an array).
    struct Form: Decodable {
        var nam: Int
        var nhiem_ky: String?
        var ten: String?
        var stt: [String: String]?
        var nhom: [String: String]?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        var year = try values.integer("nam", in: services.years.targetYears, what: "Năm")
        if year == nil { year = try await services.latestPeriod(of: unit).year }
        let model = try await TargetSetModel.load(
            unit, year: year!, term: try term(values.string("nhiem-ky")), services: services)
        return try await render(model, context, form: nil, errors: [], saved: values.savedCount("da-luu") != nil)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(Form.self, from: request)
        guard services.years.targetYears.contains(form.nam) else {
            throw APIError.badRequest("Năm \(form.nam) không hợp lệ.", field: "nam")
        }
        let model = try await TargetSetModel.load(
            unit, year: form.nam, term: try term(form.nhiem_ky), services: services)
        var batch = DataBatch()
        batch.author = context.author(via: "trang Bộ chỉ tiêu")
        batch.add(model.set(title: form.ten ?? "", numbers: form.stt ?? [:], headings: form.nhom ?? [:]))
        do {
            try await services.repository.save(batch)
        } catch StoreError.invalidBatch(let problems) {
            return try await render(model, context, form: form, errors: problems.map(\.text), saved: false)
        }
        return Response(status: .seeOther, headers: [.location: View.address(model, saved: true)])
    }

    /// `2025-2030` → the term; refused when it is not two years in order.
    private func term(_ text: String?) throws -> TargetScope? {
        guard let text, !text.isEmpty else { return nil }
        let years = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard years.count == 2, years[0] < years[1], services.years.termYears.contains(years[1]),
            services.years.termYears.contains(years[0])
        else {
            throw APIError.badRequest("Nhiệm kỳ «\(text)» không hợp lệ; viết 2025-2030.", field: "nhiem-ky")
        }
        return .term(from: years[0], to: years[1])
    }

    private func render(
        _ model: TargetSetModel, _ context: AppRequestContext, form: Form?, errors: [String], saved: Bool
    ) async throws -> Response {
        let layout = try await services.layout(
            context: context, View.heading(model), page: .plan, unit: model.unit, period: try Period.year(model.year))
        let view = View(model, layout: layout, form: form, errors: errors, saved: saved)
        return try services.pages.render(
            view, template: "target-set", status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/giai-trinh?nam=`: the explanation requests of the unit and the units below,
/// each with its thread; the unit's editors answer here, the leader who asked accepts or
/// returns. `POST` of the page asks (from the warnings page); `/giai-trinh/{rid}/tra-loi`,
/// `/chap-nhan`, `/tra-lai` take the steps.
struct ExplanationsPage {
    let services: AppServices
    var desk: ExplanationDesk { ExplanationDesk(services: services) }

    func addRoutes(unit: RouterGroup<AppRequestContext>, thread: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.explanations.pattern, use: page)
        unit.post(SiteURL.UnitPage.explanations.pattern, use: ask)
        thread.post(SiteURL.ExplanationRoute.answer.pattern, use: answer)
        thread.post(SiteURL.ExplanationRoute.accept.pattern, use: accept)
        thread.post(SiteURL.ExplanationRoute.return.pattern, use: sendBack)
    }

    struct AskForm: Decodable {
        var chi_tieu: String
        var nam: Int
        var thang: Int
        var noi_dung: String
        var han: String
        /// The unit whose warnings page the form was on, to go back to.
        var ve: Int64?
    }

    struct AnswerForm: Decodable {
        var tinh_hinh: String
        var nguyen_nhan_chu_quan: String?
        var nguyen_nhan_khach_quan: String?
        var giai_phap: String
        var du_kien: String?
    }

    struct ReviewForm: Decodable {
        var nhan_xet: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let values = RequestValues(request: request, context: context)
        let today = services.configuration.clock.today
        let year = try values.integer("nam", in: services.years.targetYears, what: "Năm") ?? today.year
        let requests = try await desk.requests(below: unit, year: year, context: context)
        let all = try await services.unitsByID()
        let indicators = try await services.repository.indicatorsByCode()
        let heading = "Giải trình — \(unit.capitalizedTitle), năm \(year)"
        let period = try await services.latestPeriod(of: unit)
        let layout = try await services.layout(context: context, heading, page: nil, unit: unit, period: period)
        let reader = ExplanationRules(identity: context.identity, units: all)
        let view = View(
            requests.reversed(), heading: heading, layout: layout, units: all, indicators: indicators, reader: reader,
            today: today)
        return try services.pages.render(view, template: "explanations")
    }

    @Sendable func ask(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(AskForm.self, from: request)
        let asking = try services.asking(
            indicator: form.chi_tieu, year: form.nam, toMonth: form.thang, note: form.noi_dung, due: form.han,
            indicators: try await services.repository.indicatorsByCode())
        let made = try await desk.ask(asking, of: unit, context: context, via: "trang Cảnh báo")
        let all = try await services.unitsByID()
        let page = form.ve.flatMap { all[$0] }.flatMap { context.identity.access.canRead($0, units: all) ? $0 : nil }
        let back = PageAddress.warnings.path(page?.id ?? unit.id, made.period)
        return Response(status: .seeOther, headers: [.location: back + "&da-gui=1"])
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(AnswerForm.self, from: request)
        let answer = ExplanationAnswer(
            facts: form.tinh_hinh, subjectiveCauses: form.nguyen_nhan_chu_quan ?? "",
            objectiveCauses: form.nguyen_nhan_khach_quan ?? "", actions: form.giai_phap,
            expectedResult: form.du_kien ?? "")
        return back(to: try await desk.answer(answer, context: context, via: "trang Giải trình"))
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(ReviewForm.self, from: request)
        return back(
            to: try await desk.review(.accept, comment: form.nhan_xet, context: context, via: "trang Giải trình"))
    }

    @Sendable func sendBack(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(ReviewForm.self, from: request)
        return back(
            to: try await desk.review(.return, comment: form.nhan_xet, context: context, via: "trang Giải trình"))
    }

    private func back(to request: ExplanationRequest) -> Response {
        let page = SiteURL.unit(request.unitID, .explanations).path(["nam": "\(request.period.year)"])
        return Response(status: .seeOther, headers: [.location: page + "#yc-\(request.id)"])
    }
}

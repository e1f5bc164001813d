import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// Explanation requests in the API:
/// `POST|GET /units/{id}/explanation-requests` (ask; list the unit's and its units' with
/// `?year=&state=`), `POST /explanation-requests/{rid}/answer|accept|return`, and
/// `GET /units/{id}/warnings?year=&to_month=`.
struct ExplanationsAPI {
    let services: AppServices
    var desk: ExplanationDesk { ExplanationDesk(services: services) }

    /// `unit`: the unit group checked for reading only (a viewer above may ask; `ExplanationDesk`
    /// checks that the person leads the unit). `thread`: one request's (`ExplanationScopeMiddleware`).
    func addRoutes(unit: RouterGroup<AppRequestContext>, thread: RouterGroup<AppRequestContext>) {
        unit.post(SiteURL.UnitAPI.explanationRequests.pattern, use: ask)
        unit.get(SiteURL.UnitAPI.explanationRequests.pattern, use: list)
        unit.get(SiteURL.UnitAPI.warnings.pattern, use: warnings)
        thread.post(SiteURL.ExplanationRoute.answer.apiPattern, use: answer)
        thread.post(SiteURL.ExplanationRoute.accept.apiPattern, use: accept)
        thread.post(SiteURL.ExplanationRoute.return.apiPattern, use: sendBack)
    }

    struct AskInput: Decodable {
        var indicator: String
        var year: Int
        var to_month: Int
        var note: String
        var due_date: String
    }

    struct AnswerInput: Decodable {
        var facts: String
        var subjective_causes: String?
        var objective_causes: String?
        var actions: String
        var expected_result: String?

        var answer: ExplanationAnswer {
            ExplanationAnswer(
                facts: facts, subjectiveCauses: subjective_causes ?? "", objectiveCauses: objective_causes ?? "",
                actions: actions, expectedResult: expected_result ?? "")
        }
    }

    struct ReviewInput: Decodable {
        var comment: String?
    }

    private var today: CalendarDay { services.configuration.clock.today }

    @Sendable func ask(_ request: Request, context: AppRequestContext) async throws
        -> EditedResponse<FollowUpModels.Request>
    {
        let unit = try context.scopedUnit()
        let input = try await JSONBody.decode(AskInput.self, from: request)
        let asking = try services.asking(
            indicator: input.indicator, year: input.year, toMonth: input.to_month, note: input.note,
            due: input.due_date, indicators: try await services.repository.indicatorsByCode())
        let made = try await desk.ask(asking, of: unit, context: context, via: "API")
        return EditedResponse(status: .created, response: FollowUpModels.Request(made, today: today))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws
        -> APIModels.List<FollowUpModels.Request>
    {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let year = try values.integer("year", in: services.years.targetYears, what: "Năm") ?? today.year
        var wanted: ExplanationState?
        if let state = values.string("state") {
            guard let parsed = ExplanationState(rawValue: state) else {
                let known = ExplanationState.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.badRequest("Trạng thái «\(state)» không có; dùng một trong: \(known).", field: "state")
            }
            wanted = parsed
        }
        let requests = try await desk.requests(below: unit, year: year, context: context)
            .filter { wanted == nil || $0.state(on: today) == wanted }
        return .init(items: requests.map { FollowUpModels.Request($0, today: today) })
    }

    @Sendable func warnings(_ request: Request, context: AppRequestContext) async throws -> FollowUpModels.WarningList {
        let unit = try context.scopedUnit()
        let values = RequestValues(request: request, context: context)
        let period = try await services.period(values, of: unit)
        return FollowUpModels.WarningList(try await services.warnings(of: unit, period: period, context: context))
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> FollowUpModels.Request {
        let input = try await JSONBody.decode(AnswerInput.self, from: request)
        return FollowUpModels.Request(try await desk.answer(input.answer, context: context, via: "API"), today: today)
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> FollowUpModels.Request {
        try await review(.accept, request, context)
    }

    @Sendable func sendBack(_ request: Request, context: AppRequestContext) async throws -> FollowUpModels.Request {
        try await review(.return, request, context)
    }

    private func review(_ kind: ExplanationStep.Kind, _ request: Request, _ context: AppRequestContext) async throws
        -> FollowUpModels.Request
    {
        let input = try await JSONBody.decode(ReviewInput.self, from: request)
        return FollowUpModels.Request(
            try await desk.review(kind, comment: input.comment, context: context, via: "API"), today: today)
    }
}

extension AppServices {
    /// A request's fields checked: a known indicator, a period, a due day written `YYYY-MM-DD`.
    func asking(
        indicator: String, year: Int, toMonth: Int, note: String, due: String, indicators: [String: Indicator]
    ) throws -> ExplanationDesk.Asking {
        guard indicators[indicator] != nil else {
            throw APIError.badRequest("Không có chỉ tiêu «\(indicator)» trong danh mục.", field: "indicator")
        }
        guard years.targetYears.contains(year) else {
            throw APIError.badRequest("Năm \(year) nằm ngoài khoảng dùng được.", field: "year")
        }
        guard let period = try? Period.yearToDate(year, through: toMonth) else {
            throw APIError.badRequest("Tháng phải từ 1 đến 12, nhận được \(toMonth).", field: "to_month")
        }
        guard let dueOn = CalendarDay(due) else {
            throw APIError.badRequest(
                "Hạn giải trình «\(due)» phải viết dạng năm-tháng-ngày, ví dụ 2026-10-20.", field: "due_date")
        }
        return .init(indicatorCode: indicator, period: period, note: note, dueOn: dueOn)
    }

    /// The period asked for (`year`, `to_month`), or the unit's latest with figures.
    func period(_ values: RequestValues, of unit: AdministrativeUnit) async throws -> Period {
        if let asked = try values.period(yearKey: "year", monthKey: "to_month", currentYear: configuration.currentYear)
        {
            return asked
        }
        return try await latestPeriod(of: unit)
    }

    /// The warnings of `unit` and the units below it that this person may read.
    func warnings(of unit: AdministrativeUnit, period: Period, context: AppRequestContext) async throws -> Warnings {
        let all = try await unitsByID()
        let readable = all.filter { context.identity.access.canRead($0.value, units: all) }
        let requests = try await ExplanationDesk(services: self).requests(
            below: unit, year: period.year, context: context)
        return try await review.warnings(
            of: unit, period: period, units: readable, requests: requests, today: configuration.clock.today)
    }
}

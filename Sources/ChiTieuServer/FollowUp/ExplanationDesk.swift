import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// What the pages and the API do with explanation requests, and who may: a leader of the unit
/// (an administrator, or a viewer or editor of a unit above) asks; the unit's editors answer;
/// the leader who asked, or an administrator, accepts or returns. Shared by both, so the rules
/// are written once.
struct ExplanationDesk {
    let services: AppServices

    /// The fields of a new request, from a form or JSON.
    struct Asking {
        var indicatorCode: String
        var period: Period
        var note: String
        var dueOn: CalendarDay
    }

    func ask(_ asking: Asking, of unit: AdministrativeUnit, context: AppRequestContext, via channel: String)
        async throws -> ExplanationRequest
    {
        let user = try signedIn(context)
        guard context.identity.access.leads(unit, units: try await services.unitsByID()) else {
            throw APIError(
                .forbidden, "Chỉ lãnh đạo cấp trên của \(unit.title) (hoặc quản trị viên) mới yêu cầu giải trình.")
        }
        let note = asking.note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw APIError.badRequest("Hãy ghi nội dung cần giải trình.", field: "note") }
        guard asking.dueOn >= services.configuration.clock.today else {
            throw APIError.badRequest("Hạn giải trình \(asking.dueOn.vietnamese) đã qua.", field: "due_date")
        }
        let request = ExplanationRequest(
            unitID: unit.id, indicatorCode: asking.indicatorCode, period: asking.period, note: note,
            dueOn: asking.dueOn, requesterID: user.id, requester: user.name,
            requestedAt: services.configuration.clock.timestamp())
        return try await services.repository.addExplanationRequest(
            request, author: context.author(via: channel), notices: try await services.notices())
    }

    func answer(_ answer: ExplanationAnswer, context: AppRequestContext, via channel: String) async throws
        -> ExplanationRequest
    {
        let (request, unit) = try scoped(context)
        let user = try signedIn(context)
        guard try await rules(context).mayAnswer(request) else {
            throw APIError(.forbidden, "Chỉ cán bộ nhập liệu của \(unit.title) mới gửi giải trình.")
        }
        return try await step(
            .init(kind: .answer, author: user.name, at: now, answer: answer), request, context, channel)
    }

    func review(_ kind: ExplanationStep.Kind, comment: String?, context: AppRequestContext, via channel: String)
        async throws -> ExplanationRequest
    {
        let (request, _) = try scoped(context)
        let user = try signedIn(context)
        guard try await rules(context).mayReview(request) else {
            throw APIError(
                .forbidden, "Chỉ người đã yêu cầu (\(request.requester)) hoặc quản trị viên mới xem xét giải trình.")
        }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await step(
            .init(kind: kind, author: user.name, at: now, comment: comment?.isEmpty == false ? comment : nil), request,
            context, channel)
    }

    /// The requests of `unit` and the units below it that this person may read.
    func requests(below unit: AdministrativeUnit, year: Int, context: AppRequestContext) async throws
        -> [ExplanationRequest]
    {
        let all = try await services.unitsByID()
        let ids = all.values.filter {
            AccessScope.isWithin($0, root: unit.id, units: all) && context.identity.access.canRead($0, units: all)
        }.map(\.id)
        return try await services.repository.explanationRequests(unitIDs: ids, years: year...year)
    }

    private var now: String { services.configuration.clock.timestamp() }

    private func rules(_ context: AppRequestContext) async throws -> ExplanationRules {
        ExplanationRules(identity: context.identity, units: try await services.unitsByID())
    }

    private func step(
        _ step: ExplanationStep, _ request: ExplanationRequest, _ context: AppRequestContext, _ channel: String
    ) async throws -> ExplanationRequest {
        try await services.repository.addExplanationStep(
            step, to: request.id, author: context.author(via: channel), notices: try await services.notices())
    }

    private func signedIn(_ context: AppRequestContext) throws -> UserAccount {
        guard let user = context.identity.user else {
            throw APIError(.unauthorized, "Hãy đăng nhập để yêu cầu hoặc gửi giải trình.")
        }
        return user
    }

    private func scoped(_ context: AppRequestContext) throws -> (ExplanationRequest, AdministrativeUnit) {
        guard let request = context.explanation, let unit = context.unit else {
            throw APIError(.internalServerError, "Tuyến này nằm ngoài nhóm yêu cầu giải trình (lỗi lập trình).")
        }
        return (request, unit)
    }
}

/// Who may take the next step of a request: the unit's editors answer (not the person who
/// asked), the person who asked or an administrator judges. `ExplanationDesk` enforces it and
/// the pages use it to show only the forms of whoever's step it is.
struct ExplanationRules {
    let identity: Identity
    let units: [UnitID: AdministrativeUnit]

    func mayAnswer(_ r: ExplanationRequest) -> Bool {
        guard let unit = units[r.unitID], let user = identity.user else { return false }
        return identity.access.canWrite(unit, units: units) && user.id != r.requesterID
    }

    func mayReview(_ r: ExplanationRequest) -> Bool {
        guard let user = identity.user else { return false }
        return user.role == .admin || user.id == r.requesterID
    }

    /// Whether the next step is this person's: an answer owed by their unit, or an
    /// answer waiting for their judgement.
    func awaits(_ r: ExplanationRequest, today: CalendarDay) -> Bool {
        let state = r.state(on: today)
        return (state.awaitsUnit && mayAnswer(r)) || (state == .answered && mayReview(r))
    }
}

/// The middleware of the routes of one request (`/giai-trinh/:rid/…`,
/// `/api/v1/explanation-requests/:rid/…`): it loads the request and its unit, and answers 404
/// to anyone who may not read that unit, so a request's existence does not leak.
struct ExplanationScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let raw = context.parameters.get("rid") ?? ""
        let missing = APIError.notFound("Không có yêu cầu giải trình số \(raw).")
        guard let id = Int64(raw), let found = try await services.repository.explanationRequest(id: id),
            let unit = try await services.unitsByID()[found.unitID]
        else { throw missing }
        do {
            try await services.authorize(unit, for: context, writing: false)
        } catch {
            throw missing
        }
        var context = context
        context.explanation = found
        context.unit = unit
        return try await next(request, context)
    }
}

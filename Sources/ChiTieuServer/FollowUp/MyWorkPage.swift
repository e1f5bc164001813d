import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// What waits for the signed-in person, across units and years: the explanation requests whose
/// next step is theirs (an answer their unit owes, an answer waiting for their judgement) and
/// the unfinished tasks of their unit, overdue first. The header's «Việc chờ: N» counts them.
struct MyWork {
    var requests: [ExplanationRequest]
    var tasks: [FollowUpTask]
    let today: CalendarDay

    var overdueTasks: Int { tasks.filter { $0.status(on: today) == .overdue }.count }
    /// What the header counts: requests waiting for this person and tasks past their deadline.
    var count: Int { requests.count + overdueTasks }
}

extension AppServices {
    func myWork(for context: AppRequestContext) async throws -> MyWork {
        let today = configuration.clock.today
        guard let user = context.identity.user else { return MyWork(requests: [], tasks: [], today: today) }
        let rules = ExplanationRules(identity: context.identity, units: try await unitsByID())
        let requests = try await repository.explanationRequests(years: years.targetYears)
            .filter { rules.awaits($0, today: today) }
        let tasks = try await repository.tasks(unitIDs: user.unitID.map { [$0] } ?? [], years: years.targetYears)
        let open = tasks.filter { !$0.status(on: today).isDone }.sorted { $0.deadline < $1.deadline }
        return MyWork(requests: requests, tasks: open, today: today)
    }

    /// The header's link to `/viec-cho`, or nil when nothing waits.
    func followUpLink(for context: AppRequestContext) async throws -> LayoutView.Link? {
        let work = try await myWork(for: context)
        guard work.count > 0 else { return nil }
        return LayoutView.Link(href: SiteURL.myWork.path(), label: "Việc chờ: \(work.count)", current: false)
    }
}

struct MyWorkPage {
    let services: AppServices

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.myWork.pattern, use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity.user != nil else {
            throw APIError(.unauthorized, "Hãy đăng nhập để xem việc đang chờ mình.")
        }
        let work = try await services.myWork(for: context)
        var layout = LayoutView(title: "Việc chờ").with(context.identity)
        layout.followUp = try await services.followUpLink(for: context)
        let view = MyWorkView(
            work: work, units: try await services.unitsByID(),
            indicators: try await services.repository.indicatorsByCode(), layout: layout)
        return try services.pages.render(view, template: "my-work")
    }
}

/// The rows of `/viec-cho`, built without HTTP.
struct MyWorkView {
    struct RequestRow {
        let unit: String
        let indicator: String
        let period: String
        let state: String
        let stateClass: String
        let due: String
        let href: String
    }

    struct TaskRow {
        let text: String
        let responsible: String
        let deadline: String
        let status: String
        let statusClass: String
        let href: String
    }

    let layout: LayoutView
    let requests: [RequestRow]
    let tasks: [TaskRow]
    let empty: Bool
    /// Stored, not computed: the templates read stored properties only.
    let requestCount: Int
    let taskCount: Int

    init(work: MyWork, units: [UnitID: AdministrativeUnit], indicators: [String: Indicator], layout: LayoutView) {
        self.layout = layout
        requests = work.requests.map { r in
            let state = r.state(on: work.today)
            return RequestRow(
                unit: units[r.unitID]?.capitalizedTitle ?? "Đơn vị mã \(r.unitID)",
                indicator: indicators[r.indicatorCode]?.name ?? r.indicatorCode, period: r.period.label,
                state: state.label, stateClass: state == .overdue ? "off-track" : "at-risk", due: r.dueOn.vietnamese,
                href: SiteURL.unit(r.unitID, .explanations).path(["nam": "\(r.period.year)"]) + "#yc-\(r.id)")
        }
        tasks = work.tasks.map { t in
            let status = t.status(on: work.today)
            return TaskRow(
                text: t.text, responsible: t.responsible, deadline: t.deadline.vietnamese, status: status.label,
                statusClass: status == .overdue ? "off-track" : "on-track",
                href: SiteURL.unit(t.unitID, .tasks).path(["nam": "\(t.deadline.year)"]) + "#nv-\(t.id)")
        }
        empty = requests.isEmpty && tasks.isEmpty
        requestCount = requests.count
        taskCount = tasks.count
    }
}

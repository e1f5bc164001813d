import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/nhiem-vu?nam=`: the tasks (nhiệm vụ) the unit's conferences set, with a
/// deadline in the year, counted as task reports count them; the unit's editors add the
/// conclusions (a deadline as written, «3 tháng cuối năm», is resolved to its day) and record
/// progress and completion at `/don-vi/{id}/nhiem-vu/{tid}`.
struct TasksPage {
    let services: AppServices

    /// Routes of the ordinary `don-vi/:id` group: adding and updating need the right to change the unit.
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.tasks.pattern, use: page)
        unit.post(SiteURL.UnitPage.tasks.pattern, use: add)
        unit.post(SiteURL.UnitPage.taskUpdate(0).pattern, use: update)
        unit.get(SiteURL.UnitPage.taskEvidence(0, 0).pattern, use: evidence)
    }

    struct AddForm: Decodable {
        var noi_dung: String
        var chu_tri: String
        var han: String
        var hoi_nghi: String?
        /// `chi_tieu[code]=1` for each target the task serves.
        var chi_tieu: [String: String]?
    }

    struct UpdateForm: Decodable {
        var viec_da_lam: String
        /// `YYYY-MM-DD` when the task was completed.
        var hoan_thanh: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let values = RequestValues(request: request, context: context)
        let today = services.configuration.clock.today
        let year = try values.integer("nam", in: services.years.targetYears, what: "Năm") ?? today.year
        let tasks = try await services.repository.tasks(unitIDs: [unit.id], years: year...year)
        let indicators = try await services.repository.indicatorsByCode()
        let targeted = Set(
            try await services.repository.targets(unitIDs: [unit.id], years: year...year).map(\.indicatorCode))
        let heading = "Nhiệm vụ — \(unit.capitalizedTitle), hạn trong năm \(year)"
        let period = try Period.yearToDate(year, through: 12)
        let layout = try await services.layout(context: context, heading, page: .tasks, unit: unit, period: period)
        let view = View(
            tasks: tasks, unit: unit, year: year, heading: heading, layout: layout, indicators: indicators,
            choices: targeted.compactMap { indicators[$0] }.sorted { $0.name < $1.name },
            conferences: try await services.repository.conferences(unitID: unit.id).map(\.number), today: today)
        return try services.pages.render(view, template: "tasks")
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(AddForm.self, from: request)
        let today = services.configuration.clock.today
        let text = form.noi_dung.trimmingCharacters(in: .whitespacesAndNewlines)
        let responsible = form.chu_tri.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw APIError.badRequest("Hãy ghi nội dung nhiệm vụ.", field: "noi_dung") }
        guard !responsible.isEmpty else { throw APIError.badRequest("Hãy ghi đơn vị chủ trì.", field: "chu_tri") }
        guard let deadline = DeadlinePhrase.resolve(form.han, year: today.year) else {
            throw APIError.badRequest(
                "Không hiểu hạn «\(form.han)»: ghi một ngày (30/9/2026) hoặc «3 tháng cuối năm», «quý IV», «tháng 10».",
                field: "han")
        }
        guard unit.existed(inYear: deadline.year) else {
            throw APIError(
                .unprocessableContent,
                "\(unit.capitalizedTitle) không còn tồn tại trong năm \(deadline.year): không giao nhiệm vụ mới cho đơn vị này được."
            )
        }
        let written = CalendarDay(form.han.trimmingCharacters(in: .whitespaces)) == nil ? form.han : nil
        let task = FollowUpTask(
            unitID: unit.id, conferenceNumber: form.hoi_nghi.flatMap { Int($0) }, text: text, responsible: responsible,
            deadline: deadline, deadlineText: written, indicatorCodes: (form.chi_tieu ?? [:]).keys.sorted(),
            createdBy: context.identity.user?.name ?? "", createdAt: services.configuration.clock.timestamp())
        let made = try await services.repository.addTask(task, author: context.author(via: "trang Nhiệm vụ"))
        return back(unit, made)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let raw = context.parameters.get("tid") ?? ""
        guard let id = Int64(raw), let task = try await services.repository.task(id: id), task.unitID == unit.id else {
            throw APIError.notFound("Không có nhiệm vụ số \(raw) của \(unit.title).")
        }
        let (form, file) = try await Self.updateForm(request)
        var completed: CalendarDay?
        if let day = form.hoan_thanh?.trimmingCharacters(in: .whitespaces), !day.isEmpty {
            guard let parsed = CalendarDay(day) else {
                throw APIError.badRequest("Ngày hoàn thành «\(day)» không đọc được.", field: "hoan_thanh")
            }
            completed = parsed
        }
        var evidence: Evidence?
        if let file {
            do {
                evidence = try Evidence.check(name: file.name, bytes: file.bytes)
            } catch {
                throw APIError(.unprocessableContent, error.message, field: "can_cu")
            }
        }
        let update = FollowUpTask.Update(
            author: context.identity.user?.name ?? "", at: services.configuration.clock.timestamp(),
            text: form.viec_da_lam, completedOn: completed, evidence: evidence)
        let updated = try await services.repository.addTaskUpdate(
            update, to: task.id, today: services.configuration.clock.today,
            author: context.author(via: "trang Nhiệm vụ"), content: file?.bytes)
        return back(unit, updated)
    }

    /// The note's fields, url-encoded or multipart (with the evidence file `can_cu`).
    static func updateForm(_ request: Request) async throws -> (UpdateForm, (name: String, bytes: [UInt8])?) {
        guard let form = try await MultipartBody.read(request) else {
            return (try await FormBody.decode(UpdateForm.self, from: request), nil)
        }
        let fields = UpdateForm(viec_da_lam: form.string("viec_da_lam") ?? "", hoan_thanh: form.string("hoan_thanh"))
        guard let part = form.part(named: "can_cu"), part.body.readableBytes > 0 else { return (fields, nil) }
        return (fields, (MultipartBody.filename(part) ?? "", Array(part.body.readableBytesView)))
    }

    /// `GET …/nhiem-vu/{tid}/can-cu/{n}`: the file, as a download (never shown inline, so a
    /// file cannot run as a page of this site), to anyone who may read the unit.
    @Sendable func evidence(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let missing = APIError.notFound("Không có tệp căn cứ này.")
        guard let id = context.parameters.get("tid").flatMap({ Int64($0) }),
            let position = context.parameters.get("n").flatMap({ Int($0) }),
            let task = try await services.repository.task(id: id), task.unitID == unit.id,
            let (evidence, bytes) = try await services.repository.taskEvidence(taskID: id, position: position)
        else { throw missing }
        let encoded = evidence.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "tep"
        return Response(
            status: .ok,
            headers: [
                .contentType: evidence.kind.contentType,
                .contentDisposition:
                    "attachment; filename=\"can-cu.\(evidence.kind.rawValue)\"; filename*=UTF-8''\(encoded)",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func back(_ unit: AdministrativeUnit, _ task: FollowUpTask) -> Response {
        let page = SiteURL.unit(unit.id, .tasks).path(["nam": "\(task.deadline.year)"])
        return Response(status: .seeOther, headers: [.location: page + "#nv-\(task.id)"])
    }
}

import ChiTieuCore

/// Explanation requests (giải trình) and their threads. Every write is in the audit trail, in
/// the same transaction.
public protocol FollowUpRepository: Sendable {
    /// Stores a new request (its `id` and `steps` are ignored) and returns it with its id; the
    /// mails `notices` makes of the stored request are queued in the same transaction.
    func addExplanationRequest(_ request: ExplanationRequest, author: ChangeAuthor, notices: @escaping MailNotices)
        async throws
        -> ExplanationRequest
    /// The requests for these units whose period lies in `years`, with their threads, oldest first.
    func explanationRequests(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [ExplanationRequest]
    /// Every unit's requests for periods in `years` (few: for the count of open items).
    func explanationRequests(years: ClosedRange<Int>) async throws -> [ExplanationRequest]
    func explanationRequest(id: ExplanationRequest.ID) async throws -> ExplanationRequest?
    /// Appends a step when it may follow the thread as it stands in the database (checked in
    /// the write's transaction, so two leaders accepting at once cannot both succeed);
    /// otherwise throws `StoreError.stepRefused` with the reason. The mails `notices` makes of
    /// the request with its new step are queued in the same transaction.
    func addExplanationStep(
        _ step: ExplanationStep, to id: ExplanationRequest.ID, author: ChangeAuthor, notices: @escaping MailNotices
    ) async throws -> ExplanationRequest

    /// Stores a new task (its `id` and `updates` are ignored).
    func addTask(_ task: FollowUpTask, author: ChangeAuthor) async throws -> FollowUpTask
    /// The tasks of these units whose deadline falls in `years`, with their updates.
    func tasks(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [FollowUpTask]
    func task(id: FollowUpTask.ID) async throws -> FollowUpTask?
    /// Appends a progress note (or the completion) when `FollowUpTask.problem` allows it, checked
    /// in the write's transaction; otherwise throws `StoreError.stepRefused` with why.
    /// `content` is the file of `update.evidence`, stored in the same transaction.
    func addTaskUpdate(
        _ update: FollowUpTask.Update, to id: FollowUpTask.ID, today: CalendarDay, author: ChangeAuthor,
        content: [UInt8]?
    ) async throws -> FollowUpTask
    /// The evidence of the note at `position` of a task, with its bytes.
    func taskEvidence(taskID: FollowUpTask.ID, position: Int) async throws -> (Evidence, [UInt8])?
}

/// The mails a change to a request owes, made from the request as stored (with its id).
public typealias MailNotices = @Sendable (ExplanationRequest) -> [OutgoingMail]

extension FollowUpRepository {
    public func addTaskUpdate(
        _ update: FollowUpTask.Update, to id: FollowUpTask.ID, today: CalendarDay, author: ChangeAuthor
    ) async throws -> FollowUpTask {
        try await addTaskUpdate(update, to: id, today: today, author: author, content: nil)
    }

    public func addExplanationRequest(_ request: ExplanationRequest, author: ChangeAuthor) async throws
        -> ExplanationRequest
    {
        try await addExplanationRequest(request, author: author, notices: { _ in [] })
    }

    public func addExplanationStep(_ step: ExplanationStep, to id: ExplanationRequest.ID, author: ChangeAuthor)
        async throws -> ExplanationRequest
    {
        try await addExplanationStep(step, to: id, author: author, notices: { _ in [] })
    }
}

extension FollowUpTask {
    var recordKey: String { "nhiem-vu/\(unitID)/\(id)" }
    var auditDescription: String { "Nhiệm vụ số \(id): \(text)" }

    var addedEntry: AuditEntry {
        AuditEntry(
            action: .added, subject: .task, unitID: unitID, recordKey: recordKey, description: auditDescription,
            newValue: "\(responsible), hạn \(deadline.vietnamese)")
    }

    /// «Hoàn thành ngày 30/10/2026: …» for the completing update, the note itself otherwise.
    func entry(for update: Update, today: CalendarDay) -> AuditEntry {
        AuditEntry(
            action: .changed, subject: .task, unitID: unitID, recordKey: recordKey, description: auditDescription,
            oldValue: status(on: today).label,
            newValue: update.completedOn.map { "Hoàn thành ngày \($0.vietnamese): \(update.text)" } ?? update.text)
    }
}

extension ExplanationRequest {
    /// The audit trail's key: `giai-trinh/UNIT/INDICATOR/YEAR/ID`.
    var recordKey: String { "giai-trinh/\(unitID)/\(indicatorCode)/\(period.year)/\(id)" }

    /// «Yêu cầu giải trình số 3: Thu ngân sách nhà nước, 9 tháng năm 2026».
    func auditDescription(indicatorName: String) -> String {
        "Yêu cầu giải trình số \(id): \(indicatorName), \(period.label)"
    }

    /// What the audit trail records of a step: «Giải trình: …», «Trả lại: …», «Chấp nhận».
    static func auditValue(of step: ExplanationStep) -> String {
        switch step.kind {
        case .answer: "Giải trình: " + (step.answer?.facts ?? "")
        case .return: "Trả lại: " + (step.comment ?? "")
        case .accept: "Chấp nhận" + (step.comment.map { ": " + $0 } ?? "")
        }
    }

    /// The audit entries every repository writes, so memory and SQL record the same words.
    func addedEntry(indicatorName: String) -> AuditEntry {
        AuditEntry(
            action: .added, subject: .explanation, unitID: unitID, recordKey: recordKey,
            description: auditDescription(indicatorName: indicatorName), newValue: "\(note) (hạn \(dueOn.vietnamese))")
    }

    func entry(for step: ExplanationStep, indicatorName: String) -> AuditEntry {
        AuditEntry(
            action: .changed, subject: .explanation, unitID: unitID, recordKey: recordKey,
            description: auditDescription(indicatorName: indicatorName), oldValue: recordedState.label,
            newValue: Self.auditValue(of: step))
    }

    /// Why `step` cannot be stored, checked by every repository before writing.
    static func problem(with step: ExplanationStep, after request: ExplanationRequest) -> String? {
        if let refusal = request.refusal(of: step.kind) { return refusal }
        if step.kind == .answer {
            guard let answer = step.answer else { return "Chưa có nội dung giải trình." }
            if let first = answer.problems.first { return first }
        }
        if step.kind == .return, (step.comment ?? "").allSatisfy(\.isWhitespace) {
            return "Hãy ghi lý do trả lại để đơn vị giải trình lại."
        }
        return nil
    }
}

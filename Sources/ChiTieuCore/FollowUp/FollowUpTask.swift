/// A task (nhiệm vụ) a conference concluded with: who is responsible, by when, which targets it
/// serves, and how it went. Its status is read from its completion day, its deadline and the
/// day, never typed: «đúng hạn», «quá hạn», as the government's task reports count them.
public struct FollowUpTask: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    /// The unit whose conference set the task.
    public var unitID: UnitID
    /// The conference («lần thứ 18»), when the task came from one.
    public var conferenceNumber: Int?
    /// «Chỉ đạo công tác thu ngân sách, phấn đấu vượt dự toán».
    public var text: String
    /// The unit or agency responsible, as written: «Ủy ban nhân dân huyện».
    public var responsible: String
    public var deadline: CalendarDay
    /// The deadline as the conclusions said it («3 tháng cuối năm»), when not a date.
    public var deadlineText: String?
    public var indicatorCodes: [String]
    public var createdBy: String
    public var createdAt: String
    /// Progress notes, oldest first; the last may complete the task.
    public var updates: [Update]

    public struct Update: Sendable, Equatable {
        public var author: String
        public var at: String
        /// What was done, with its evidence (a document number, a link).
        public var text: String
        /// The day the task was completed, on the update that completes it.
        public var completedOn: CalendarDay?
        /// The file attached as evidence (its bytes are stored beside the note).
        public var evidence: Evidence?

        public init(
            author: String, at: String, text: String, completedOn: CalendarDay? = nil, evidence: Evidence? = nil
        ) {
            self.author = author
            self.at = at
            self.text = text
            self.completedOn = completedOn
            self.evidence = evidence
        }
    }

    public init(
        id: ID = 0, unitID: UnitID, conferenceNumber: Int? = nil, text: String, responsible: String,
        deadline: CalendarDay, deadlineText: String? = nil, indicatorCodes: [String] = [], createdBy: String,
        createdAt: String, updates: [Update] = []
    ) {
        self.id = id
        self.unitID = unitID
        self.conferenceNumber = conferenceNumber
        self.text = text
        self.responsible = responsible
        self.deadline = deadline
        self.deadlineText = deadlineText
        self.indicatorCodes = indicatorCodes
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updates = updates
    }

    public var completedOn: CalendarDay? { updates.last { $0.completedOn != nil }?.completedOn }

    public func status(on today: CalendarDay) -> TaskStatus {
        if let done = completedOn { return done <= deadline ? .doneOnTime : .doneLate }
        return today <= deadline ? .inProgress : .overdue
    }

    /// Why `update` cannot be added: a task completes once; a completion day after today.
    public func problem(with update: Update, today: CalendarDay) -> String? {
        if update.text.allSatisfy(\.isWhitespace) { return "Hãy ghi việc đã làm (và văn bản, kết quả làm căn cứ)." }
        guard let day = update.completedOn else { return nil }
        if completedOn != nil { return "Nhiệm vụ đã được ghi là hoàn thành." }
        if day > today { return "Ngày hoàn thành \(day.vietnamese) chưa đến." }
        return nil
    }
}

public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case inProgress = "in_progress"
    case overdue

    public var label: String {
        switch self {
        case .doneOnTime: "Hoàn thành đúng hạn"
        case .doneLate: "Hoàn thành quá hạn"
        case .inProgress: "Đang thực hiện, trong hạn"
        case .overdue: "Quá hạn, chưa hoàn thành"
        }
    }

    public var isDone: Bool { self == .doneOnTime || self == .doneLate }
}

/// The counts of a task report: «Tổng số 12 nhiệm vụ: đã hoàn thành 7 nhiệm vụ (5 đúng hạn,
/// 2 quá hạn); 3 nhiệm vụ đang thực hiện trong hạn; 2 nhiệm vụ quá hạn chưa hoàn thành.»
public struct TaskTally: Sendable, Equatable {
    public var counts: [TaskStatus: Int]

    public init(_ tasks: [FollowUpTask], on today: CalendarDay) {
        var counts: [TaskStatus: Int] = [:]
        for task in tasks { counts[task.status(on: today), default: 0] += 1 }
        self.counts = counts
    }

    public func count(_ status: TaskStatus) -> Int { counts[status] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }

    public var sentence: String {
        guard total > 0 else { return "Chưa có nhiệm vụ nào." }
        let done = count(.doneOnTime) + count(.doneLate)
        var parts = ["đã hoàn thành \(done) nhiệm vụ (\(count(.doneOnTime)) đúng hạn, \(count(.doneLate)) quá hạn)"]
        if count(.inProgress) > 0 { parts.append("\(count(.inProgress)) nhiệm vụ đang thực hiện trong hạn") }
        if count(.overdue) > 0 { parts.append("\(count(.overdue)) nhiệm vụ quá hạn chưa hoàn thành") }
        return "Tổng số \(total) nhiệm vụ: " + parts.joined(separator: "; ") + "."
    }
}

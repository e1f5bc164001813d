/// A leader's request that a unit explain (giải trình) a target at risk for a period, and the
/// thread that follows: the unit's answers, the leader's returns and, at last, acceptance.
/// Its state is read from that thread and the day, never typed, so it cannot disagree with it.
public struct ExplanationRequest: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var unitID: UnitID
    public var indicatorCode: String
    /// The period the target was judged on: "9 tháng năm 2026".
    public var period: Period
    /// What the leader asks about: «Làm rõ nguyên nhân thu ngân sách đạt thấp».
    public var note: String
    public var dueOn: CalendarDay
    /// The account that asked: it, or an administrator, accepts or returns the answers.
    public var requesterID: Int64?
    public var requester: String
    public var requestedAt: String
    /// Answers, returns and the acceptance, oldest first.
    public var steps: [ExplanationStep]

    public init(
        id: ID = 0, unitID: UnitID, indicatorCode: String, period: Period, note: String, dueOn: CalendarDay,
        requesterID: Int64?, requester: String, requestedAt: String, steps: [ExplanationStep] = []
    ) {
        self.id = id
        self.unitID = unitID
        self.indicatorCode = indicatorCode
        self.period = period
        self.note = note
        self.dueOn = dueOn
        self.requesterID = requesterID
        self.requester = requester
        self.requestedAt = requestedAt
        self.steps = steps
    }

    /// The state on `today`: a request still waiting for an answer after its due day is overdue.
    public func state(on today: CalendarDay) -> ExplanationState {
        let recorded = recordedState
        if recorded == .requested || recorded == .returned, today > dueOn { return .overdue }
        return recorded
    }

    /// The state the thread alone gives.
    public var recordedState: ExplanationState {
        switch steps.last?.kind {
        case nil: .requested
        case .answer: .answered
        case .accept: .accepted
        case .return: .returned
        }
    }

    /// The answer the leader accepted, for the report's limitations section.
    public var acceptedAnswer: ExplanationAnswer? {
        guard recordedState == .accepted else { return nil }
        return steps.last { $0.kind == .answer }?.answer
    }

    /// Why `kind` cannot be the next step, in Vietnamese; nil when it can.
    public func refusal(of kind: ExplanationStep.Kind) -> String? {
        let state = recordedState
        switch kind {
        case .answer:
            if state == .answered { return "Đơn vị đã giải trình; chờ người yêu cầu xem xét." }
            if state == .accepted { return "Giải trình đã được chấp nhận; không gửi thêm được." }
        case .accept, .return:
            if state == .accepted { return "Giải trình đã được chấp nhận." }
            if state != .answered { return "Đơn vị chưa gửi giải trình để xem xét." }
        }
        return nil
    }
}

/// Where a request stands.
public enum ExplanationState: String, Sendable, Codable, CaseIterable {
    case requested, answered, accepted, returned, overdue

    public var label: String {
        switch self {
        case .requested: "Chờ giải trình"
        case .answered: "Đã giải trình, chờ xem xét"
        case .accepted: "Đã chấp nhận"
        case .returned: "Trả lại, chờ giải trình lại"
        case .overdue: "Quá hạn giải trình"
        }
    }

    /// Whether the unit still owes an answer.
    public var awaitsUnit: Bool { self == .requested || self == .returned || self == .overdue }
}

/// One step after the request.
public struct ExplanationStep: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case answer, accept, `return`
    }

    public var kind: Kind
    public var author: String
    public var at: String
    /// The unit's explanation (answers only).
    public var answer: ExplanationAnswer?
    /// The leader's comment (returns, and acceptance if any).
    public var comment: String?

    public init(kind: Kind, author: String, at: String, answer: ExplanationAnswer? = nil, comment: String? = nil) {
        self.kind = kind
        self.author = author
        self.at = at
        self.answer = answer
        self.comment = comment
    }
}

/// What the unit answers, in the parts the reporting regime asks for.
public struct ExplanationAnswer: Sendable, Equatable, Codable {
    /// Tình hình thực hiện: the facts.
    public var facts: String
    /// Nguyên nhân chủ quan.
    public var subjectiveCauses: String
    /// Nguyên nhân khách quan.
    public var objectiveCauses: String
    /// Giải pháp: what the unit will do.
    public var actions: String
    /// Dự kiến kết quả đến cuối năm.
    public var expectedResult: String

    public init(
        facts: String, subjectiveCauses: String, objectiveCauses: String, actions: String, expectedResult: String
    ) {
        self.facts = facts
        self.subjectiveCauses = subjectiveCauses
        self.objectiveCauses = objectiveCauses
        self.actions = actions
        self.expectedResult = expectedResult
    }

    /// What is missing, each naming its field.
    public var problems: [String] {
        var found: [String] = []
        if facts.isBlank { found.append("Chưa nêu tình hình thực hiện.") }
        if subjectiveCauses.isBlank, objectiveCauses.isBlank {
            found.append("Chưa nêu nguyên nhân (chủ quan hoặc khách quan).")
        }
        if actions.isBlank { found.append("Chưa nêu giải pháp khắc phục.") }
        return found
    }
}

extension String {
    fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

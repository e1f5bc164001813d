import ChiTieuCore

/// A notice to send: to whom, what, and the key that makes it one mail however often it is
/// queued («giai-trinh/12/yeu-cau/5» — request 12's new request to user 5; «tong-hop/5/2026-10-06»
/// — user 5's digest of that day).
public struct OutgoingMail: Sendable, Equatable {
    public var dedupeKey: String
    public var recipient: MailAddress
    public var subject: String
    public var body: String

    public init(dedupeKey: String, recipient: MailAddress, subject: String, body: String) {
        self.dedupeKey = dedupeKey
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

/// A mail in the outbox, as the sender takes it.
public struct QueuedMail: Sendable, Equatable {
    public var id: Int64
    public var mail: OutgoingMail
    public var createdAt: String
    /// Attempts made before this one.
    public var attempts: Int
}

/// What the outbox holds, for `chitieu mail status` and the administrator.
public struct OutboxSummary: Sendable, Equatable {
    public var waiting: Int
    public var sent: Int
    public var failed: Int
    /// The latest mails given up, newest first.
    public var recentFailures: [Failure]

    public struct Failure: Sendable, Equatable {
        public var recipient: String
        public var subject: String
        public var error: String
    }
}

/// The outbox of notices. Sending is someone else's job (`ChiTieuMail`'s sender); this keeps
/// what must be sent, what was, and what failed, across restarts.
public protocol OutboxRepository: Sendable {
    /// Queues the mails whose key is new; returns how many were queued.
    @discardableResult
    func enqueue(_ mails: [OutgoingMail], at: String) async throws -> Int
    /// Up to `limit` mails due at `now` — not sent, not given up, not leased to another sender —
    /// leased to the caller until `leaseUntil`, oldest first. Two servers on one database
    /// cannot take the same mail.
    func claimDueMail(now: String, leaseUntil: String, limit: Int) async throws -> [QueuedMail]
    func markSent(_ id: Int64, at: String) async throws
    /// Records a failed attempt: tried again at `retryAt`, or given up when it is nil.
    func markFailed(_ id: Int64, error: String, at: String, retryAt: String?) async throws
    func outboxSummary() async throws -> OutboxSummary
    /// Every mail queued with this key prefix, oldest first (tests and `mail status`).
    func outboxMails(keyPrefix: String) async throws -> [QueuedMail]
}

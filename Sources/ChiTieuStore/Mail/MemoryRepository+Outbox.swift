import ChiTieuCore

extension MemoryRepository: OutboxRepository {
    /// One row of the memory outbox: the mail and where it stands.
    struct OutboxRow {
        var queued: QueuedMail
        var nextAttemptAt: String
        var leaseUntil: String?
        var sentAt: String?
        var failedAt: String?
        var lastError: String?
        var pending: Bool { sentAt == nil && failedAt == nil }
    }

    @discardableResult
    public func enqueue(_ mails: [OutgoingMail], at: String) -> Int {
        var queued = 0
        for mail in mails where !outbox.contains(where: { $0.queued.mail.dedupeKey == mail.dedupeKey }) {
            let row = QueuedMail(id: Int64(outbox.count + 1), mail: mail, createdAt: at, attempts: 0)
            outbox.append(OutboxRow(queued: row, nextAttemptAt: at))
            queued += 1
        }
        return queued
    }

    public func claimDueMail(now: String, leaseUntil: String, limit: Int) -> [QueuedMail] {
        let due = outbox.indices.filter {
            outbox[$0].pending && outbox[$0].nextAttemptAt <= now && (outbox[$0].leaseUntil.map { $0 < now } ?? true)
        }.prefix(limit)
        for index in due { outbox[index].leaseUntil = leaseUntil }
        return due.map { outbox[$0].queued }
    }

    public func markSent(_ id: Int64, at: String) {
        update(id) {
            $0.sentAt = at
        }
    }

    public func markFailed(_ id: Int64, error: String, at: String, retryAt: String?) {
        update(id) {
            $0.lastError = String(error.prefix(500))
            if let retryAt { $0.nextAttemptAt = retryAt } else { $0.failedAt = at }
        }
    }

    public func outboxSummary() -> OutboxSummary {
        OutboxSummary(
            waiting: outbox.filter(\.pending).count, sent: outbox.filter { $0.sentAt != nil }.count,
            failed: outbox.filter { $0.failedAt != nil }.count,
            recentFailures: outbox.filter { $0.failedAt != nil }.reversed().prefix(10).map {
                OutboxSummary.Failure(
                    recipient: $0.queued.mail.recipient.value, subject: $0.queued.mail.subject,
                    error: $0.lastError ?? "")
            })
    }

    public func outboxMails(keyPrefix: String) -> [QueuedMail] {
        outbox.filter { $0.queued.mail.dedupeKey.hasPrefix(keyPrefix) }.map(\.queued)
    }

    private func update(_ id: Int64, _ change: (inout OutboxRow) -> Void) {
        guard let index = outbox.firstIndex(where: { $0.queued.id == id }) else { return }
        change(&outbox[index])
        outbox[index].leaseUntil = nil
        outbox[index].queued.attempts += 1
    }
}

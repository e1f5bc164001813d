import ChiTieuCore
import SQLKit

extension SQLRepository: OutboxRepository {
    @discardableResult
    public func enqueue(_ mails: [OutgoingMail], at: String) async throws -> Int {
        guard !mails.isEmpty else { return 0 }
        return try await database.writerTransaction { db in try await Self.enqueue(mails, at: at, db) }
    }

    /// Inserts the mails whose key is new, inside the caller's transaction.
    static func enqueue(_ mails: [OutgoingMail], at: String, _ db: any SQLDatabase) async throws -> Int {
        var queued = 0
        for mail in mails {
            guard
                try await db.select().column("id").from("outbox").where("dedupe_key", .equal, mail.dedupeKey).first()
                    == nil
            else { continue }
            try await db.insert(into: "outbox")
                .columns("dedupe_key", "recipient", "subject", "body", "created_at", "next_attempt_at")
                .values(
                    SQLBind(mail.dedupeKey), SQLBind(mail.recipient.value), SQLBind(mail.subject), SQLBind(mail.body),
                    SQLBind(at), SQLBind(at)
                ).run()
            queued += 1
        }
        return queued
    }

    public func claimDueMail(now: String, leaseUntil: String, limit: Int) async throws -> [QueuedMail] {
        try await database.writerTransaction { db in
            let rows = try await Self.pending(db).where("next_attempt_at", .lessThanOrEqual, now)
                .where { $0.where("lease_until", .is, SQLLiteral.null).orWhere("lease_until", .lessThan, now) }
                .orderBy("id").limit(limit).all()
            let mails = try rows.map(Self.queuedMail)
            if !mails.isEmpty {
                try await db.update("outbox").set("lease_until", to: SQLBind(leaseUntil))
                    .where("id", .in, SQLBind.group(mails.map(\.id))).run()
            }
            return mails
        }
    }

    public func markSent(_ id: Int64, at: String) async throws {
        try await database.transaction { db in
            try await db.update("outbox").set("sent_at", to: SQLBind(at)).set("lease_until", to: SQLLiteral.null)
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1")).where("id", .equal, id).run()
        }
    }

    public func markFailed(_ id: Int64, error: String, at: String, retryAt: String?) async throws {
        try await database.transaction { db in
            var update = db.update("outbox").set("last_error", to: SQLBind(String(error.prefix(500))))
                .set("lease_until", to: SQLLiteral.null).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            update =
                retryAt.map { update.set("next_attempt_at", to: SQLBind($0)) }
                ?? update.set("failed_at", to: SQLBind(at))
            try await update.where("id", .equal, id).run()
        }
    }

    public func outboxSummary() async throws -> OutboxSummary {
        try await database.withSession { db in
            func count(_ build: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> Int {
                try await build(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("outbox"))
                    .first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let waiting = try await count {
                $0.where("sent_at", .is, SQLLiteral.null).where("failed_at", .is, SQLLiteral.null)
            }
            let sent = try await count { $0.where("sent_at", .isNot, SQLLiteral.null) }
            let failed = try await count { $0.where("failed_at", .isNot, SQLLiteral.null) }
            let recent = try await db.select().columns("recipient", "subject", "last_error").from("outbox")
                .where("failed_at", .isNot, SQLLiteral.null).orderBy("id", .descending).limit(10).all()
                .map {
                    OutboxSummary.Failure(
                        recipient: try $0.decode(column: "recipient", as: String.self),
                        subject: try $0.decode(column: "subject", as: String.self),
                        error: try $0.decodeOptional(column: "last_error", as: String.self) ?? "")
                }
            return OutboxSummary(waiting: waiting, sent: sent, failed: failed, recentFailures: recent)
        }
    }

    public func outboxMails(keyPrefix: String) async throws -> [QueuedMail] {
        try await database.withSession { db in
            try await db.select().column("*").from("outbox").where("dedupe_key", .like, keyPrefix + "%").orderBy("id")
                .all().map(Self.queuedMail)
        }
    }

    private static func pending(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column("*").from("outbox").where("sent_at", .is, SQLLiteral.null)
            .where("failed_at", .is, SQLLiteral.null)
    }

    private static func queuedMail(_ row: any SQLRow) throws -> QueuedMail {
        let recipient = try row.decode(column: "recipient", as: String.self)
        guard let address = try? MailAddress(recipient) else {
            throw StoreError.internalFailure("địa chỉ thư «\(recipient)» trong hộp thư đi không đọc được")
        }
        return QueuedMail(
            id: try row.decode(column: "id", as: Int64.self),
            mail: OutgoingMail(
                dedupeKey: try row.decode(column: "dedupe_key", as: String.self), recipient: address,
                subject: try row.decode(column: "subject", as: String.self),
                body: try row.decode(column: "body", as: String.self)),
            createdAt: try row.decode(column: "created_at", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self))
    }
}

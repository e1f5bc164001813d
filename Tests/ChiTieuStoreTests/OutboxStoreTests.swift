import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// The outbox and users' addresses on every backend: a key is queued once, a leased mail is
/// not taken twice, failures wait or are given up, and the mails of a step live and die with
/// the step's transaction.
@Suite("Outbox: queueing, leases, failures, and mails in the step's transaction")
struct OutboxStoreTests {
    static let admin = ChangeAuthor(name: "quantri (dòng lệnh)")
    let to = try! MailAddress("canbo@iathu.gov.vn")

    func mail(_ key: String) -> OutgoingMail {
        OutgoingMail(dedupeKey: key, recipient: to, subject: "Yêu cầu giải trình: \(key)", body: "Kính gửi,\nnội dung")
    }

    @Test(arguments: RepositoryKind.available)
    func queuesAKeyOnceLeasesRetriesAndGivesUp(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let outbox = try #require(base as? any OutboxRepository)
            #expect(try await outbox.enqueue([mail("a"), mail("b"), mail("a")], at: "2026-10-05T00:00:00Z") == 2)
            #expect(try await outbox.enqueue([mail("b"), mail("c")], at: "2026-10-05T00:01:00Z") == 1)
            let taken = try await outbox.claimDueMail(
                now: "2026-10-05T00:02:00Z", leaseUntil: "2026-10-05T00:17:00Z", limit: 2)
            #expect(taken.map(\.mail.dedupeKey) == ["a", "b"])
            #expect(taken.first?.mail == mail("a"))
            #expect(taken.first?.attempts == 0)
            let next = try await outbox.claimDueMail(
                now: "2026-10-05T00:03:00Z", leaseUntil: "2026-10-05T00:18:00Z", limit: 10)
            #expect(next.map(\.mail.dedupeKey) == ["c"])

            try await outbox.markSent(taken[0].id, at: "2026-10-05T00:02:05Z")
            try await outbox.markFailed(
                taken[1].id, error: "Máy chủ thư đóng kết nối giữa chừng.", at: "2026-10-05T00:02:06Z",
                retryAt: "2026-10-05T00:03:06Z")
            try await outbox.markFailed(
                next[0].id, error: "Máy chủ thư từ chối RCPT TO: 550 5.1.1", at: "2026-10-05T00:03:01Z", retryAt: nil)
            #expect(
                try await outbox.claimDueMail(now: "2026-10-05T00:03:00Z", leaseUntil: "2026-10-05T00:30:00Z", limit: 9)
                    .isEmpty)
            let retried = try await outbox.claimDueMail(
                now: "2026-10-05T00:03:06Z", leaseUntil: "2026-10-05T00:30:00Z", limit: 9)
            #expect(retried.map(\.mail.dedupeKey) == ["b"])
            #expect(retried.first?.attempts == 1)

            let summary = try await outbox.outboxSummary()
            #expect(summary.sent == 1 && summary.waiting == 1 && summary.failed == 1)
            #expect(summary.recentFailures.map(\.error) == ["Máy chủ thư từ chối RCPT TO: 550 5.1.1"])
            #expect(try await outbox.outboxMails(keyPrefix: "b").map(\.attempts) == [1])
        }
    }

    @Test(arguments: RepositoryKind.available)
    func anExpiredLeaseLetsTheMailGoAgain(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let outbox = try #require(base as? any OutboxRepository)
            try await outbox.enqueue([mail("a")], at: "2026-10-05T00:00:00Z")
            _ = try await outbox.claimDueMail(now: "2026-10-05T00:00:00Z", leaseUntil: "2026-10-05T00:15:00Z", limit: 5)
            #expect(
                try await outbox.claimDueMail(now: "2026-10-05T00:14:59Z", leaseUntil: "2026-10-05T00:30:00Z", limit: 5)
                    .isEmpty)
            #expect(
                try await outbox.claimDueMail(now: "2026-10-05T00:15:01Z", leaseUntil: "2026-10-05T00:30:00Z", limit: 5)
                    .count == 1)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func usersKeepTheirAddressAndTheChangeIsAudited(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let accounts = try #require(base as? any ChiTieuRepository & AccountRepository)
            var batch = DataBatch()
            let ref = batch.addUnit(.commune, "Ia Thử")
            let unit = try #require(try await accounts.save(batch).unitIDs[ref])
            let user = try await accounts.addUser(
                name: "iathu", role: .editor, unitID: unit, passwordHash: "h", author: Self.admin)
            #expect(user.email == nil)
            try await accounts.setEmail(userID: user.id, to, author: Self.admin)
            #expect(try await accounts.users().first?.email == to)
            #expect(try await accounts.credentials(name: "iathu")?.user.email == to)
            try await accounts.setEmail(userID: user.id, nil, author: Self.admin)
            #expect(try await accounts.users().first?.email == nil)
            let trail = try await accounts.auditTrail(AuditQuery(unitID: unit)).filter { $0.subject == .user }
            #expect(trail.compactMap(\.newValue).contains("canbo@iathu.gov.vn"))
            #expect(trail.compactMap(\.newValue).contains("bỏ địa chỉ"))
            await #expect(throws: AccountError.unknownUser(99)) {
                try await accounts.setEmail(userID: 99, to, author: Self.admin)
            }
        }
    }

    @Test(arguments: RepositoryKind.available)
    func theMailsOfAStepAreQueuedWithItAndNotWhenItIsRefused(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository & OutboxRepository)
            var batch = DataBatch()
            let ref = batch.addUnit(.commune, "Ia Thử")
            let unit = try #require(try await repository.save(batch).unitIDs[ref])
            let notices: MailNotices = { request in
                [mail("giai-trinh/\(request.id)/buoc-\(request.steps.count)")]
            }
            let asked = try await repository.addExplanationRequest(
                ExplanationRequest(
                    unitID: unit, indicatorCode: "budget_revenue", period: try .yearToDate(2026, through: 9),
                    note: "Làm rõ", dueOn: try #require(CalendarDay("2026-10-20")), requesterID: nil,
                    requester: "quantri", requestedAt: "2026-10-05T02:00:00Z"),
                author: Self.admin, notices: notices)
            await #expect(throws: StoreError.stepRefused("Đơn vị chưa gửi giải trình để xem xét.")) {
                try await repository.addExplanationStep(
                    ExplanationStep(kind: .accept, author: "quantri", at: "2026-10-06T00:00:00Z"), to: asked.id,
                    author: Self.admin, notices: notices)
            }
            _ = try await repository.addExplanationStep(
                ExplanationStep(
                    kind: .answer, author: "iathu", at: "2026-10-06T00:00:00Z", answer: ExplanationStoreTests.answer),
                to: asked.id, author: Self.admin, notices: notices)
            let keys = try await repository.outboxMails(keyPrefix: "giai-trinh/").map(\.mail.dedupeKey)
            #expect(keys == ["giai-trinh/\(asked.id)/buoc-0", "giai-trinh/\(asked.id)/buoc-1"])
        }
    }
}

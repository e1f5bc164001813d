import ChiTieuCore
import ChiTieuStore
import Foundation
import Logging
import Testing

@testable import ChiTieuMail

/// A transport that fails the way it is told, and records what it sent.
actor ScriptedTransport: MailTransport {
    var failures: [any Error]
    private(set) var sent: [QueuedMessage] = []

    init(failing failures: [any Error] = []) {
        self.failures = failures
    }

    func send(_ mail: QueuedMessage) async throws {
        if !failures.isEmpty { throw failures.removeFirst() }
        sent.append(mail)
    }
}

/// A clock the test moves.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    func advance(_ seconds: Double) { lock.withLock { date = date.addingTimeInterval(seconds) } }
    var clock: WallClock { WallClock { [self] in lock.withLock { date } } }
}

@Suite struct OutboxSenderTests {
    let start = Date(timeIntervalSince1970: 1_791_600_000)
    let address = try! MailAddress("canbo@yangtrung.gov.vn")

    func mail(_ key: String) -> OutgoingMail {
        OutgoingMail(dedupeKey: key, recipient: address, subject: "Yêu cầu giải trình \(key)", body: "Nội dung")
    }

    func sender(_ outbox: MemoryRepository, _ transport: ScriptedTransport, _ clock: WallClock) -> OutboxSender {
        OutboxSender(
            outbox: outbox, transport: transport, clock: clock, logger: Logger(label: "test"), domain: "ubnd.gov.vn")
    }

    @Test func sendsOnceAndASecondSenderAfterARestartSendsNothing() async throws {
        let time = MovingClock(start)
        let outbox = MemoryRepository(clock: time.clock)
        try await outbox.enqueue([mail("a"), mail("b")], at: time.clock.timestamp())
        let transport = ScriptedTransport()
        #expect(await sender(outbox, transport, time.clock).sendDue() == SendingRound(sent: 2))
        time.advance(3600)
        #expect(await sender(outbox, ScriptedTransport(), time.clock).sendDue() == SendingRound())
        let sent = await transport.sent
        #expect(sent.map(\.subject) == ["Yêu cầu giải trình a", "Yêu cầu giải trình b"])
        #expect(sent.map(\.messageID) == ["chitieu-outbox-1@ubnd.gov.vn", "chitieu-outbox-2@ubnd.gov.vn"])
    }

    @Test func aQueuedKeyIsNotQueuedTwice() async throws {
        let outbox = MemoryRepository()
        #expect(try await outbox.enqueue([mail("tong-hop/5/2026-10-10")], at: "2026-10-10T00:00:00Z") == 1)
        #expect(try await outbox.enqueue([mail("tong-hop/5/2026-10-10")], at: "2026-10-10T01:00:00Z") == 0)
    }

    @Test func temporaryFailureIsTriedAgainAfterTheDelayNotBefore() async throws {
        let time = MovingClock(start)
        let outbox = MemoryRepository(clock: time.clock)
        try await outbox.enqueue([mail("a")], at: time.clock.timestamp())
        let transport = ScriptedTransport(failing: [SMTPError.connectionClosed])
        let s = sender(outbox, transport, time.clock)
        #expect(await s.sendDue() == SendingRound(postponed: 1))
        time.advance(30)
        #expect(await s.sendDue() == SendingRound())
        time.advance(31)
        #expect(await s.sendDue() == SendingRound(sent: 1))
        let row = try await outbox.outboxMails(keyPrefix: "a").first
        #expect(row?.attempts == 2)
    }

    @Test func permanentRefusalIsGivenUpAtOnceAndShownWithItsReason() async throws {
        let time = MovingClock(start)
        let outbox = MemoryRepository(clock: time.clock)
        try await outbox.enqueue([mail("a")], at: time.clock.timestamp())
        let refusal = SMTPError.rejected(command: "RCPT TO", code: 550, text: "5.1.1 No such mailbox")
        #expect(
            await sender(outbox, ScriptedTransport(failing: [refusal]), time.clock).sendDue()
                == SendingRound(givenUp: 1))
        time.advance(86_400)
        #expect(await sender(outbox, ScriptedTransport(), time.clock).sendDue() == SendingRound())
        let summary = try await outbox.outboxSummary()
        #expect(summary.failed == 1 && summary.waiting == 0)
        #expect(summary.recentFailures.first?.error == "Máy chủ thư từ chối RCPT TO: 550 5.1.1 No such mailbox")
    }

    @Test func temporaryFailuresAreGivenUpWhenTheScheduleRunsOut() async throws {
        let time = MovingClock(start)
        let outbox = MemoryRepository(clock: time.clock)
        try await outbox.enqueue([mail("a")], at: time.clock.timestamp())
        let transport = ScriptedTransport(failing: Array(repeating: SMTPError.timedOut, count: 3))
        let s = OutboxSender(
            outbox: outbox, transport: transport, clock: time.clock,
            retries: RetrySchedule(delays: [.seconds(10), .seconds(20)]), logger: Logger(label: "t"), domain: "x")
        var rounds: [SendingRound] = []
        for _ in 0..<4 {
            rounds.append(await s.sendDue())
            time.advance(25)
        }
        #expect(
            rounds == [
                SendingRound(postponed: 1), SendingRound(postponed: 1), SendingRound(givenUp: 1), SendingRound(),
            ])
    }

    @Test func aLeasedMailIsNotTakenBySecondSender() async throws {
        let time = MovingClock(start)
        let outbox = MemoryRepository(clock: time.clock)
        try await outbox.enqueue([mail("a")], at: time.clock.timestamp())
        let first = try await outbox.claimDueMail(
            now: time.clock.timestamp(), leaseUntil: time.clock.timestamp(from: .seconds(900)), limit: 10)
        let second = try await outbox.claimDueMail(
            now: time.clock.timestamp(), leaseUntil: time.clock.timestamp(from: .seconds(900)), limit: 10)
        #expect(first.count == 1 && second.isEmpty)
        time.advance(901)
        // A sender that died holding the lease: the mail goes again once the lease is over.
        #expect(try await outbox.claimDueMail(now: time.clock.timestamp(), leaseUntil: "9", limit: 10).count == 1)
    }
}

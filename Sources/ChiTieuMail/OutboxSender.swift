import ChiTieuCore
import ChiTieuStore
import Foundation
import Logging

/// How long to wait before trying a mail again after a temporary failure: quickly at first (a
/// server restarting), then spread over a day (a server down for the weekend's maintenance is
/// still caught), then given up and shown in `chitieu mail status`.
public struct RetrySchedule: Sendable, Equatable {
    public var delays: [Duration]

    public init(delays: [Duration]) {
        self.delays = delays
    }

    public static let standard = RetrySchedule(
        delays: [.seconds(60), .seconds(300), .seconds(900), .seconds(3600), .seconds(3 * 3600), .seconds(12 * 3600)])

    /// The wait after the failed attempt number `attempts` (1 = the first), nil when none is left.
    public func delay(afterAttempts attempts: Int) -> Duration? {
        attempts >= 1 && attempts <= delays.count ? delays[attempts - 1] : nil
    }
}

/// What one round of sending did.
public struct SendingRound: Sendable, Equatable {
    public var sent = 0
    public var postponed = 0
    public var givenUp = 0

    public init(sent: Int = 0, postponed: Int = 0, givenUp: Int = 0) {
        self.sent = sent
        self.postponed = postponed
        self.givenUp = givenUp
    }
}

/// Takes the due mails from the outbox and sends them, one at a time. A mail is marked sent
/// only after the server has taken it, and leased while it is being sent, so neither a restart
/// nor a second server sends it twice; a failure puts it back with its error for later.
public struct OutboxSender: Sendable {
    let outbox: any OutboxRepository
    let transport: any MailTransport
    let clock: WallClock
    let retries: RetrySchedule
    let logger: Logger
    /// The domain of the message IDs («chitieu-outbox-12@ubnd.kongchro.gov.vn»).
    let domain: String

    public init(
        outbox: any OutboxRepository, transport: any MailTransport, clock: WallClock,
        retries: RetrySchedule = .standard, logger: Logger, domain: String
    ) {
        self.outbox = outbox
        self.transport = transport
        self.clock = clock
        self.retries = retries
        self.logger = logger
        self.domain = domain
    }

    /// How long a mail stays leased to the sender that took it: beyond the longest dialogue (a
    /// timeout at each of its steps).
    static let lease: Duration = .seconds(15 * 60)

    /// Sends what is due now (at most `limit` mails); never throws: a database error is logged
    /// and the round ends, to be tried again at the next.
    public func sendDue(limit: Int = 50) async -> SendingRound {
        var round = SendingRound()
        let due: [QueuedMail]
        do {
            due = try await outbox.claimDueMail(
                now: clock.timestamp(), leaseUntil: clock.timestamp(from: Self.lease), limit: limit)
        } catch {
            logger.warning("Không đọc được hộp thư đi: \(error)")
            return round
        }
        for queued in due {
            await send(queued, &round)
        }
        return round
    }

    private func send(_ queued: QueuedMail, _ round: inout SendingRound) async {
        let mail = queued.mail
        let message = QueuedMessage(
            recipient: mail.recipient, subject: mail.subject, body: mail.body, date: clock.now(),
            messageID: "chitieu-outbox-\(queued.id)@\(domain)")
        do {
            try await transport.send(message)
        } catch {
            await failed(queued, error, &round)
            return
        }
        round.sent += 1
        logger.info("Đã gửi thư «\(mail.subject)» tới \(mail.recipient).")
        do {
            try await outbox.markSent(queued.id, at: clock.timestamp())
        } catch {
            // The lease keeps it from going again for a quarter of an hour; the log says why if it does.
            logger.error("Thư số \(queued.id) đã gửi nhưng không ghi được vào hộp thư đi: \(error)")
        }
    }

    private func failed(_ queued: QueuedMail, _ error: any Error, _ round: inout SendingRound) async {
        let mail = queued.mail
        do {
            let permanent = (error as? SMTPError)?.isPermanent ?? false
            let wait = permanent ? nil : retries.delay(afterAttempts: queued.attempts + 1)
            let text = (error as? any UserFacingError)?.message ?? "\(error)"
            if wait == nil { round.givenUp += 1 } else { round.postponed += 1 }
            let next = wait.map { " Thử lại sau \($0.components.seconds) giây." } ?? " Thôi không gửi nữa."
            logger.warning(
                "Thư «\(mail.subject)» tới \(mail.recipient) chưa gửi được (lần \(queued.attempts + 1)): \(text)\(next)"
            )
            try await outbox.markFailed(
                queued.id, error: text, at: clock.timestamp(), retryAt: wait.map { clock.timestamp(from: $0) })
        } catch {
            logger.warning("Không ghi được kết quả gửi thư vào hộp thư đi: \(error)")
        }
    }
}

import ChiTieuCore
import ChiTieuMail
import ChiTieuStore
import Logging
import ServiceLifecycle

/// The background job of notices: every `interval` it queues the day's digest once the digest
/// hour has come, then sends what the outbox holds. It runs beside the HTTP server; requests
/// never wait for a mail server.
struct NoticeService: Service {
    let services: AppServices
    let settings: NoticeSettings
    let logger: Logger

    func run() async throws {
        let sender = OutboxSender(
            outbox: services.repository, transport: settings.transport, clock: services.configuration.clock,
            retries: settings.retries, logger: logger, domain: settings.senderDomain)
        try await cancelWhenGracefulShutdown {
            var digested: CalendarDay?
            while !Task.isCancelled {
                digested = await queueDigest(after: digested)
                _ = await sender.sendDue()
                try await Task.sleep(for: settings.interval)
            }
        }
    }

    /// Queues today's digest when it is due and not yet queued by this process; returns the day
    /// it stands at. After a restart the digest is built again and the outbox keeps the first.
    func queueDigest(after digested: CalendarDay?) async -> CalendarDay? {
        let clock = services.configuration.clock
        let today = clock.today
        guard digested != today, DigestSchedule(hour: settings.digestHour).isDue(at: clock.now()) else {
            return digested
        }
        do {
            let mails = try await services.digestMails(on: today)
            let queued = try await services.repository.enqueue(mails, at: clock.timestamp())
            if queued > 0 { logger.info("Đã xếp \(queued) thư tổng hợp việc quá hạn ngày \(today.vietnamese).") }
            return today
        } catch {
            logger.warning("Không lập được thư tổng hợp ngày \(today.vietnamese): \(error)")
            return digested
        }
    }
}

import ChiTieuCore
import ChiTieuStore
import Logging
import ServiceLifecycle

/// Deletes failed sign-ins older than the limit's window and expired sessions, at start-up and
/// then every hour: five requests with long made-up names once grew the database by 24 MB, and
/// nothing ever removed those rows.
struct SignInRecordPurge: Service {
    let accounts: any AccountRepository
    let windowSeconds: Int
    let clock: WallClock
    let every: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purgeOnce()
                try await Task.sleep(for: every)
            }
        }
    }

    func purgeOnce() async {
        do {
            let removed = try await accounts.purgeSignInRecords(
                failuresBefore: clock.timestamp(from: .zero - .seconds(windowSeconds)), now: clock.timestamp())
            if removed > 0 { logger.info("Đã xóa \(removed) bản ghi đăng nhập cũ.") }
        } catch {
            logger.warning("Không xóa được bản ghi đăng nhập cũ: \(error)")
        }
    }
}

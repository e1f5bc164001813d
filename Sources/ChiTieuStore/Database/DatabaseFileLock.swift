import Foundation
import Synchronization

/// An advisory `flock(2)` on the SQLite file, beside SQLite's own locks (which are `fcntl`
/// locks and do not interact with it). Every process using the database holds it shared for
/// as long as the database is open; `chitieu restore` needs it exclusive, so it refuses while
/// a server has the file open, and a server cannot open it while a restore is under way.
final class DatabaseFileLock: Sendable {
    private let descriptor: Mutex<Int32?>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    enum Mode {
        case shared, exclusive
    }

    /// The lock, or nil when another holder prevents it (never waits). Throws when the file
    /// cannot be opened at all.
    static func take(_ mode: Mode, on path: String) throws -> DatabaseFileLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.cannotOpen(path, String(cString: strerror(errno)))
        }
        guard flock(fd, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return DatabaseFileLock(descriptor: fd)
    }

    /// Gives the lock up (closing the descriptor releases the `flock`).
    func release() {
        descriptor.withLock { fd in
            if let open = fd { close(open) }
            fd = nil
        }
    }

    deinit {
        release()
    }
}

import Foundation
import Logging
import SQLKit

/// Copies of the embedded SQLite file: taken while the server runs, put back while it is stopped.
public enum SQLiteBackup {
    /// Writes a consistent copy of the open database to `destination` (SQLite's `VACUUM INTO`,
    /// which readers and writers do not have to stop for). Refuses to overwrite a file.
    public static func backup(_ repository: SQLRepository, to destination: String) async throws {
        guard repository.database.backend == .sqlite else {
            throw StoreError.cannotOpen(repository.database.location, "sao lưu PostgreSQL bằng pg_dump (xem README)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.cannotOpen(destination, "tệp đã có; chọn tên khác để không ghi đè bản sao lưu cũ")
        }
        try await repository.database.withSession { db in
            try await db.raw("VACUUM INTO \(bind: destination)").run()
        }
    }

    /// What a restore did.
    public struct Restored: Sendable {
        /// The migrations the backup had.
        public var versions: Set<Int>
        /// Where the replaced database now lies (with its `-wal` when it had one), if there was one.
        public var kept: String?
    }

    /// Replaces the database at `path` with the backup at `source`, after checking that the
    /// backup opens and is a chitieu database this program can read.
    ///
    /// Loses nothing: it refuses while any process has the database open (the shared
    /// `DatabaseFileLock` every open holds); it checkpoints the replaced file's WAL into it, and
    /// still moves any `-wal` along with it; and it keeps every replaced file under its own
    /// time-stamped name (`chitieu.sqlite.truoc-khi-phuc-hoi-20261201-104233`), so a second
    /// restore never deletes the copy kept by the first.
    @discardableResult
    public static func restore(from source: String, to path: String, at now: Date = Date()) async throws -> Restored {
        let versions = try await checkedVersions(of: source)
        let manager = FileManager.default
        var lock: DatabaseFileLock?
        var kept: String?
        if manager.fileExists(atPath: path) {
            guard let exclusive = try DatabaseFileLock.take(.exclusive, on: path) else {
                throw StoreError.cannotOpen(
                    path, "đang được dùng (máy chủ chitieu đang chạy?); dừng máy chủ rồi phục hồi lại")
            }
            lock = exclusive
            await checkpoint(path)
            kept = try keptName(for: path, at: now)
        }
        defer { lock?.release() }
        let staged = path + ".dang-phuc-hoi"
        try? manager.removeItem(atPath: staged)
        try manager.copyItem(atPath: source, toPath: staged)
        if let kept {
            try manager.moveItem(atPath: path, toPath: kept)
            for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
                try manager.moveItem(atPath: path + suffix, toPath: kept + suffix)
            }
        }
        // rename(2) within one folder: the database is the old file or the new one, never half of each
        guard rename(staged, path) == 0 else {
            throw StoreError.cannotOpen(path, "không thay được tệp (\(String(cString: strerror(errno))))")
        }
        return Restored(versions: versions, kept: kept)
    }

    /// The migrations of the database at `source`, or why it cannot be restored.
    private static func checkedVersions(of source: String) async throws -> Set<Int> {
        guard FileManager.default.fileExists(atPath: source) else {
            throw StoreError.cannotOpen(source, "không có tệp này")
        }
        let check = try StoreDatabase.sqlite(path: source, connections: 1, logger: quiet, lock: false)
        let versions: Set<Int>
        do {
            versions = try await Migrator(database: check).appliedVersions()
            await check.close()
        } catch {
            await check.close()
            throw StoreError.notADatabase(source)
        }
        guard let newest = versions.max() else { throw StoreError.notADatabase(source) }
        guard newest <= Migrator.currentVersion else {
            throw StoreError.schemaTooNew(found: newest, supported: Migrator.currentVersion)
        }
        return versions
    }

    /// Writes the WAL's committed pages into the file. A file that will not checkpoint (after
    /// a crash, say) keeps its WAL, which is moved along with it.
    private static func checkpoint(_ path: String) async {
        guard let database = try? StoreDatabase.sqlite(path: path, connections: 1, logger: quiet, lock: false) else {
            return
        }
        _ = try? await database.withSession { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        await database.close()
    }

    /// `PATH.truoc-khi-phuc-hoi-YYYYMMDD-HHMMSS`, with `-2`, `-3` … when that name is taken.
    static func keptName(for path: String, at now: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(path).truoc-khi-phuc-hoi-\(formatter.string(from: now))"
        for n in 1...1000 {
            let name = n == 1 ? base : "\(base)-\(n)"
            if !FileManager.default.fileExists(atPath: name) { return name }
        }
        throw StoreError.cannotOpen(path, "quá nhiều bản giữ lại cùng thời điểm")
    }

    private static var quiet: Logger {
        var logger = Logger(label: "chitieu.restore")
        logger.logLevel = .critical
        return logger
    }
}

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

    /// Replaces the database at `path` with the backup at `source`, after checking that the
    /// backup opens and is a chitieu database this program can read. The replaced file is kept
    /// beside it as `path.truoc-khi-phuc-hoi`.
    @discardableResult
    public static func restore(from source: String, to path: String) async throws -> Set<Int> {
        guard FileManager.default.fileExists(atPath: source) else {
            throw StoreError.cannotOpen(source, "không có tệp này")
        }
        var quiet = Logger(label: "chitieu.restore")
        quiet.logLevel = .critical
        let check = try StoreDatabase.sqlite(path: source, connections: 1, logger: quiet)
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
        let manager = FileManager.default
        let staged = path + ".dang-phuc-hoi"
        try? manager.removeItem(atPath: staged)
        try manager.copyItem(atPath: source, toPath: staged)
        if manager.fileExists(atPath: path) {
            let kept = path + ".truoc-khi-phuc-hoi"
            try? manager.removeItem(atPath: kept)
            try manager.moveItem(atPath: path, toPath: kept)
        }
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
        // rename(2) within one folder: the database is the old file or the new one, never half of each
        guard rename(staged, path) == 0 else {
            throw StoreError.cannotOpen(path, "không thay được tệp (\(String(cString: strerror(errno))))")
        }
        return versions
    }
}

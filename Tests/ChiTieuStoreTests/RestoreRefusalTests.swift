import ChiTieuCore
import Foundation
import SQLKit
import Testing

@testable import ChiTieuStore

/// A file that is not a backup chitieu can read never replaces the database.
@Suite("Restore refuses another program's SQLite file and a newer schema")
struct RestoreRefusalTests {
    typealias Folder = RestoreTests.Folder

    /// A valid SQLite file with `statements` run in it.
    static func sqliteFile(at path: String, _ statements: [String]) async throws {
        let database = try StoreDatabase.sqlite(path: path, lock: false)
        do {
            try await database.withSession { db in
                for statement in statements { try await db.raw(SQLQueryString(statement)).run() }
            }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    @Test func anotherProgramsSQLiteFileIsRefusedAndNothingIsReplaced() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, _) = try await RestoreTests.databaseAndBackup(in: folder)
        let foreign = folder.file("so-tay.sqlite")
        try await Self.sqliteFile(
            at: foreign,
            ["CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, noi_dung TEXT)", "INSERT INTO ghi_chu VALUES (1, 'x')"])
        let before = try await RestoreTests.value(at: live, month: 9)
        await #expect(throws: StoreError.notADatabase(foreign)) {
            try await SQLiteBackup.restore(from: foreign, to: live)
        }
        #expect(try await RestoreTests.value(at: live, month: 9) == before)
        #expect(try folder.names().allSatisfy { !$0.contains("truoc-khi-phuc-hoi") && !$0.contains("dang-phuc-hoi") })
    }

    @Test func aBackupOfANewerReleaseIsRefusedAndNothingIsReplaced() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, backup) = try await RestoreTests.databaseAndBackup(in: folder)
        let newer = Migrator.currentVersion + 1
        try await Self.sqliteFile(
            at: backup, ["INSERT INTO schema_migrations VALUES (\(newer), 'later', '2030-01-01T00:00:00Z')"])
        let repository = try await SQLRepository.openSQLite(path: live)
        try await repository.save(RestoreTests.result(41, month: 5))
        await repository.close()
        await #expect(throws: StoreError.schemaTooNew(found: newer, supported: Migrator.currentVersion)) {
            try await SQLiteBackup.restore(from: backup, to: live)
        }
        #expect(try await RestoreTests.value(at: live, month: 5) == 41)
        #expect(try folder.names().allSatisfy { !$0.contains("truoc-khi-phuc-hoi") && !$0.contains("dang-phuc-hoi") })
    }

    @Test func aMissingBackupIsNamed() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, _) = try await RestoreTests.databaseAndBackup(in: folder)
        let missing = folder.file("khong-co.sqlite")
        await #expect(throws: StoreError.cannotOpen(missing, "không có tệp này")) {
            try await SQLiteBackup.restore(from: missing, to: live)
        }
        #expect(!FileManager.default.fileExists(atPath: missing), "checking a backup must not create it")
    }
}

import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuStore

@Suite("Older databases are upgraded; backups are consistent and restore refuses bad files")
struct MigrationAndBackupTests {
    @Test func aVersionOneDatabaseIsUpgradedWithItsDataKept() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let old = try StoreDatabase.sqlite(path: file.path)
        try await Migrator(database: old, migrations: [Schema.initial]).migrate()
        try await old.withSession { db in
            try await db.raw(
                "INSERT INTO units (kind, name, name_key, folded_key) VALUES ('xã', 'Ia Thử', 'ia thử', 'ia thu')"
            )
            .run()
        }
        await old.close()

        let repository = try await SQLRepository.openSQLite(path: file.path)
        #expect(repository.migrationsApplied == Array(Migrator.migrations.map(\.version).dropFirst()))
        #expect(try await repository.schemaVersions() == Set(Migrator.migrations.map(\.version)))
        #expect(try await repository.allUnits().map(\.name) == ["Ia Thử"])
        #expect(try await repository.auditTrail(AuditQuery()).isEmpty)
        await repository.close()
        let again = try await SQLRepository.openSQLite(path: file.path)
        #expect(again.migrationsApplied.isEmpty)
        await again.close()
    }

    @Test func backupWhileOpenThenRestoreGivesTheSameData() async throws {
        let (live, backup, restored) = (TemporaryFile(), TemporaryFile(), TemporaryFile())
        defer { [live, backup, restored].forEach { $0.remove() } }
        let repository = try await SQLRepository.openSQLite(path: live.path)
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        try await SQLiteBackup.backup(repository, to: backup.path)
        await #expect(
            throws: StoreError.cannotOpen(backup.path, "tệp đã có; chọn tên khác để không ghi đè bản sao lưu cũ")
        ) { try await SQLiteBackup.backup(repository, to: backup.path) }
        let before = try await repository.snapshot()
        await repository.close()

        try await SQLiteBackup.restore(from: backup.path, to: restored.path)
        let copy = try await SQLRepository.openSQLite(path: restored.path)
        #expect(try await copy.snapshot() == before)
        await copy.close()

        try "không phải cơ sở dữ liệu".write(toFile: backup.path + ".txt", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: backup.path + ".txt") }
        await #expect(throws: StoreError.notADatabase(backup.path + ".txt")) {
            try await SQLiteBackup.restore(from: backup.path + ".txt", to: restored.path)
        }
        let untouched = try await SQLRepository.openSQLite(path: restored.path)
        #expect(try await untouched.snapshot() == before)
        await untouched.close()
        try? FileManager.default.removeItem(atPath: restored.path + ".truoc-khi-phuc-hoi")
    }
}

@Suite("Sessions are stored as digests")
struct SessionStorageTests {
    @Test func theDatabaseHoldsNoUsableSessionToken() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        let user = try await repository.addUser(
            name: "quantri", role: .admin, unitID: nil, passwordHash: "h", author: .commandLine)
        try await repository.createSession(
            token: "bi-mat-cua-trinh-duyet", userID: user.id, csrfToken: "c", expiresAt: "2999-01-01T00:00:00Z")
        let stored = try await repository.database.withSession { db in
            try await db.raw("SELECT token FROM sessions").all().map { try $0.decode(column: "token", as: String.self) }
        }
        #expect(stored == [SessionDigest.of("bi-mat-cua-trinh-duyet")])
        #expect(stored.first?.count == 64)
        #expect(
            try await repository.session(token: "bi-mat-cua-trinh-duyet", now: WallClock.system.timestamp())?.user
                == user)
        #expect(try await repository.session(token: stored[0], now: WallClock.system.timestamp()) == nil)
        #expect(try await repository.session(token: "bi-mat-cua-trinh-duyet", now: "3000-01-01T00:00:00Z") == nil)
        await repository.close()
    }
}

/// `chitieu restore` loses nothing: it refuses while the database is open, keeps the WAL's
/// committed data and every replaced copy.
@Suite("Restore keeps every copy and refuses a database in use")
struct RestoreTests {
    /// A folder of its own, so that every kept copy is found and removed.
    struct Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-restore-\(UUID())").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        func file(_ name: String) -> String { path + "/" + name }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The demo's first unit (the province it adds first): its ID in a fresh database.
    static let firstUnit: UnitID = 1

    static func result(_ value: Double, month: Int) -> DataBatch {
        var batch = DataBatch()
        batch.add(
            Observation(
                unitID: firstUnit, indicatorCode: "budget_revenue", period: try! .yearToDate(2024, through: month),
                value: value))
        return batch
    }

    /// A database with the demo data and a backup of it.
    static func databaseAndBackup(in folder: Folder) async throws -> (live: String, backup: String) {
        let live = folder.file("chitieu.sqlite")
        let repository = try await SQLRepository.openSQLite(path: live)
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        try await SQLiteBackup.backup(repository, to: folder.file("sao-luu.sqlite"))
        await repository.close()
        return (live, folder.file("sao-luu.sqlite"))
    }

    static func value(at path: String, month: Int) async throws -> Double? {
        let repository = try await SQLRepository.openSQLite(path: path)
        let observations = try await repository.observations(unitIDs: [firstUnit], years: 2024...2024)
        await repository.close()
        return observations.first { $0.indicatorCode == "budget_revenue" && $0.period.toMonth == month }?.value
    }

    @Test func aDatabaseInUseIsNotReplaced() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, backup) = try await Self.databaseAndBackup(in: folder)
        let server = try await SQLRepository.openSQLite(path: live)
        try await server.save(Self.result(11, month: 1))
        await #expect(throws: StoreError.self) { try await SQLiteBackup.restore(from: backup, to: live) }
        do {
            try await SQLiteBackup.restore(from: backup, to: live)
        } catch let error as StoreError {
            #expect(error.message.contains("đang được dùng"))
        }
        // The server's writes after the refused restore are still there.
        try await server.save(Self.result(12, month: 2))
        await server.close()
        #expect(try await Self.value(at: live, month: 1) == 11)
        #expect(try await Self.value(at: live, month: 2) == 12)
        #expect(try folder.names().allSatisfy { !$0.contains("truoc-khi-phuc-hoi") })
    }

    @Test func whileARestoreRunsNoServerOpensTheFile() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, _) = try await Self.databaseAndBackup(in: folder)
        let restoring = try #require(try DatabaseFileLock.take(.exclusive, on: live))
        do {
            _ = try await SQLRepository.openSQLite(path: live)
            Issue.record("opened during a restore")
        } catch let error as StoreError {
            #expect(error.message.contains("đang được phục hồi"))
        }
        restoring.release()
        let after = try await SQLRepository.openSQLite(path: live)
        await after.close()
    }

    @Test func everyReplacedCopyIsKeptUnderItsOwnName() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, backup) = try await Self.databaseAndBackup(in: folder)
        for value in [21.0, 22.0] {
            let repository = try await SQLRepository.openSQLite(path: live)
            try await repository.save(Self.result(value, month: 3))
            await repository.close()
            let restored = try await SQLiteBackup.restore(
                from: backup, to: live, at: Date(timeIntervalSince1970: 1_796_000_000))
            let kept = try #require(restored.kept)
            #expect(try await Self.value(at: kept, month: 3) == value)
        }
        let kept = try folder.names().filter {
            $0.hasPrefix("chitieu.sqlite.truoc-khi-phuc-hoi-") && !$0.contains("-wal") && !$0.contains("-shm")
        }
        #expect(
            kept == [
                "chitieu.sqlite.truoc-khi-phuc-hoi-20261130-005320",
                "chitieu.sqlite.truoc-khi-phuc-hoi-20261130-005320-2",
            ])
        #expect(try await Self.value(at: live, month: 3) == nil)
    }

    /// A crash leaves committed data in `-wal` only: the copy kept still has it.
    @Test func committedDataInTheWALOfACrashedDatabaseIsKept() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (live, backup) = try await Self.databaseAndBackup(in: folder)
        let crashed = folder.file("sap.sqlite")
        let repository = try await SQLRepository.openSQLite(path: live)
        try await repository.save(Self.result(31, month: 4))
        // Copying the open files is what a crash leaves: the last commit is in the WAL.
        for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: live + suffix, toPath: crashed + suffix) }
        await repository.close()
        #expect(FileManager.default.fileExists(atPath: crashed + "-wal"))

        let restored = try await SQLiteBackup.restore(from: backup, to: crashed)
        let kept = try #require(restored.kept)
        #expect(try await Self.value(at: kept, month: 4) == 31)
        #expect(try await Self.value(at: crashed, month: 4) == nil)
    }
}

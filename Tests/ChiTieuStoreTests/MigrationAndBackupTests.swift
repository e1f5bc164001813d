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
        #expect(repository.migrationsApplied == [2, 3])
        #expect(try await repository.schemaVersions() == [1, 2, 3])
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
        await #expect(throws: StoreError.self) { try await SQLiteBackup.backup(repository, to: backup.path) }
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
        #expect(try await repository.session(token: "bi-mat-cua-trinh-duyet", now: Timestamp.now())?.user == user)
        #expect(try await repository.session(token: stored[0], now: Timestamp.now()) == nil)
        #expect(try await repository.session(token: "bi-mat-cua-trinh-duyet", now: "3000-01-01T00:00:00Z") == nil)
        await repository.close()
    }
}

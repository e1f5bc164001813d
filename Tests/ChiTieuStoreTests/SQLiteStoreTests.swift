import ChiTieuCore
import Foundation
import SQLKit
import Testing

@testable import ChiTieuStore

/// What only the SQLite file store does: the file, its settings, migrations, transactions.
@Suite struct SQLiteStoreTests {
    @Test func createsTheFileWithWALAndForeignKeysAndRecordsTheSchema() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        #expect(FileManager.default.fileExists(atPath: file.path))
        let settings = try await repository.database.withSession { db in
            let journal = try await db.raw("PRAGMA journal_mode").first()?.decode(
                column: "journal_mode", as: String.self)
            let keys = try await db.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            return [journal ?? "", String(keys ?? 0)]
        }
        #expect(settings == ["wal", "1"])
        #expect(try await repository.schemaVersions() == Set(Migrator.migrations.map(\.version)))
        await repository.close()

        // Reopening applies nothing again and keeps the data.
        let again = try await SQLRepository.openSQLite(path: file.path)
        #expect(try await Migrator(database: again.database).migrate() == [])
        await again.close()
    }

    @Test func foreignKeysRefuseResultsForUnknownUnits() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        try await repository.ensureCatalogue()
        // The refusal must be the foreign key's, not any error (a typo in the SQL would pass).
        let error = await #expect(throws: (any Error).self) {
            try await repository.database.withSession { db in
                try await db.raw(
                    "INSERT INTO observations (unit_id, indicator_code, year, from_month, to_month, version, estimated, recorded_at) VALUES (42, 'retail_sales', 2024, 1, 6, 1, 0, 'x')"
                ).run()
            }
        }
        #expect(String(describing: error).contains("FOREIGN KEY constraint failed"), "\(String(describing: error))")
        await repository.close()
    }

    @Test func aFailedTransactionLeavesNothingBehind() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        struct Interrupted: Error {}
        await #expect(throws: Interrupted.self) {
            try await repository.database.transaction { db in
                try await db.raw("INSERT INTO units (kind, name, name_key, folded_key) VALUES ('huyện', 'A', 'a', 'a')")
                    .run()
                throw Interrupted()
            }
        }
        #expect(try await repository.allUnits().isEmpty)
        await repository.close()
    }

    @Test func aFileThatIsNotADatabaseIsRefusedClearly() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        try Data(String(repeating: "Đây không phải cơ sở dữ liệu. ", count: 200).utf8).write(
            to: URL(fileURLWithPath: file.path))
        await #expect(throws: StoreError.notADatabase(file.path)) {
            try await SQLRepository.openSQLite(path: file.path)
        }
    }

    @Test func aMissingDirectoryIsRefusedClearly() async throws {
        do {
            _ = try await SQLRepository.openSQLite(path: "/no/such/dir/chitieu.sqlite")
            Issue.record("opened a database in a missing directory")
        } catch let error as StoreError {
            #expect(
                error.message
                    == "Không mở được cơ sở dữ liệu /no/such/dir/chitieu.sqlite: thư mục /no/such/dir không tồn tại.")
        }
    }

    @Test func aDatabaseFromANewerVersionIsNotTouched() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        try await repository.database.withSession { db in
            try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')")
                .run()
        }
        await repository.close()
        await #expect(throws: StoreError.schemaTooNew(found: 999, supported: Migrator.currentVersion)) {
            try await SQLRepository.openSQLite(path: file.path)
        }
    }

    @Test func overviewQueriesUseTheUnitIndexes() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.openSQLite(path: file.path)
        let plans = try await repository.database.withSession { db in
            var details: [String] = []
            for sql in [
                "EXPLAIN QUERY PLAN SELECT * FROM observations WHERE unit_id IN (1, 2) AND year >= 2020 AND year <= 2024",
                "EXPLAIN QUERY PLAN SELECT * FROM targets WHERE unit_id IN (1) AND last_year >= 2024 AND first_year <= 2024",
                "EXPLAIN QUERY PLAN SELECT * FROM units WHERE parent_id = 1",
            ] {
                for row in try await db.raw(SQLQueryString(sql)).all() {
                    details.append(try row.decode(column: "detail", as: String.self))
                }
            }
            return details
        }
        #expect(plans.count == 3)
        #expect(plans.allSatisfy { $0.hasPrefix("SEARCH") && $0.contains("INDEX") })
        await repository.close()
    }
}

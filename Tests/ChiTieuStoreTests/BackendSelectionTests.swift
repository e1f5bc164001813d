import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuStore

@Suite("DATABASE_URL chooses PostgreSQL; otherwise the SQLite file")
struct BackendSelectionTests {
    @Test func theDatabaseIsChosenInOnePlace() {
        #expect(DatabaseChoice(option: nil, environment: [:]) == .sqlite(path: "chitieu.sqlite"))
        #expect(
            DatabaseChoice(option: nil, environment: ["CHITIEU_DB": "/var/lib/chitieu/a.sqlite"])
                == .sqlite(path: "/var/lib/chitieu/a.sqlite"))
        #expect(
            DatabaseChoice(option: "b.sqlite", environment: ["CHITIEU_DB": "a.sqlite"]) == .sqlite(path: "b.sqlite"))
        #expect(
            DatabaseChoice(option: "b.sqlite", environment: ["DATABASE_URL": "postgres://u@h/d"])
                == .postgres(url: "postgres://u@h/d"))
        #expect(
            DatabaseChoice(option: nil, environment: ["DATABASE_URL": "", "CHITIEU_DB": "a.sqlite"])
                == .sqlite(path: "a.sqlite"))
    }

    @Test func withoutDatabaseURLTheSQLiteFileIsUsed() async throws {
        let file = TemporaryFile()
        defer { file.remove() }
        let repository = try await SQLRepository.open(sqlitePath: file.path, environment: ["DATABASE_URL": ""])
        #expect(repository.database.backend == .sqlite)
        #expect(repository.database.location == file.path)
        await repository.close()
    }

    @Test func aMalformedDatabaseURLIsRefusedWithoutShowingThePassword() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await SQLRepository.open(sqlitePath: "x", environment: ["DATABASE_URL": "mysql://u:bimat@h/db"])
        }
        do {
            _ = try await SQLRepository.open(sqlitePath: "x", environment: ["DATABASE_URL": "mysql://u:bimat@h/db"])
        } catch let error as StoreError {
            #expect(!error.message.contains("bimat"))
            #expect(error.message.contains("DATABASE_URL"))
        }
    }

    @Test(.enabled(if: RepositoryKind.postgresURL != nil))
    func databaseURLSelectsPostgreSQL() async throws {
        let scratch = try await PostgresScratchDatabase.create(server: try #require(RepositoryKind.postgresURL))
        let repository = try await SQLRepository.open(
            sqlitePath: "unused.sqlite", environment: ["DATABASE_URL": scratch.url])
        #expect(repository.database.backend == .postgres)
        #expect(try await repository.schemaVersions() == Set(Migrator.migrations.map(\.version)))
        #expect(!FileManager.default.fileExists(atPath: "unused.sqlite"))
        await repository.close()
        await scratch.drop()
    }
}

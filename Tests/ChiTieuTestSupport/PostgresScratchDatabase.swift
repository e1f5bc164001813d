import ChiTieuCore
import ChiTieuStore
import Foundation
import SQLKit

/// A database of its own for one test on the PostgreSQL server the run was given, dropped after.
public struct PostgresScratchDatabase: Sendable {
    public let server: String
    public let name: String

    public var url: String {
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return components.string!
    }

    public static func create(server: String) async throws -> PostgresScratchDatabase {
        let name = "chitieu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await run("CREATE DATABASE \(name)", on: server)
        return PostgresScratchDatabase(server: server, name: String(name))
    }

    public func drop() async {
        try? await Self.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
    }

    private static func run(_ statement: String, on server: String) async throws {
        let database = try StoreDatabase.postgres(url: server, connections: 1)
        do {
            try await database.withSession { db in try await db.raw(SQLQueryString(statement)).run() }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}

/// The SQL databases a test can run on: a temporary SQLite file always, PostgreSQL where
/// `CHITIEU_TEST_POSTGRES_URL` names a server (`scripts/with-postgres.sh`).
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CHITIEU_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A fresh, empty repository on this database, and how to release it.
    public func open(clock: WallClock) async throws -> (repository: SQLRepository, close: @Sendable () async -> Void) {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("chitieu-test-\(UUID().uuidString).sqlite").path
            let repository = try await SQLRepository.openSQLite(path: path, clock: clock)
            return (
                repository,
                {
                    await repository.close()
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            )
        case .postgres:
            guard let server = Self.postgresURL else {
                throw StoreError.cannotOpen("PostgreSQL", "không có máy chủ thử")
            }
            let scratch = try await PostgresScratchDatabase.create(server: server)
            let repository = try await SQLRepository.openPostgres(url: scratch.url, clock: clock)
            return (
                repository,
                {
                    await repository.close()
                    await scratch.drop()
                }
            )
        }
    }
}

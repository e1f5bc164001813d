import ChiTieuStore
import Foundation
import SQLKit

/// A database of its own for one test on the PostgreSQL server the run was given, dropped after.
struct PostgresScratchDatabase: Sendable {
    let server: String
    let name: String

    var url: String {
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return components.string!
    }

    static func create(server: String) async throws -> PostgresScratchDatabase {
        let name = "chitieu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await run("CREATE DATABASE \(name)", on: server)
        return PostgresScratchDatabase(server: server, name: String(name))
    }

    func drop() async {
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

import ArgumentParser
import ChiTieuStore
import Foundation

/// `--db PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Tệp cơ sở dữ liệu SQLite (mặc định: $CHITIEU_DB hoặc chitieu.sqlite). Nếu đặt DATABASE_URL=postgres://… thì dùng PostgreSQL."
    )
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CHITIEU_DB"], !env.isEmpty { return env }
        return "chitieu.sqlite"
    }

    /// Opens the database, runs `body`, and closes it whatever happens.
    func withRepository<T>(_ body: (SQLRepository) async throws -> T) async throws -> T {
        let repository = try await SQLRepository.open(sqlitePath: path)
        do {
            let result = try await body(repository)
            await repository.close()
            return result
        } catch {
            await repository.close()
            throw error
        }
    }
}

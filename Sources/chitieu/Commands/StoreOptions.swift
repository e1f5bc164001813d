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

    /// The one place the command line and the environment choose the database.
    var choice: DatabaseChoice { DatabaseChoice(option: db, environment: ProcessInfo.processInfo.environment) }

    /// The SQLite file, for the commands that work on files (restore).
    func sqliteFile() throws -> String {
        guard case .sqlite(let path) = choice else {
            throw UsageError(message: "Lệnh này chỉ dùng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump / pg_restore.")
        }
        return path
    }

    /// Opens the database, runs `body`, and closes it whatever happens.
    func withRepository<T>(_ body: (SQLRepository) async throws -> T) async throws -> T {
        let repository = try await SQLRepository.open(choice)
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

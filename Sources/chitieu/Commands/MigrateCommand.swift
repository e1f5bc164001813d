import ArgumentParser
import ChiTieuStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Nâng cấp cơ sở dữ liệu (SQLite hoặc PostgreSQL) lên lược đồ của phiên bản chương trình này.",
        discussion: "Mỗi bước nâng cấp chạy trong một giao dịch; số liệu đã có giữ nguyên. Chạy lại không làm gì thêm.")

    @OptionGroup var store: StoreOptions

    // Hidden: only the package check needs a database as an older release left it.
    @Option(name: .customLong("create-older"), help: .hidden)
    var olderVersion: Int?

    func run() async throws {
        try await reportingErrors {
            if let olderVersion {
                let path = try store.sqliteFile()
                try await SQLRepository.createOlderSQLite(path: path, schemaVersion: olderVersion)
                print("Đã tạo \(path) ở lược đồ phiên bản \(olderVersion).")
                return
            }
            try await store.withRepository { repository in
                print("Cơ sở dữ liệu: \(repository.database.location)")
                print(
                    repository.upgradeSentence
                        ?? "Đã ở lược đồ phiên bản \(SQLRepository.schemaVersion), không cần nâng cấp.")
                // A database of an older chitieu gets the registry; its own units keep their ids
                // and take their codes.
                if try await repository.catalogueVersion() != nil {
                    let load = try await repository.ensureRegistry()
                    if !load.isEmpty { print(load.sentence) }
                }
            }
        }
    }
}

extension SQLRepository {
    /// What opening the database changed in its schema, for the journal after an upgrade:
    /// «Đã nâng cấp lên lược đồ phiên bản 7 (các bước: 7).»
    var upgradeSentence: String? {
        guard !migrationsApplied.isEmpty else { return nil }
        let steps = migrationsApplied.map(String.init).joined(separator: ", ")
        return "Đã nâng cấp lên lược đồ phiên bản \(SQLRepository.schemaVersion) (các bước: \(steps))."
    }
}

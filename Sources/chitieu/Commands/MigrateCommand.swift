import ArgumentParser
import ChiTieuStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Nâng cấp cơ sở dữ liệu (SQLite hoặc PostgreSQL) lên lược đồ của phiên bản chương trình này.",
        discussion: "Mỗi bước nâng cấp chạy trong một giao dịch; số liệu đã có giữ nguyên. Chạy lại không làm gì thêm.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let versions = repository.migrationsApplied
                print("Cơ sở dữ liệu: \(repository.database.location)")
                if versions.isEmpty {
                    print("Đã ở lược đồ phiên bản \(SQLRepository.schemaVersion), không cần nâng cấp.")
                } else {
                    let steps = versions.map(String.init).joined(separator: ", ")
                    print("Đã nâng cấp lên lược đồ phiên bản \(SQLRepository.schemaVersion) (các bước: \(steps)).")
                }
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

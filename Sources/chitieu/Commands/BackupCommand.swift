import ArgumentParser
import ChiTieuStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu tệp SQLite ra một tệp mới, kể cả khi máy chủ web đang chạy.",
        discussion: "Với PostgreSQL, dùng pg_dump (xem README).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tệp sao lưu sẽ tạo (chưa có).")
    var destination: String

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                try await SQLiteBackup.backup(repository, to: destination)
                print("Đã sao lưu \(repository.database.location) vào \(destination).")
            }
        }
    }
}

import ArgumentParser
import ChiTieuStore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Phục hồi tệp SQLite từ một bản sao lưu. Dừng máy chủ web trước khi phục hồi.",
        discussion: "Tệp đang dùng được giữ lại bên cạnh với đuôi .truoc-khi-phuc-hoi.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tệp sao lưu (do chitieu backup tạo).")
    var backup: String

    func run() async throws {
        try await reportingErrors {
            let versions = try await SQLiteBackup.restore(from: backup, to: store.path)
            print("Đã phục hồi \(store.path) từ \(backup) (lược đồ phiên bản \(versions.max() ?? 0)).")
            if (versions.max() ?? 0) < SQLRepository.schemaVersion {
                print("Bản sao lưu cũ hơn chương trình: lần mở tới sẽ tự nâng cấp (hoặc chạy chitieu migrate).")
            }
        }
    }
}

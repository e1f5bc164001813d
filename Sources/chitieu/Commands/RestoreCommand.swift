import ArgumentParser
import ChiTieuStore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Phục hồi tệp SQLite từ một bản sao lưu. Dừng máy chủ web trước khi phục hồi.",
        discussion: """
            Từ chối khi tệp đang được mở (máy chủ đang chạy). Tệp bị thay được giữ lại bên cạnh với đuôi \
            .truoc-khi-phuc-hoi-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY (mỗi lần phục hồi một bản, không xóa bản nào).
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tệp sao lưu (do chitieu backup tạo).")
    var backup: String

    func run() async throws {
        try await reportingErrors {
            let path = try store.sqliteFile()
            let restored = try await SQLiteBackup.restore(from: backup, to: path)
            let versions = restored.versions
            print("Đã phục hồi \(path) từ \(backup) (lược đồ phiên bản \(versions.max() ?? 0)).")
            if let kept = restored.kept { print("Tệp cũ được giữ tại \(kept).") }
            if (versions.max() ?? 0) < SQLRepository.schemaVersion {
                print("Bản sao lưu cũ hơn chương trình: lần mở tới sẽ tự nâng cấp (hoặc chạy chitieu migrate).")
            }
        }
    }
}

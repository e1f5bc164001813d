import ArgumentParser
import ChiTieuStore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo cơ sở dữ liệu và nạp danh mục chỉ tiêu chuẩn.",
        discussion:
            "Chạy lại an toàn: danh mục được cập nhật theo phiên bản đi kèm chương trình, số liệu đã có giữ nguyên.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let catalogue = try StandardCatalogue.load()
                let before = try await repository.catalogueVersion()
                if before != catalogue.version {
                    try await repository.save(StandardCatalogue.batch(catalogue))
                }
                let action = before == nil ? "Đã nạp" : (before == catalogue.version ? "Đã có sẵn" : "Đã cập nhật")
                let started = ContinuousClock.now
                let registry = try await repository.ensureRegistry()
                let took = ContinuousClock.now - started
                print("Cơ sở dữ liệu: \(repository.database.location)")
                // A new database gets every step; only an older one's upgrade is worth a line.
                if !repository.migrationsApplied.contains(1), let upgrade = repository.upgradeSentence {
                    print(upgrade)
                }
                print("\(action) danh mục \(catalogue.indicators.count) chỉ tiêu (phiên bản \(catalogue.version)).")
                print(
                    registry.isEmpty
                        ? "Danh mục đơn vị hành chính đã có sẵn (\(StandardRegistry.version))."
                        : registry.sentence + " (\(Terminal.seconds(took)))")
            }
        }
    }
}

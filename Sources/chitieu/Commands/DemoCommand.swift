import ArgumentParser
import ChiTieuCore
import ChiTieuStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Nạp bộ dữ liệu minh họa từ các báo cáo hội nghị mẫu (Kông Chro, Chợ Đồn, An Khê, Chư Sê).",
        discussion: "Tạo cơ sở dữ liệu nếu chưa có. Chạy lần thứ hai không ghi trùng.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                try await repository.ensureCatalogue()
                try await repository.ensureRegistry()
                if try await DemoDataSet.isLoaded(in: repository) {
                    print("Dữ liệu minh họa đã có trong \(repository.database.location).")
                } else {
                    let summary = try await repository.save(DemoDataSet.batch())
                    print("Đã nạp dữ liệu minh họa vào \(repository.database.location).")
                    print(summary.sentence)
                }
                print("")
                print("Xem đánh giá, ví dụ:")
                print("  chitieu status --unit \"Kông Chro\" --year 2024 --to-month 9")
                print("  chitieu status --unit \"Kông Chro\" --year 2023 --to-month 12")
                print("  chitieu status --unit \"An Khê\" --year 2023 --to-month 6")
                print("  chitieu check")
            }
        }
    }
}

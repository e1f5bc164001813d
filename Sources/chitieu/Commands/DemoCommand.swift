import ArgumentParser
import ChiTieuCore
import ChiTieuStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Nạp bộ dữ liệu minh họa từ các báo cáo hội nghị mẫu (Kông Chro, Chợ Đồn, An Khê, Chư Sê).",
        discussion: """
            Tạo cơ sở dữ liệu nếu chưa có. Chạy lần thứ hai không ghi trùng.
            --national: nạp vào một cơ sở dữ liệu mới số liệu mô phỏng ở quy mô toàn quốc (để đo tốc độ): \
            3.321 xã, phường, đặc khu với kế hoạch và kết quả từng tháng của 40 chỉ tiêu, kế hoạch của 34 tỉnh, \
            và kết quả năm 2024 của các xã cũ (trước 1/7/2025) để tính cùng kỳ cho xã mới.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Nạp số liệu mô phỏng toàn quốc thay cho dữ liệu minh họa.")
    var national = false

    @Option(help: "Với --national: số năm có số liệu, tính đến năm nay (mặc định 3).")
    var years = 3

    func run() async throws {
        if national { return try await runNational() }
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

    private func runNational() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let data = NationalDataSet(today: repository.clock.today, years: years)
                let s = try await data.load(into: repository)
                let n = VietnameseNumberFormat(maximumFractionDigits: 0)
                print("Đã nạp số liệu mô phỏng toàn quốc vào \(repository.database.location):")
                print(
                    "\(n.string(Double(s.communes))) xã/phường/đặc khu của \(n.string(Double(s.provinces))) tỉnh, \(n.string(Double(s.legacyCommunes))) xã cũ; \(n.string(Double(s.targets))) kế hoạch, \(n.string(Double(s.results))) kết quả."
                )
                let rate = Double(s.targets + s.results) / max(s.seconds, 0.001)
                print(
                    "Thời gian nạp: \(VietnameseNumberFormat(maximumFractionDigits: 1).string(s.seconds)) giây (\(n.string(rate)) dòng/giây)."
                )
            }
        }
    }
}

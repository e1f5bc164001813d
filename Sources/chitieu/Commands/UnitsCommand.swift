import ArgumentParser
import ChiTieuCore
import ChiTieuStore
import Foundation

struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Liệt kê các đơn vị theo cấp, kèm mã, thời gian tồn tại và đơn vị kế thừa.",
        discussion: """
            Ví dụ: chitieu units --on 1/7/2025 --under "Gia Lai"; chitieu units --search "Tân Thành";
            chitieu units --search 23824 --json.
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("on"), help: "Chỉ các đơn vị tồn tại vào ngày này (1/7/2025 hoặc 2025-07-01).")
    var day: String?
    @Option(help: "Chỉ các đơn vị thuộc đơn vị này (tên, «tên, cấp trên» hoặc mã).") var under: String?
    @Option(help: "Tìm theo tên (không cần dấu) hoặc mã đơn vị hành chính.") var search: String?
    @Flag(help: "In JSON: code, kind, name, parent_code, valid_from, valid_to, predecessors.") var json = false

    func validate() throws {
        if let day, CalendarDay(day) == nil {
            throw ValidationError("Ngày «\(day)» không đúng; viết 1/7/2025 hoặc 2025-07-01.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let listing = try await UnitListing.load(
                    repository, on: day.flatMap(CalendarDay.init), under: under, search: search)
                if json {
                    print(try listing.json())
                } else if listing.all.isEmpty {
                    print("Chưa có đơn vị nào. Chạy «chitieu init» để nạp danh mục đơn vị hành chính.")
                } else if listing.units.isEmpty {
                    print("Không có đơn vị nào khớp.")
                } else {
                    for line in search == nil ? listing.treeLines() : listing.flatLines() { print(line) }
                }
            }
        }
    }
}
extension Frequency {
    var label: String {
        switch self {
        case .monthly: "tháng"
        case .quarterly: "quý"
        case .halfYearly: "6 tháng"
        case .yearly: "năm"
        }
    }
}

import ArgumentParser
import ChiTieuCore
import ChiTieuStore
import Foundation

struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Đơn vị: liệt kê, tìm (danh mục cả nước), thêm tổ chức đảng.",
        subcommands: [UnitsListCommand.self, PartyOrganisationAddCommand.self, UnitShareCommand.self],
        defaultSubcommand: UnitsListCommand.self
    )
}

struct UnitsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
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

struct PartyOrganisationAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-organisation",
        abstract:
            "Thêm một tổ chức đảng không phải đơn vị hành chính (Đảng bộ Khối các cơ quan tỉnh, Đảng bộ Quân sự tỉnh).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Tên, ví dụ «Đảng bộ Quân sự tỉnh».") var name: String
    @Option(help: "Đơn vị cấp trên (tên, «tên, cấp trên» hoặc mã); không có: cấp cao nhất.") var parent: String?

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                var parent: AdministrativeUnit?
                if let text = self.parent {
                    parent = try await Terminal.unit(text, on: Terminal.clock.today, in: repository)
                }
                let unit = try await repository.addPartyOrganisation(
                    name: name, parentID: parent?.id, author: .commandLine)
                print("Đã thêm \(unit.title) [số \(unit.id)]" + (parent.map { ", thuộc \($0.title)" } ?? "") + ".")
            }
        }
    }
}

struct UnitShareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Ghi tỷ lệ (diện tích, dân số …) của đơn vị cũ chuyển sang đơn vị mới, theo nghị quyết sắp xếp.",
        discussion:
            "Ví dụ: chitieu units share \"Ia Ly, Gia Lai\" --from \"Ia Mơ Nông, Chư Păh\" --share 35,2% --basis \"diện tích\""
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Đơn vị mới (từ 1/7/2025): tên hoặc mã.") var successor: String
    @Option(name: .customLong("from"), help: "Đơn vị cũ (đến 30/6/2025): tên hoặc mã.") var predecessor: String
    @Option(help: "Tỷ lệ, viết kiểu Việt Nam: 35,2% hoặc 35,2.") var share: String
    @Option(help: "Căn cứ: diện tích, dân số, hoặc tên số liệu.") var basis: String

    func run() async throws {
        try await reportingErrors {
            let text = share.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let percent = VietnameseNumber.parse(text) else {
                throw ValidationError("Tỷ lệ «\(share)» không phải là số (ví dụ đúng: 35,2%).")
            }
            try await store.withRepository { repository in
                let new = try await Terminal.unit(successor, on: .reform2025, in: repository)
                let old = try await Terminal.unit(
                    predecessor, on: CalendarDay(year: 2025, month: 6, day: 30), in: repository)
                try await repository.setShare(
                    ShareChange(predecessorID: old.id, successorID: new.id, share: percent / 100, basis: basis),
                    author: .commandLine)
                print("Đã ghi: \(new.title) nhận \((percent).vietnamese)% \(basis) của \(old.title).")
            }
        }
    }
}

import ArgumentParser
import ChiTieuCore
import ChiTieuStore

struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Liệt kê các đơn vị theo cấp, kèm thời gian tồn tại và đơn vị kế thừa.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let units = try await repository.allUnits()
                let byParent = Dictionary(grouping: units, by: \.parentID)
                let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.title) })
                func show(_ parent: UnitID?, depth: Int) {
                    for unit in byParent[parent, default: []] {
                        var line = String(repeating: "  ", count: depth) + "\(unit.title) [mã \(unit.id)]"
                        if let from = unit.validFrom { line += " từ \(from.vietnamese)" }
                        if let to = unit.validTo { line += " đến trước \(to.vietnamese)" }
                        if !unit.successors.isEmpty {
                            line += " → " + unit.successors.compactMap { names[$0] }.joined(separator: ", ")
                        }
                        print(line)
                        show(unit.id, depth: depth + 1)
                    }
                }
                if units.isEmpty { print("Chưa có đơn vị nào. Chạy «chitieu demo» để nạp dữ liệu minh họa.") }
                show(nil, depth: 0)
            }
        }
    }
}

struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "Liệt kê danh mục chỉ tiêu: mã, tên, đơn vị tính, loại, chiều tốt.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let catalogue = try await repository.storedCatalogue(location: repository.database.location)
                var table = TextTable([
                    .init("Mã"), .init("Tên chỉ tiêu", maxWidth: 56), .init("ĐVT"), .init("Loại"), .init("Tốt khi"),
                    .init("Kỳ"),
                ])
                for i in catalogue.indicators {
                    table.add([
                        i.code, i.name, i.measureUnit, i.kind == .flow ? "cộng dồn" : "mức",
                        i.direction == .higherIsBetter ? "cao" : "thấp", i.frequency.label,
                    ])
                }
                print("Danh mục chỉ tiêu phiên bản \(catalogue.version): \(catalogue.indicators.count) chỉ tiêu")
                print(table.render())
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

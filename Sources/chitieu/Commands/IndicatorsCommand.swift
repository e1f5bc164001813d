import ArgumentParser
import ChiTieuCore
import ChiTieuStore

struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Danh mục chỉ tiêu: xem, thêm chỉ tiêu riêng của đơn vị, sửa chỉ tiêu riêng.",
        subcommands: [IndicatorsListCommand.self, IndicatorAddCommand.self, IndicatorEditCommand.self],
        defaultSubcommand: IndicatorsListCommand.self)
}

/// The definition of an own indicator as options, shared by `add` and `edit`.
struct IndicatorOptions: ParsableArguments {
    @Option(name: .customLong("unit"), help: "Đơn vị tính: %, tỷ đồng, hộ, ha …") var measureUnit: String?
    @Option(help: "Loại: level (mức, mặc định) hoặc flow (cộng dồn qua các tháng).") var kind: MeasureKind?
    @Option(help: "Tốt khi: higher (cao, mặc định) hoặc lower (thấp).") var direction: Direction?
    @Option(help: "Lĩnh vực: kinh_te, van_hoa_xa_hoi, moi_truong, quoc_phong_an_ninh, xay_dung_dang.") var field: Field?
    @Option(help: "Kỳ thu thập: monthly, quarterly, half_yearly, yearly (mặc định).") var frequency: Frequency?
    @Option(name: .customLong("synonym"), help: "Tên khác báo cáo hay dùng (lặp lại được).") var synonyms: [String] = []
    @Option(
        name: .customLong("rollup"),
        help: ArgumentHelp(
            "Cách tổng hợp từ đơn vị cấp dưới, các cách cách nhau bằng «;»: sum, share:TỬ/MẪU*100, mean, mean:TRỌNG_SỐ, count:MÃ>=19; «none» = không tổng hợp, «standard» = theo loại chỉ tiêu.",
            valueName: "quy-tắc"))
    var rollUp: String?

    func draft(name: String, from old: Indicator? = nil) throws -> IndicatorDraft {
        let rule: RollUpRule? = if let rollUp { try Self.rule(rollUp) } else { old?.rollUpRule }
        return IndicatorDraft(
            name: name, measureUnit: measureUnit ?? old?.measureUnit ?? "", kind: kind ?? old?.kind ?? .level,
            direction: direction ?? old?.direction ?? .higherIsBetter, field: field ?? old?.field ?? .economy,
            frequency: frequency ?? old?.frequency ?? .yearly,
            synonyms: synonyms.isEmpty ? (old?.synonyms ?? []) : synonyms,
            rollUp: rule)
    }

    /// `none` is the empty rule (never derived); `standard` is nil (the rule of its kind).
    private static func rule(_ text: String) throws -> RollUpRule? {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "standard": return nil
        case "none": return RollUpRule.none
        default:
            guard let rule = RollUpRule(text: text), !rule.methods.isEmpty else {
                throw ValidationError(
                    "--rollup «\(text)»: không phải quy tắc tổng hợp (ví dụ: sum; share:poor_households/households*100;mean:households; count:new_rural_criteria_average>=19; none)."
                )
            }
            return rule
        }
    }
}

extension MeasureKind: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension Field: ExpressibleByArgument {}
extension Frequency: ExpressibleByArgument {}

struct IndicatorAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Thêm một chỉ tiêu riêng vào danh mục.",
        discussion: "Ví dụ: chitieu indicators add \"Tỷ lệ hộ dùng nước sạch\" --unit % --field van_hoa_xa_hoi")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Tên chỉ tiêu.") var name: String
    @OptionGroup var definition: IndicatorOptions
    @Option(
        help: "Đơn vị sở hữu: người nhập liệu của đơn vị này (và cấp trên) được sửa chỉ tiêu; bỏ trống = dùng chung.")
    var owner: String?

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                _ = try await repository.storedCatalogue(location: repository.database.location)
                var draft = try definition.draft(name: name)
                if let owner {
                    draft.ownerUnitID = try await Terminal.unit(owner, on: nil, in: repository).id
                }
                let made = try await repository.saveIndicator(draft, code: nil, author: .commandLine)
                print("Đã thêm chỉ tiêu «\(made.name)» (mã \(made.code), \(made.measureUnit)).")
            }
        }
    }
}

struct IndicatorEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Sửa một chỉ tiêu riêng; lần sửa được ghi vào lịch sử thay đổi.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Mã chỉ tiêu (rieng_…).") var code: String
    @Option(help: "Tên mới.") var name: String?
    @OptionGroup var definition: IndicatorOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                guard let old = try await repository.indicatorsByCode()[code] else {
                    throw StoreError.indicatorNotFound(code)
                }
                let made = try await repository.saveIndicator(
                    try definition.draft(name: name ?? old.name, from: old), code: code, author: .commandLine)
                print("Đã sửa chỉ tiêu «\(made.name)» (mã \(made.code)).")
            }
        }
    }
}

struct IndicatorsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liệt kê danh mục chỉ tiêu: mã, tên, đơn vị tính, loại, chiều tốt.")

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
                        i.code, i.name, i.measureUnit, i.kind.title, i.direction.title, i.frequency.title,
                    ])
                }
                print("Danh mục chỉ tiêu phiên bản \(catalogue.version): \(catalogue.indicators.count) chỉ tiêu")
                print(table.render())
            }
        }
    }
}

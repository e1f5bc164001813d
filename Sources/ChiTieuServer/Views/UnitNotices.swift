import ChiTieuCore

/// What a page about a unit in a period says before anyone types: that the account only reads
/// it, or that the unit did not exist (or ended) in the period — "huyện Kông Chro chỉ tồn tại
/// đến hết 30/6/2025" on its 9-month 2025 entry grid.
struct UnitNotices {
    private(set) var lines: [String] = []

    init(unit: AdministrativeUnit, period: Period, access: AccessScope, mayWrite: Bool) {
        let title = unit.capitalizedTitle
        if !unit.existed(inYear: period.year) {
            lines.append(
                "\(title) không tồn tại trong năm \(period.year)\(Self.span(unit)): xem được số liệu đã có, không nhập thêm được."
            )
        } else if let end = unit.validTo, end <= period.endDay {
            lines.append(
                "\(title) chỉ tồn tại đến trước \(end.vietnamese): số liệu sau ngày đó thuộc đơn vị kế thừa (xem trang «Kế thừa»)."
            )
        } else if let start = unit.validFrom, period.startDay < start {
            lines.append("\(title) được lập từ \(start.vietnamese): số liệu trước ngày đó thuộc các đơn vị cũ.")
        }
        if !mayWrite, access.kind != .readEverything, access.kind != .nothing {
            lines.append("Tài khoản của anh chị chỉ xem được đơn vị này, không sửa được.")
        }
    }

    private static func span(_ unit: AdministrativeUnit) -> String {
        switch (unit.validFrom, unit.validTo) {
        case (let from?, let to?): " (chỉ có từ \(from.vietnamese) đến trước \(to.vietnamese))"
        case (nil, let to?): " (chỉ có đến trước \(to.vietnamese))"
        case (let from?, nil): " (được lập từ \(from.vietnamese))"
        case (nil, nil): ""
        }
    }
}

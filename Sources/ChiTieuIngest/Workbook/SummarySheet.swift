import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation

/// An office's own "biểu" of targets and results, read as a person reads it: the title block
/// names the unit and the period («UBND HUYỆN KÔNG CHRO», «… 9 THÁNG NĂM 2024»), one or two
/// header rows name the columns, numbered rows are targets, rows with a number and a name only
/// are groups («I | KINH TẾ»), a row of words alone continues the name above it.
///
/// It rebuilds the rows of the plans-and-results table (`ImportTable`), so that a workbook is
/// checked, versioned and stored exactly as a CSV file is.
struct SummarySheet {
    struct Column {
        let index: Int
        let label: String
        let role: SummaryRole

        var cellName: String { "\(CellReference.columnName(index)): \(label)" }
    }

    struct Options {
        var unit: String?
        var year: Int?
        var toMonth: Int?
        /// Group rows are kept as rows (for a target set); else they are left out.
        var headings = false
    }

    let sheet: Sheet
    let columns: [Column]
    /// The last header row; data start below it.
    let headerEnd: Int
    let headerStart: Int
    let titleUnit: String?
    let titleYear: Int?
    let titleMonths: Int?

    /// The layout of `sheet`, or nil when no row of its first 40 looks like a header with a
    /// name column and a plan or result column.
    init?(_ sheet: Sheet) {
        self.sheet = sheet
        guard let (start, end, columns) = Self.header(of: sheet) else { return nil }
        (headerStart, headerEnd, self.columns) = (start, end, columns)
        let title = sheet.rows.prefix { $0.number < start }.flatMap(\.cells).compactMap(\.text)
        titleUnit = Self.unit(in: title)
        let periodCell = title.first { cell in
            let folded = NameKey(cell).folded
            return !folded.split(separator: " ").contains("ngay") && SummaryRole.year(in: folded) != nil
        }
        titleYear = periodCell.flatMap { SummaryRole.year(in: NameKey($0).folded) }
        titleMonths = periodCell.flatMap { SummaryRole.months(in: NameKey($0).folded) }
    }

    /// The header: the first row with a name column and a plan or result column, its labels
    /// joined with the row below when that row continues it (cells under a merged «So sánh»).
    private static func header(of sheet: Sheet) -> (Int, Int, [Column])? {
        for row in sheet.rows.prefix(40) {
            let width = sheet.columnCount
            let below = sheet.row(row.number + 1)
            let continues = below.map { isSubHeader($0, under: row, in: sheet) } ?? false
            let columns = (0..<width).compactMap { c -> Column? in
                let top = sheet.cell(CellReference(row: row.number, column: c))?.text ?? ""
                let sub = continues ? sheet.cell(CellReference(row: row.number + 1, column: c))?.text ?? "" : ""
                let label = (sub == top || sub.isEmpty ? top : top.isEmpty ? sub : top + " " + sub)
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return SummaryRole.of(label).map { Column(index: c, label: label, role: $0) }
            }
            let named = columns.contains { $0.role == .name }
            let valued = columns.contains {
                switch $0.role {
                case .plan, .result, .yearEstimate: true
                default: false
                }
            }
            if named && valued { return (row.number, continues ? row.number + 1 : row.number, columns) }
        }
        return nil
    }

    /// A second header row: words only, none of them a number, under a row with a merged cell.
    private static func isSubHeader(_ row: SheetRow, under top: SheetRow, in sheet: Sheet) -> Bool {
        guard sheet.merged.contains(where: { $0.first.row == top.number && $0.last != $0.first }) else { return false }
        return row.cells.allSatisfy { cell in
            guard let text = cell.text else { return false }
            return VietnameseNumber.parse(text) == nil && !text.hasPrefix("(")
        }
    }

    /// «UBND HUYỆN KÔNG CHRO» → «huyện kông chro»: the issuing body's unit; or a title that
    /// begins with the unit («Huyện Kông Chro — 9 tháng năm 2024», as chitieu's reports).
    static func unit(in title: [String]) -> String? {
        let kinds = ["huyen ", "xa ", "tinh ", "thanh pho ", "thi xa ", "phuong ", "thi tran ", "dac khu "]
        for text in title {
            let parts = text.components(separatedBy: " — ")
            if parts.count == 2, kinds.contains(where: NameKey(parts[0]).folded.hasPrefix) {
                return parts[0].trimmingCharacters(in: .whitespaces)
            }
        }
        let bodies = ["uy ban nhan dan ", "ubnd ", "hdnd ", "hoi dong nhan dan ", "dang uy ", "huyen uy ", "tinh uy "]
        for text in title {
            // one space between words, so that the folded text and the written one align
            let written = text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            let folded = NameKey(written.lowercased()).folded
            guard let body = bodies.first(where: { folded.hasPrefix($0) }) else { continue }
            // "huyện ủy kông chro" names the district by its committee: the unit is the district
            let rest = String(written.dropFirst(body.count)).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty else { continue }
            switch body {
            case "huyen uy ": return "huyện " + rest
            case "tinh uy ": return "tỉnh " + rest
            default: return rest
            }
        }
        return nil
    }
}

extension SummarySheet {
    /// How the sheet was understood, a line per column and for the unit and period.
    func reading(_ options: Options) -> [String] {
        let year = options.year ?? titleYear ?? columns.lazy.compactMap(\.role.year).first
        let months = options.toMonth ?? titleMonths ?? 12
        var lines = [
            "biểu của \(options.unit ?? titleUnit ?? "(chưa rõ đơn vị)")\(options.unit == nil && titleUnit != nil ? " (theo phần đầu biểu)" : "")",
            "kỳ: \(year.map { months == 12 ? "năm \($0)" : "\(months) tháng năm \($0)" } ?? "(chưa rõ năm)")",
            "tiêu đề cột ở dòng \(headerStart)\(headerEnd > headerStart ? "–\(headerEnd)" : "")",
        ]
        for column in columns {
            lines.append("cột \(column.cellName) → \(column.role.describe(year: year ?? 0, months: months))")
        }
        return lines
    }
}

extension SummaryRole {
    func describe(year: Int, months: Int) -> String {
        func period(_ y: Int, _ m: Int) -> String { m == 12 ? "năm \(y)" : "\(m) tháng năm \(y)" }
        switch self {
        case .number: return "số thứ tự"
        case .name: return "tên chỉ tiêu"
        case .measureUnit: return "đơn vị tính"
        case .plan(let y): return "kế hoạch năm \(y ?? year)"
        case .result(let y, let m, let estimated):
            return (estimated ? "ước thực hiện " : "thực hiện ") + period(y ?? year, m ?? months)
        case .yearEstimate(let y): return "ước thực hiện năm \(y ?? year)"
        case .lastYear(let y, let m): return "thực hiện cùng kỳ " + period(y ?? year - 1, m ?? months)
        case .percentOfPlan: return "% so với kế hoạch"
        case .ratioToLastYear: return "% so với cùng kỳ (tăng trưởng = số này − 100)"
        case .comparedToLastYear:
            return "so với cùng kỳ (%): số quanh 100 là tỷ lệ (tăng trưởng = số − 100), số nhỏ là mức tăng"
        case .estimatedFlag: return "đánh dấu số ước tính"
        case .growth: return "tăng trưởng so với cùng kỳ (%)"
        case .note: return "ghi chú (không nhập)"
        }
    }
}

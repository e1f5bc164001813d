import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation

extension SummarySheet {
    /// The header of the rebuilt table, in `TableColumn` names.
    static let tableColumns: [TableColumn] = [
        .kind, .unit, .indicator, .year, .fromMonth, .toMonth, .value, .comparator, .estimated, .percentOfPlan,
        .growth, .measureUnit, .number,
    ]

    /// A target row of the sheet, its name joined with the rows that continue it.
    private struct Line {
        let row: SheetRow
        var name: String
        let number: String
        let heading: Bool
    }

    /// The rows of the plans-and-results table, with where each came from, or the problems of
    /// the sheet (no unit, no year, a formula without its value) — all of them at once.
    func table(_ options: Options) throws -> (table: ImportTable, notes: [String]) {
        var problems: [BatchProblem] = []
        var notes: [String] = []
        let place = "trang «\(sheet.name)»"
        let unit = options.unit ?? titleUnit
        let year = options.year ?? titleYear ?? columns.lazy.compactMap(\.role.year).first
        let months = options.toMonth ?? titleMonths
        if unit == nil {
            problems.append(
                BatchProblem(
                    origin: place,
                    "không rõ đơn vị: phần đầu biểu không có dòng «UBND …»; ghi đơn vị khi nhập (--unit)."))
        }
        if year == nil {
            problems.append(BatchProblem(origin: place, "không rõ năm của biểu; ghi năm khi nhập (--year)."))
        }
        let needsMonths = columns.contains { if case .result(_, nil, _) = $0.role { true } else { false } }
        if needsMonths, months == nil {
            problems.append(
                BatchProblem(
                    origin: place, "không rõ kỳ báo cáo (mấy tháng) của cột thực hiện; ghi khi nhập (--to-month)."))
        }
        var rows: [ImportTable.Row] = []
        let ratios = ratioColumns
        for line in lines() {
            for column in columns {
                let reference = CellReference(row: line.row.number, column: column.index)
                if let problem = SheetFields.problem(line.row.cell(column.index), at: reference, sheet: sheet.name) {
                    problems.append(problem)
                }
            }
            guard let unit, let year else { continue }
            let shared = Shared(
                unit: unit, name: line.name, number: line.number, place: "\(place), dòng \(line.row.number)")
            if line.heading {
                if options.headings { rows.append(shared.row(line.row.number, [:], names: [:])) }
                continue
            }
            rows += records(line.row, shared, year: year, months: months ?? 12, ratios: ratios, notes: &notes)
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }
        let header = Self.tableColumns.map(\.vietnamese)
        return (ImportTable(header: header, headerPlace: "\(place), dòng \(headerStart)", rows: rows), notes)
    }

    /// What every record of one sheet row shares.
    private struct Shared {
        let unit: String
        let name: String
        let number: String
        let place: String

        func row(_ line: Int, _ values: [TableColumn: String], names: [TableColumn: String]) -> ImportTable.Row {
            var all = values
            all[.unit] = unit
            all[.indicator] = name
            if !number.isEmpty { all[.number] = number }
            return ImportTable.Row(
                line: line, fields: SummarySheet.tableColumns.map { all[$0] ?? "" }, place: place, cellNames: names)
        }
    }

    /// The plan, the result, the year's estimate and last year's figure of one row, each a record.
    private func records(
        _ row: SheetRow, _ shared: Shared, year: Int, months: Int, ratios: Set<Int>, notes: inout [String]
    ) -> [ImportTable.Row] {
        let value = { (column: Column) in SheetFields.text(row.cell(column.index)) }
        let measure = columns.first { $0.role == .measureUnit }.map(value) ?? ""
        let flagged = columns.first { $0.role == .estimatedFlag }.map { NameKey(value($0)).folded }
        let markedEstimated = flagged.map { $0.contains("uoc") || $0 == "x" } ?? false
        var percent: (String, String)?
        var growth: (String, String)?
        for column in columns {
            let text = value(column)
            guard !text.isEmpty else { continue }
            switch column.role {
            case .percentOfPlan: percent = (text, column.cellName)
            case .growth, .comparedToLastYear: growth = (text, column.cellName)
            case .ratioToLastYear,
                .comparedToLastYear where ratios.contains(column.index):
                // 103,81 (% of the same period) is growth of 3,81
                let ratio = VietnameseNumber.parse(text.hasSuffix("%") ? String(text.dropLast()) : text)
                growth = (ratio.map { SheetFields.number($0 - 100) } ?? text, column.cellName)
            default: break
            }
        }
        // «tăng bình quân 7,5» is a resolution's target: the biểu gives neither its term nor a
        // result of its kind, so the row is left out, and said so
        if let term = columns.first(where: { $0.role.isPlan && Self.isTermTarget(value($0)) }) {
            notes.append(
                "\(shared.place): «\(value(term))» ở cột \(term.cellName) là chỉ tiêu nhiệm kỳ, không phải mức kế hoạch năm; bỏ qua dòng này."
            )
            return []
        }
        var out: [ImportTable.Row] = []
        for column in columns {
            let text = value(column)
            guard !text.isEmpty else { continue }
            var fields: [TableColumn: String] = [.measureUnit: measure, .value: text]
            var names: [TableColumn: String] = [.value: column.cellName]
            switch column.role {
            case .plan(let y):
                fields[.kind] = RowKind.plan.vietnamese
                fields[.year] = String(y ?? year)
                let (bound, comparator) = Self.planBound(text)
                fields[.value] = bound
                fields[.comparator] = comparator
            case .result where Self.earlierYear(text) != nil:
                let (figure, earlier) = Self.earlierYear(text)!
                fields[.kind] = RowKind.result.vietnamese
                (fields[.year], fields[.fromMonth], fields[.toMonth], fields[.value]) = (
                    String(earlier), "1", "12", figure
                )
            case .result(let y, let m, let estimated):
                fields[.kind] = RowKind.result.vietnamese
                fields[.year] = String(y ?? year)
                fields[.fromMonth] = "1"
                fields[.toMonth] = String(m ?? months)
                fields[.estimated] = estimated || markedEstimated ? "x" : ""
                if let percent { (fields[.percentOfPlan], names[.percentOfPlan]) = percent }
                if let growth { (fields[.growth], names[.growth]) = growth }
            case .yearEstimate(let y):
                fields[.kind] = RowKind.result.vietnamese
                fields[.year] = String(y ?? year)
                (fields[.fromMonth], fields[.toMonth], fields[.estimated]) = ("1", "12", "x")
            case .lastYear(let y, let m):
                fields[.kind] = RowKind.result.vietnamese
                fields[.year] = String(y ?? year - 1)
                (fields[.fromMonth], fields[.toMonth]) = ("1", String(m ?? months))
            default:
                continue
            }
            out.append(shared.row(row.number, fields, names: names))
        }
        return out
    }

    /// The «So cùng kỳ (%)» columns whose numbers are ratios (103,81) rather than changes
    /// (3,81): those whose typical number is over 50.
    var ratioColumns: Set<Int> {
        Set(
            columns.filter { $0.role == .comparedToLastYear }.map(\.index).filter { column in
                let values = sheet.rows.filter { $0.number > headerEnd }.compactMap { row in
                    VietnameseNumber.parse(SheetFields.text(row.cell(column)).replacingOccurrences(of: "%", with: ""))
                }.map(abs).sorted()
                return !values.isEmpty && values[values.count / 2] > 50
            })
    }

    /// «72 (năm 2023)»: a completed earlier year's figure, as chitieu's report writes it.
    static func earlierYear(_ text: String) -> (String, Int)? {
        guard text.hasSuffix(")"), let open = text.range(of: " (năm ", options: .backwards),
            let year = Int(text[open.upperBound...].dropLast()), Period.yearRange.contains(year)
        else { return nil }
        return (String(text[..<open.lowerBound]), year)
    }

    static func isTermTarget(_ text: String) -> Bool {
        let folded = NameKey(text).folded
        return ["binh quan", "giai doan", "hang nam", "moi nam", "luy ke"].contains(where: folded.contains)
    }

    /// «≥ 95», «trên 500», «từ 95 trở lên», «không quá 3»: the number and the comparison.
    static func planBound(_ text: String) -> (String, String) {
        let folded = NameKey(text).folded
        let atLeast = ["≥", ">=", ">", "tren ", "tu ", "toi thieu", "it nhat", "khong duoi", "tro len"]
        let atMost = ["≤", "<=", "<", "duoi ", "khong qua", "toi da", "tro xuong"]
        let comparator =
            atLeast.contains(where: folded.contains) ? ">=" : atMost.contains(where: folded.contains) ? "<=" : ""
        guard !comparator.isEmpty, let range = text.range(of: "[0-9][0-9.,]*[0-9]|[0-9]", options: .regularExpression)
        else { return (text, "") }
        return (String(text[range]), comparator)
    }

    /// The target and group rows below the header, a name continued on the next row joined.
    private func lines() -> [Line] {
        let numberColumn = columns.first { $0.role == .number }?.index
        let nameColumn = columns.first { $0.role == .name }!.index
        let valueColumns = columns.filter {
            switch $0.role {
            case .number, .name, .measureUnit, .note: false
            default: true
            }
        }.map(\.index)
        var lines: [Line] = []
        var previous = headerEnd
        for row in sheet.rows where row.number > headerEnd {
            // the table ends at a blank row or at the signature block below it
            if !lines.isEmpty, row.number > previous + 1 || Self.isSignature(row) { break }
            previous = row.number
            let name = SheetFields.text(row.cell(nameColumn))
            let number = numberColumn.map { SheetFields.text(row.cell($0)) } ?? ""
            let hasValue = valueColumns.contains { SheetFields.holdsSomething(row.cell($0)) }
            if lines.isEmpty, Self.isColumnNumbering(row) { continue }
            if name.isEmpty && number.isEmpty { continue }
            if !hasValue, number.isEmpty, let first = name.first, first.isLowercase || first == "(",
                let last = lines.indices.last, !lines[last].heading
            {
                lines[last].name += " " + name
                continue
            }
            // "3 | Số xã đạt chuẩn | xã" with no figure is a target not reported, not a group
            if !hasValue, !number.isEmpty, !Self.isGroupNumber(number) { continue }
            lines.append(Line(row: row, name: name.isEmpty ? number : name, number: number, heading: !hasValue))
        }
        return lines
    }

    /// «NGƯỜI LẬP BIỂU», «THỦ TRƯỞNG ĐƠN VỊ», «Nơi nhận:», «TM. ỦY BAN NHÂN DÂN».
    static func isSignature(_ row: SheetRow) -> Bool {
        row.cells.contains { cell in
            let folded = NameKey(cell.text ?? "").folded
            return ["nguoi lap", "thu truong", "noi nhan", "tm. ", "kt. "].contains(where: folded.hasPrefix)
        }
    }

    /// «I», «IV.», «A», «b)»: the number of a group, not of a target.
    static func isGroupNumber(_ number: String) -> Bool {
        let core = number.trimmingCharacters(in: CharacterSet(charactersIn: ".) "))
        if !core.isEmpty, core.allSatisfy({ "IVXLC".contains($0) }) { return true }
        return core.count == 1 && core.first!.isLetter
    }

    /// The row under a header that numbers its columns: «A | B | 1 | 2 | 3=2/1».
    private static func isColumnNumbering(_ row: SheetRow) -> Bool {
        row.cells.count > 1
            && row.cells.allSatisfy { cell in
                let text = SheetFields.text(cell)
                return text.count <= 8 && text.allSatisfy { $0.isNumber || "()=/*+-xX.ABCDEFabcdef ".contains($0) }
            }
    }
}

extension SummaryRole {
    var isPlan: Bool {
        if case .plan = self { return true }
        return false
    }

    var year: Int? {
        switch self {
        case .plan(let y), .yearEstimate(let y): y
        case .result(let y, _, _): y
        case .lastYear(let y, _): y.map { $0 + 1 }
        default: nil
        }
    }
}

import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore

/// A sheet that is the plans-and-results table itself (as `chitieu export --format xlsx`
/// writes it, or a clerk fills it in): a header row of its column names, anywhere in the first
/// rows under a title, and a record per row.
enum CanonicalSheet {
    static func table(_ sheet: Sheet) throws -> ImportTable? {
        guard let header = sheet.rows.prefix(40).first(where: isHeader) else { return nil }
        let width = sheet.columnCount
        let place = "trang «\(sheet.name)»"
        var problems: [BatchProblem] = []
        var rows: [ImportTable.Row] = []
        for row in sheet.rows where row.number > header.number {
            for cell in row.cells {
                let reference = CellReference(row: row.number, column: cell.column)
                if let problem = SheetFields.problem(cell, at: reference, sheet: sheet.name) {
                    problems.append(problem)
                }
            }
            let fields = (0..<width).map { SheetFields.text(row.cell($0)) }
            rows.append(ImportTable.Row(line: row.number, fields: fields, place: "\(place), dòng \(row.number)"))
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }
        return ImportTable(
            header: (0..<width).map { SheetFields.text(header.cell($0)) },
            headerPlace: "\(place), dòng \(header.number)",
            rows: rows)
    }

    /// A row naming at least the kind, unit, indicator and value columns.
    private static func isHeader(_ row: SheetRow) -> Bool {
        let named = Set(row.cells.compactMap { $0.text.flatMap(TableColumn.matching) })
        return [TableColumn.kind, .unit, .indicator, .value].allSatisfy(named.contains)
    }
}

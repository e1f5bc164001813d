import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation

/// The table a workbook holds, ready for `TableImporter`: the re-importable table as it is, or
/// an office's "biểu" rebuilt (`SummarySheet`).
public struct WorkbookTable: Sendable {
    public let sheet: String
    public let table: ImportTable
    /// How the columns were understood, shown before anything is stored: «D «Kế hoạch năm
    /// 2024» → kế hoạch năm 2024».
    public let reading: [String]
}

public struct WorkbookOptions: Sendable {
    public var sheet: String?
    public var unit: String?
    public var year: Int?
    public var toMonth: Int?
    /// Keep group rows («I | KINH TẾ»), for a target set.
    public var headings = false

    public init(
        sheet: String? = nil, unit: String? = nil, year: Int? = nil, toMonth: Int? = nil, headings: Bool = false
    ) {
        (self.sheet, self.unit, self.year, self.toMonth, self.headings) = (sheet, unit, year, toMonth, headings)
    }
}

public enum WorkbookTables {
    /// The table of `data` (an .xlsx file): the sheet named, else the first sheet with a table.
    public static func read(_ data: Data, fileName: String, options: WorkbookOptions = WorkbookOptions()) throws
        -> WorkbookTable
    {
        let workbook = try Workbook(data: data, fileName: fileName)
        let candidates = try options.sheet.map { [try workbook.sheet(named: $0)] } ?? workbook.sheets
        for sheet in candidates {
            if let table = try CanonicalSheet.table(sheet) {
                return WorkbookTable(
                    sheet: sheet.name, table: table, reading: ["bảng nhập chuẩn (tiêu đề cột ở \(table.headerPlace))"])
            }
            if let layout = SummarySheet(sheet) {
                let summary = SummarySheet.Options(
                    unit: options.unit, year: options.year, toMonth: options.toMonth, headings: options.headings)
                let (table, notes) = try layout.table(summary)
                return WorkbookTable(sheet: sheet.name, table: table, reading: layout.reading(summary) + notes)
            }
        }
        let names = candidates.map { "«\($0.name)»" }.joined(separator: ", ")
        throw StoreError.invalidBatch([
            BatchProblem(
                origin: "tệp «\(fileName)»",
                "không thấy bảng chỉ tiêu ở trang \(names): cần một dòng tiêu đề có cột «Chỉ tiêu» và cột «Kế hoạch» hoặc «Thực hiện» (hoặc các cột Loại, Đơn vị, Chỉ tiêu, Giá trị của bảng nhập)."
            )
        ])
    }
}

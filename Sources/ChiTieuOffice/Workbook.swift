import Foundation

/// An Excel workbook (`.xlsx`, Office Open XML) as read: its sheets' cells, texts, number
/// formats (percent, date) and merged ranges. Formulas are read by their saved result.
///
/// Written on ZIPFoundation and Foundation's XML parser: the package set has no XLSX reader.
public struct Workbook: Sendable {
    /// The most cells with a value read from one workbook: seven times the 100.000 rows of a
    /// big import table, and far more than any office's «biểu»; a sheet is held in memory
    /// (about 100 bytes a cell), so a file past it is refused rather than read without bound.
    public static let cellLimit = 1_000_000

    public let fileName: String
    public let sheets: [Sheet]

    public init(fileName: String, sheets: [Sheet]) {
        self.fileName = fileName
        self.sheets = sheets
    }

    public init(data: Data, fileName: String, cellLimit: Int = Workbook.cellLimit) throws(OfficeFileError) {
        let package = try OfficePackage(data, fileName: fileName, legacy: .workbook)
        self.fileName = fileName
        let relationships = try Self.read(RelationshipsReader(), package, "xl/_rels/workbook.xml.rels")
        let book = try Self.read(WorkbookReader(), package, "xl/workbook.xml")
        let strings = try package.part("xl/sharedStrings.xml").map { data throws(OfficeFileError) in
            try Self.parse(SharedStringsReader(), data, package, "xl/sharedStrings.xml").strings
        }
        let formats = try package.part("xl/styles.xml").map { data throws(OfficeFileError) in
            try Self.parse(CellStylesReader(), data, package, "xl/styles.xml").formats
        }
        if (strings?.count ?? 0) > cellLimit { throw .tooManyCells(fileName, cellLimit) }
        var sheets: [Sheet] = []
        var cells = 0
        for (name, id) in book.sheets {
            // chartsheets and dialog sheets have no cells
            guard let target = relationships.targets[id], target.contains("worksheets/") else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let reader = try Self.read(
                SheetReader(strings: strings ?? [], formats: formats ?? [], limit: cellLimit - cells), package, path)
            if reader.limitReached { throw .tooManyCells(fileName, cellLimit) }
            cells += reader.cellCount
            sheets.append(Sheet(name: name, rows: reader.rows, merged: reader.merged))
        }
        guard !sheets.isEmpty else { throw .damaged(fileName, "sổ không có trang tính nào") }
        self.sheets = sheets
    }

    /// The sheet named `name` (any case, with or without accents), or the first one.
    public func sheet(named name: String?) throws(OfficeFileError) -> Sheet {
        guard let name else { return sheets[0] }
        let wanted = Self.key(name)
        guard let found = sheets.first(where: { Self.key($0.name) == wanted }) else {
            throw .noSheet(fileName, name)
        }
        return found
    }

    private static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    private static func read<R: XMLPartReader>(_ reader: R, _ package: OfficePackage, _ path: String)
        throws(OfficeFileError) -> R
    {
        try parse(reader, try package.requiredPart(path), package, path)
    }

    private static func parse<R: XMLPartReader>(_ reader: R, _ data: Data, _ package: OfficePackage, _ path: String)
        throws(OfficeFileError) -> R
    {
        if let failure = reader.read(data) { throw .damaged(package.fileName, "phần \(path): \(failure)") }
        return reader
    }
}

import Foundation

/// A Word document (`.docx`, Office Open XML) as read: its body's paragraphs and tables in
/// order. A table's cells become a `Sheet`, so that a report's appended «Biểu» is read as the
/// table it is (`SummarySheet`), not as prose; merged cells (`gridSpan`, `vMerge`) are merged
/// ranges, as in a workbook.
public struct WordDocument: Sendable {
    public enum Block: Sendable, Equatable {
        /// A paragraph's text; `heading` when its style is a heading («Heading1», «Tiêu đề 1»).
        case paragraph(String, heading: Bool)
        case table(Sheet)
    }

    public let fileName: String
    public let blocks: [Block]

    public init(data: Data, fileName: String) throws(OfficeFileError) {
        let package = try OfficePackage(data, fileName: fileName, legacy: .document)
        self.fileName = fileName
        let reader = WordBodyReader()
        if let failure = reader.read(try package.requiredPart("word/document.xml")) {
            throw .damaged(fileName, "phần word/document.xml: \(failure)")
        }
        blocks = reader.blocks
    }

    /// The paragraphs' text, one per line, without the tables.
    public var prose: String {
        blocks.compactMap { block in
            if case .paragraph(let text, _) = block { return text }
            return nil
        }.joined(separator: "\n")
    }

    public var tables: [Sheet] {
        blocks.compactMap { block in
            if case .table(let sheet) = block { return sheet }
            return nil
        }
    }
}

/// `word/document.xml`: paragraphs (runs' text, tabs and breaks) and tables (rows of cells,
/// each cell its paragraphs joined by a space). A table inside a table is read into its cell.
final class WordBodyReader: XMLPartReader {
    private(set) var blocks: [WordDocument.Block] = []

    private var paragraph = ""
    private var heading = false
    private var inText = false
    private var depth = 0  // tables open
    private var tableRows: [[(text: String, span: Int, merge: String?)]] = []
    private var row: [(text: String, span: Int, merge: String?)] = []
    private var cell = ""
    private var span = 1
    private var merge: String?

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "p":
            paragraph = ""
            heading = false
        case "pStyle":
            let style = Self.attribute("val", in: attributes)?.lowercased() ?? ""
            heading = style.hasPrefix("heading") || style.hasPrefix("title") || style.contains("tieude")
        case "t": inText = true
        case "tab": paragraph += "\t"
        case "br", "cr": paragraph += "\n"
        case "tbl":
            depth += 1
            if depth == 1 { tableRows = [] }
        case "tr" where depth == 1: row = []
        case "tc" where depth == 1:
            cell = ""
            span = 1
            merge = nil
        case "gridSpan" where depth == 1: span = Self.attribute("val", in: attributes).flatMap(Int.init) ?? 1
        case "vMerge" where depth == 1: merge = Self.attribute("val", in: attributes) ?? "continue"
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "t": inText = false
        case "p":
            let text = paragraph.trimmingCharacters(in: .whitespaces)
            if depth == 0 {
                if !text.isEmpty { blocks.append(.paragraph(text, heading: heading)) }
            } else if !text.isEmpty {
                cell += cell.isEmpty ? text : " " + text
            }
        case "tc" where depth == 1: row.append((cell, span, merge))
        case "tr" where depth == 1: tableRows.append(row)
        case "tbl":
            depth -= 1
            if depth == 0 { blocks.append(.table(Self.sheet(tableRows, number: tables))) }
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { paragraph += string }
    }

    private var tables: Int { blocks.filter { if case .table = $0 { true } else { false } }.count + 1 }

    /// Rows of cells as a sheet: a cell spanning columns, or continued downwards, is a merged
    /// range from its first cell.
    static func sheet(_ rows: [[(text: String, span: Int, merge: String?)]], number: Int) -> Sheet {
        var sheetRows: [SheetRow] = []
        var merged: [CellRange] = []
        var openVertical: [Int: (row: Int, span: Int)] = [:]  // column → where its merge began
        for (r, cells) in rows.enumerated() {
            let rowNumber = r + 1
            var column = 0
            var out: [SheetCell] = []
            for cell in cells {
                if cell.merge == "continue" {
                    // the cell is part of the one above: nothing of its own
                } else {
                    if let begun = openVertical.removeValue(forKey: column), rowNumber - 1 > begun.row {
                        merged.append(range(begun.row, column, rowNumber - 1, column + begun.span - 1))
                    }
                    if cell.merge == "restart" { openVertical[column] = (rowNumber, cell.span) }
                    if !cell.text.isEmpty { out.append(SheetCell(column: column, value: .text(cell.text))) }
                    if cell.span > 1, cell.merge != "restart" {
                        merged.append(range(rowNumber, column, rowNumber, column + cell.span - 1))
                    }
                }
                column += cell.span
            }
            if !out.isEmpty { sheetRows.append(SheetRow(number: rowNumber, cells: out)) }
        }
        for (column, begun) in openVertical where rows.count > begun.row {
            merged.append(range(begun.row, column, rows.count, column + begun.span - 1))
        }
        return Sheet(name: "Bảng \(number)", rows: sheetRows, merged: merged)
    }

    private static func range(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) -> CellRange {
        CellRange(CellReference(row: r1, column: c1).name + ":" + CellReference(row: r2, column: c2).name)!
    }
}

import ChiTieuCore
import ChiTieuOffice
import Foundation

/// Writes a table as an Excel workbook (Office Open XML) that prints as an office files a
/// «biểu»: the unit, the form's title and the table's title above it; a bordered table whose
/// two-row header repeats on every page; group rows in bold; numbers as numbers in Vietnamese
/// notation (4.790,86), percentages as percentages; the signature block below; A4 landscape,
/// one page wide, pages numbered. It reads back through `chitieu import`.
public struct XLSXWriter: Sendable {
    public init() {}

    typealias Style = XLSXStyle

    /// The table's header rows: below the unit, the form's title, the table's title, a blank row.
    static let headerRows = XLSXHeader.top...XLSXHeader.bottom

    public func workbook(_ table: ReportTable) throws -> Data {
        var package = ZipPackage()
        package.add("[Content_Types].xml", Self.contentTypes)
        package.add("_rels/.rels", Self.rootRelationships)
        package.add("xl/workbook.xml", Self.workbook(sheetName: "Chỉ tiêu"))
        package.add("xl/_rels/workbook.xml.rels", Self.workbookRelationships)
        package.add("xl/styles.xml", Self.styles)
        package.add("xl/worksheets/sheet1.xml", sheet(table))
        return try package.data()
    }

    static let styles = XLSXStyle.sheet

    func sheet(_ table: ReportTable) -> String {
        let last = max(table.columns.count - 1, 0)
        let end = CellReference.columnName(last)
        let widths = Self.widths(table)
        var rows = SheetRows(widths: widths)
        var merged: [String] = []
        rows.add(1, [(0, .text(table.issuer ?? ""), .issuer)])
        rows.add(2, [(0, .text("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), .title)])
        rows.add(3, [(0, .text(table.title), .subtitle)])
        if last > 0 { merged += ["A1:\(CellReference.columnName(min(2, last)))1", "A2:\(end)2", "A3:\(end)3"] }
        let layout = XLSXHeader(table.columns)
        for (n, cells) in layout.rows { rows.add(n, cells) }
        merged += layout.merged
        let header = XLSXHeader.bottom
        for (r, values) in table.rows.enumerated() { rows.add(header + 1 + r, Self.dataCells(layout.printed(values))) }
        // the one who made it under the names, the head of the unit at the right
        let signature = header + table.rows.count + 3
        let left = last >= 3 ? 1 : 0
        let right = max(last - 2, left + 1)
        rows.add(
            signature, [(left, .text("NGƯỜI LẬP BIỂU"), .signature), (right, .text("THỦ TRƯỞNG ĐƠN VỊ"), .signature)])
        rows.add(
            signature + 1,
            [
                (left, .text("(Ký, ghi rõ họ tên)"), .signatureNote),
                (right, .text("(Ký tên, đóng dấu)"), .signatureNote),
            ])
        if right < last {
            let from = CellReference.columnName(right)
            merged += ["\(from)\(signature):\(end)\(signature)", "\(from)\(signature + 1):\(end)\(signature + 1)"]
        }
        let columns = widths.enumerated().map { c, width in
            "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }.joined()
        let merges =
            merged.isEmpty
            ? ""
            : "<mergeCells count=\"\(merged.count)\">\(merged.map { "<mergeCell ref=\"\($0)\"/>" }.joined())</mergeCells>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="\(header)" topLeftCell="A\(header + 1)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <cols>\(columns)</cols><sheetData>\(rows.xml)</sheetData>\(merges)\
            <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>\
            <headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>
            """
    }

    static func cell(_ reference: String, _ value: ReportTable.Cell, style: Style) -> String {
        switch value {
        case .text(let text):
            return
                "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xml(text))</t></is></c>"
        case .number(let number):
            guard let number, number.isFinite else { return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
            return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(number)</v></c>"
        case .percent(let percent):
            guard let percent, percent.isFinite else { return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
            return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(percent / 100)</v></c>"
        }
    }

    static let contentTypes = OfficeXML.contentTypes([
        ("/xl/workbook.xml", "spreadsheetml.sheet.main"), ("/xl/worksheets/sheet1.xml", "spreadsheetml.worksheet"),
        ("/xl/styles.xml", "spreadsheetml.styles"),
    ])
    static let rootRelationships = OfficeXML.relationships([("officeDocument", "xl/workbook.xml")])
    static let workbookRelationships = OfficeXML.relationships([
        ("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml"),
    ])

    /// A data row's cells: numbers and percents in their formats, a group row's one text in bold.
    static func dataCells(_ values: [ReportTable.Cell]) -> [(Int, ReportTable.Cell, Style)] {
        let filled = values.filter { if case .text(let t) = $0 { !t.isEmpty } else { true } }
        let group = filled.count == 1 && { if case .text = filled[0] { true } else { false } }()
        return values.enumerated().map { c, value in
            let style: Style =
                switch value {
                case .text: group ? .group : .text
                // "#,##0.##" would leave a stray separator after whole numbers ("1.197,").
                case .number(let v): v.map { $0 == $0.rounded() } ?? false ? .integer : .decimal
                case .percent: .percent
                }
            return (c, value, style)
        }
    }

    /// Each column's width in characters: its longest text, at most 38 for the names (which
    /// wrap) and 16 for the others, at least 8.
    static func widths(_ table: ReportTable) -> [Int] {
        table.columns.enumerated().map { c, title in
            let longest = max(
                title.count, table.rows.map { ReportTable.display($0.count > c ? $0[c] : .text("")).count }.max() ?? 0)
            return min(c <= 1 ? 38 : 16, max(8, longest + 2))
        }
    }

    /// The workbook, with the header rows printed on every page (`_xlnm.Print_Titles`).
    static func workbook(sheetName: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(xml(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
        <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'\(xml(sheetName))'!$\(headerRows.lowerBound):$\(headerRows.upperBound)</definedName></definedNames></workbook>
        """
    }
}

/// The rows of the sheet, each as tall as its longest wrapped text needs: neither Excel nor
/// LibreOffice fits a row to wrapped text when it opens a file, so the height is given, 16 pt a
/// line.
struct SheetRows {
    let widths: [Int]
    private(set) var xml = ""

    mutating func add(_ n: Int, _ cells: [(Int, ReportTable.Cell, XLSXStyle)]) {
        let lines =
            cells.map { c, value, style in
                guard style.wraps, case .text(let text) = value, c < widths.count else { return 1 }
                return (text.count + widths[c] - 3) / max(widths[c] - 2, 1)
            }.max() ?? 1
        let height = lines > 1 ? " ht=\"\(lines * 16)\" customHeight=\"1\"" : ""
        xml +=
            "<row r=\"\(n)\"\(height)>"
            + cells.map { XLSXWriter.cell(CellReference.columnName($0.0) + "\(n)", $0.1, style: $0.2) }.joined()
            + "</row>"
    }
}

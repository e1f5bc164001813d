import ChiTieuCore
import ChiTieuOffice
import Foundation

/// Writes a table as an Excel workbook (Office Open XML): a header row in bold, numbers as
/// numbers with thousands grouping, percentages as percentages; Excel shows them in the
/// reader's locale (4.790,86 in Vietnamese).
public struct XLSXWriter: Sendable {
    public init() {}

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

    /// The cell styles, in the order of `cellXfs` in `styles` (a cell's `s` is the raw value).
    enum Style: Int, CaseIterable {
        case plain, header, decimal, percent, title, integer

        /// Excel's built-in number formats: 4 is `#,##0.00`, 10 is `0.00%`, 3 is `#,##0`.
        var numberFormat: Int {
            switch self {
            case .plain, .header, .title: 0
            case .decimal: 4
            case .percent: 10
            case .integer: 3
            }
        }

        /// Fonts of `styles`: 0 regular 12 pt, 1 bold 12 pt, 2 bold 14 pt.
        var font: Int {
            switch self {
            case .header: 1
            case .title: 2
            default: 0
            }
        }

        var xf: String {
            let apply = numberFormat != 0 ? " applyNumberFormat=\"1\"" : font != 0 ? " applyFont=\"1\"" : ""
            return
                "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\"\(apply)/>"
        }
    }

    func sheet(_ table: ReportTable) -> String {
        var rows = ""
        rows += "<row r=\"1\">\(cell("A1", .text(table.title), style: .title))</row>"
        rows += "<row r=\"2\">"
        for (c, title) in table.columns.enumerated() {
            rows += cell(CellReference.columnName(c) + "2", .text(title), style: .header)
        }
        rows += "</row>"
        for (r, row) in table.rows.enumerated() {
            let n = r + 3
            rows += "<row r=\"\(n)\">"
            for (c, value) in row.enumerated() {
                let style: Style =
                    switch value {
                    case .text: .plain
                    // "#,##0.##" would leave a stray separator after whole numbers ("1.197,").
                    case .number(let v): v.map { $0 == $0.rounded() } ?? false ? .integer : .decimal
                    case .percent: .percent
                    }
                rows += cell(CellReference.columnName(c) + "\(n)", value, style: style)
            }
            rows += "</row>"
        }
        let widths = table.columns.enumerated().map { c, title in
            let longest = max(
                title.count, table.rows.map { ReportTable.display($0.count > c ? $0[c] : .text("")).count }.max() ?? 0)
            return
                "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(8, longest + 2)))\" customWidth=\"1\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <cols>\(widths)</cols><sheetData>\(rows)</sheetData></worksheet>
            """
    }

    private func cell(_ reference: String, _ value: ReportTable.Cell, style: Style) -> String {
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

    static func workbook(sheetName: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(xml(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    }

    /// Fonts: Times New Roman 12, the same bold, 14 bold for the title. Built-in formats: 3 is
    /// `#,##0`, 4 is `#,##0.00`, 10 is `0.00%`.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="3"><font><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="14"/><name val="Times New Roman"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="\(Style.allCases.count)">\(Style.allCases.map(\.xf).joined())\
        </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

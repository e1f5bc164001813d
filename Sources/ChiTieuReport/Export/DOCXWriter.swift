import ChiTieuCore
import Foundation

/// Writes the narrative report as a Word document laid out as the Party's and the People's
/// Committees' documents are: A4, Times New Roman 14; the issuing body with the number and
/// symbol under it, and the Party's name with the place and date, side by side; the title
/// centred; the body; the recipients and the signature block side by side; page numbers in the
/// footer; and the table of targets as an appendix on a page of its own.
public struct DOCXWriter: Sendable {
    public init() {}

    public func document(_ report: ReviewReport, appendix: ReportTable? = nil) throws -> Data {
        var package = ZipPackage()
        package.add("[Content_Types].xml", Self.contentTypes)
        package.add("_rels/.rels", Self.rootRelationships)
        package.add("word/_rels/document.xml.rels", Self.documentRelationships)
        package.add("word/styles.xml", Self.styles)
        package.add("word/footer1.xml", Self.footer)
        package.add("word/document.xml", body(report, appendix: appendix))
        return try package.data()
    }

    func body(_ report: ReviewReport, appendix: ReportTable? = nil) -> String {
        var parts: [String] = []
        let left =
            report.issuer.map { paragraph($0, bold: true, center: true) }.joined()
            + (report.number.isEmpty ? "" : paragraph("*", center: true) + paragraph(report.number, center: true))
        let right =
            paragraph(report.motto, bold: true, center: true, underline: true)
            + (report.placeAndDate.isEmpty ? "" : paragraph(report.placeAndDate, center: true, italic: true))
        parts.append(Self.sideBySide(left, right))
        parts.append(paragraph(""))
        parts.append(paragraph(report.title, bold: true, center: true))
        parts.append(paragraph(report.subtitle, bold: true, center: true))
        parts.append(paragraph(""))
        for section in report.sections {
            if let heading = section.heading { parts.append(paragraph(heading, bold: true)) }
            for text in section.paragraphs { parts.append(paragraph(text, justified: true, indent: true)) }
        }
        if !report.recipients.isEmpty || !report.signature.isEmpty {
            let recipients = report.recipients.enumerated().map { n, line in
                n == 0 ? paragraph(line, bold: true, italic: true, size: 24) : paragraph(line, size: 22)
            }.joined()
            let signature = report.signature.map { line in
                paragraph(line, bold: !line.hasPrefix("("), center: true, italic: line.hasPrefix("("))
            }.joined()
            parts.append(paragraph(""))
            parts.append(Self.sideBySide(recipients, signature))
        }
        // the appendix is a landscape section of its own: the report's section ends before it
        if let appendix {
            parts += ["<w:p><w:pPr>\(Self.section(landscape: false))</w:pPr></w:p>"] + Self.appendix(appendix)
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\
            \(parts.joined())\(Self.section(landscape: appendix != nil))</w:body></w:document>
            """
    }

    /// A4 with the page number in the footer, upright for the report, across for the appendix.
    static func section(landscape: Bool) -> String {
        let size =
            landscape
            ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        let margins =
            landscape
            ? "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
            : "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>\(size)\(margins)</w:sectPr>"
    }

    /// Two blocks side by side, in a table without borders, as the heading and the signature are.
    static func sideBySide(_ left: String, _ right: String) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
            + "<w:tr><w:tc>\(left)</w:tc><w:tc>\(right)</w:tc></w:tr></w:tbl>"
    }

    /// «PHỤ LỤC» on a new page: the table of targets, bordered, its header repeated on each page.
    static func appendix(_ table: ReportTable) -> [String] {
        let border =
            "<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        func cell(_ text: String, bold: Bool, right: Bool) -> String {
            "<w:tc>\(DOCXWriter().paragraph(text, bold: bold, right: right, size: 20, spacing: false))</w:tc>"
        }
        let header =
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + table.columns.map { cell($0, bold: true, right: false) }.joined() + "</w:tr>"
        let rows = table.rows.map { row in
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + row.map { value in
                    let isNumber = { if case .text = value { false } else { true } }()
                    return cell(ReportTable.display(value), bold: false, right: isNumber)
                }.joined() + "</w:tr>"
        }.joined()
        // the names wide, the figures in equal columns across the 14.570 twips of the page
        let count = max(table.columns.count, 1)
        let name = count > 1 ? 3400 : 14570
        let other = count > 1 ? (14570 - name) / (count - 1) : 0
        let grid = (0..<count).map { "<w:gridCol w:w=\"\($0 == 0 ? name : other)\"/>" }.joined()
        return [
            DOCXWriter().paragraph("PHỤ LỤC", bold: true, center: true),
            DOCXWriter().paragraph(table.title, center: true, italic: true),
            "<w:tbl><w:tblPr><w:tblW w:w=\"14570\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>\(border)</w:tblBorders></w:tblPr>"
                + "<w:tblGrid>\(grid)</w:tblGrid>" + header + rows + "</w:tbl>",
        ]
    }

    func paragraph(
        _ text: String, bold: Bool = false, center: Bool = false, underline: Bool = false, justified: Bool = false,
        indent: Bool = false, italic: Bool = false, right: Bool = false, size: Int? = nil, spacing: Bool = true
    ) -> String {
        var properties = ""
        if center {
            properties += "<w:jc w:val=\"center\"/>"
        } else if right {
            properties += "<w:jc w:val=\"right\"/>"
        } else if justified {
            properties += "<w:jc w:val=\"both\"/>"
        }
        if indent { properties += "<w:ind w:firstLine=\"567\"/>" }
        properties +=
            spacing ? "<w:spacing w:after=\"120\"/>" : "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        var run = ""
        if bold { run += "<w:b/>" }
        if italic { run += "<w:i/>" }
        if underline { run += "<w:u w:val=\"single\"/>" }
        if let size { run += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return
            "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:rPr>\(run)</w:rPr><w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r></w:p>"
    }

    static let contentTypes = OfficeXML.contentTypes([
        ("/word/document.xml", "wordprocessingml.document.main"), ("/word/styles.xml", "wordprocessingml.styles"),
        ("/word/footer1.xml", "wordprocessingml.footer"),
    ])
    static let rootRelationships = OfficeXML.relationships([("officeDocument", "word/document.xml")])
    static let documentRelationships = OfficeXML.relationships([("styles", "styles.xml"), ("footer", "footer1.xml")])

    /// The page number, centred: Word's PAGE field (its last value «1» until the reader updates it).
    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
        """

    /// Times New Roman 14 pt (28 half-points) for everything, Vietnamese as the language.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:line="312" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        </w:styles>
        """
}

import ChiTieuCore
import Foundation

/// Writes the narrative report as a Word document laid out as administrative documents are:
/// A4, Times New Roman 14, the issuing body and the motto side by side, the title centred.
public struct DOCXWriter: Sendable {
    public init() {}

    public func document(_ report: ReviewReport) throws -> Data {
        var package = ZipPackage()
        package.add("[Content_Types].xml", Self.contentTypes)
        package.add("_rels/.rels", Self.rootRelationships)
        package.add("word/_rels/document.xml.rels", Self.documentRelationships)
        package.add("word/styles.xml", Self.styles)
        package.add("word/document.xml", body(report))
        return try package.data()
    }

    func body(_ report: ReviewReport) -> String {
        var parts: [String] = []
        // Heading: the issuing body (left) and the Party's name (right), in a borderless table.
        let issuer = report.issuer.map { paragraph($0, bold: true, center: true) }.joined()
        parts.append(
            "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
                + "<w:tr><w:tc>\(issuer)</w:tc><w:tc>\(paragraph(report.motto, bold: true, center: true, underline: true))</w:tc></w:tr></w:tbl>"
        )
        parts.append(paragraph(""))
        parts.append(paragraph(report.title, bold: true, center: true))
        parts.append(paragraph(report.subtitle, bold: true, center: true))
        parts.append(paragraph(""))
        for section in report.sections {
            if let heading = section.heading { parts.append(paragraph(heading, bold: true)) }
            for text in section.paragraphs { parts.append(paragraph(text, justified: true, indent: true)) }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            \(parts.joined())\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>\
            </w:body></w:document>
            """
    }

    private func paragraph(
        _ text: String, bold: Bool = false, center: Bool = false, underline: Bool = false, justified: Bool = false,
        indent: Bool = false
    ) -> String {
        var properties = ""
        if center {
            properties += "<w:jc w:val=\"center\"/>"
        } else if justified {
            properties += "<w:jc w:val=\"both\"/>"
        }
        if indent { properties += "<w:ind w:firstLine=\"567\"/>" }
        properties += "<w:spacing w:after=\"120\"/>"
        var run = ""
        if bold { run += "<w:b/>" }
        if underline { run += "<w:u w:val=\"single\"/>" }
        return
            "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:rPr>\(run)</w:rPr><w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r></w:p>"
    }

    static let contentTypes = OfficeXML.contentTypes([
        ("/word/document.xml", "wordprocessingml.document.main"), ("/word/styles.xml", "wordprocessingml.styles"),
    ])
    static let rootRelationships = OfficeXML.relationships([("officeDocument", "word/document.xml")])
    static let documentRelationships = OfficeXML.relationships([("styles", "styles.xml")])

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

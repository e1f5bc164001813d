/// The cell styles of the workbook, in the order of `cellXfs` (a cell's `s` is the raw value),
/// and the style sheet that defines them: Times New Roman as offices print; the table bordered;
/// numbers in Vietnamese notation whatever the reader's locale (`[$-42A]`: 4.790,86).
enum XLSXStyle: Int, CaseIterable {
    case plain, header, decimal, percent, title, integer, text, group, issuer, subtitle, signature, signatureNote

    /// Custom formats from 164: `#,##0.00`, `#,##0`, `0.00%`, each in the Vietnamese locale.
    var numberFormat: Int {
        switch self {
        case .decimal: 164
        case .integer: 165
        case .percent: 166
        default: 0
        }
    }

    /// Fonts of `sheet`: 0 regular 12 pt, 1 bold, 2 bold 14 pt, 3 italic.
    var font: Int {
        switch self {
        case .header, .group, .issuer, .signature: 1
        case .title: 2
        case .subtitle, .signatureNote: 3
        default: 0
        }
    }

    var bordered: Bool {
        switch self {
        case .header, .decimal, .percent, .integer, .text, .group: true
        default: false
        }
    }

    var wraps: Bool { self == .header || self == .text || self == .group }

    var alignment: String? {
        switch self {
        case .header: "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>"
        case .title, .subtitle, .signature, .signatureNote: "<alignment horizontal=\"center\"/>"
        case .text, .group: "<alignment vertical=\"top\" wrapText=\"1\"/>"
        case .decimal, .percent, .integer: "<alignment horizontal=\"right\" vertical=\"top\"/>"
        default: nil
        }
    }

    var xf: String {
        var attributes =
            "numFmtId=\"\(numberFormat)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"\(bordered ? 1 : 0)\" xfId=\"0\""
        if numberFormat != 0 { attributes += " applyNumberFormat=\"1\"" }
        if font != 0 { attributes += " applyFont=\"1\"" }
        if bordered { attributes += " applyBorder=\"1\"" }
        guard let alignment else { return "<xf \(attributes)/>" }
        return "<xf \(attributes) applyAlignment=\"1\">\(alignment)</xf>"
    }

    static let sheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="[$-42A]#,##0.00"/>\
        <numFmt numFmtId="165" formatCode="[$-42A]#,##0"/><numFmt numFmtId="166" formatCode="[$-42A]0.00%"/></numFmts>\
        <fonts count="4"><font><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="12"/><name val="Times New Roman"/></font>\
        <font><b/><sz val="14"/><name val="Times New Roman"/></font>\
        <font><i/><sz val="12"/><name val="Times New Roman"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="\(allCases.count)">\(allCases.map(\.xf).joined())\
        </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

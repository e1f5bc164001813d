import Foundation
import ZIPFoundation

/// A workbook package made from XML parts written in the test, as other programs write them:
/// shared strings, styles, several sheets, prefixed element names.
public enum TestWorkbook {
    public static func package(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, content) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(content.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data!
    }

    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of `sheets` (name, the `sheetData` and what follows it), with `strings` as
    /// shared strings and `styles` as `cellXfs` number formats (custom ones from 164).
    public static func make(
        sheets: [(name: String, body: String)], strings: [String] = [], numberFormats: [Int] = [0],
        customFormats: [Int: String] = [:]
    ) throws -> Data {
        var parts: [String: String] = [:]
        let sheetList = sheets.enumerated().map { n, s in
            "<sheet name=\"\(s.name)\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }.joined()
        parts["xl/workbook.xml"] =
            "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(sheetList)</sheets></workbook>"
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        parts["xl/_rels/workbook.xml.rels"] =
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
        for (n, sheet) in sheets.enumerated() {
            parts["xl/worksheets/sheet\(n + 1).xml"] =
                "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\">\(sheet.body)</worksheet>"
        }
        if !strings.isEmpty {
            let items = strings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
            parts["xl/sharedStrings.xml"] = "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(items)</sst>"
        }
        let custom = customFormats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value)\"/>" }.joined()
        let xfs = numberFormats.map { "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" }
            .joined()
        parts["xl/styles.xml"] =
            "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><numFmts>\(custom)</numFmts><cellStyleXfs><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs>\(xfs)</cellXfs></styleSheet>"
        parts["[Content_Types].xml"] =
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
        return try package(parts)
    }
}

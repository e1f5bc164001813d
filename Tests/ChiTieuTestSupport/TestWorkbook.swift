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
    public static let officeProduction = "<c r=\"E6\"><v>2400.5</v></c>"

    /// «BIỂU … 6 THÁNG NĂM 2024» of `body` («UBND HUYỆN IA THỬ»): shared strings, a merged
    /// «So sánh (%)» over «KH» and «Cùng kỳ», production in `production` (cell E6).
    public static func office(body issuer: String, production: String = officeProduction) throws -> Data {
        let strings = [
            issuer, "BIỂU KẾT QUẢ THỰC HIỆN CHỈ TIÊU 6 THÁNG NĂM 2024", "STT", "Chỉ tiêu", "ĐVT",
            "Kế hoạch năm 2024", "Ước thực hiện 6 tháng", "So sánh (%)", "KH", "Cùng kỳ", "Tổng giá trị sản xuất",
            "tỷ đồng", "Thu ngân sách trên địa bàn",
        ]
        func s(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
        let body = """
            <sheetData>\
            <row r="1">\(s("A1", 0))</row><row r="2">\(s("A2", 1))</row>\
            <row r="4">\(s("A4", 2))\(s("B4", 3))\(s("C4", 4))\(s("D4", 5))\(s("E4", 6))\(s("F4", 7))</row>\
            <row r="5">\(s("F5", 8))\(s("G5", 9))</row>\
            <row r="6"><c r="A6"><v>1</v></c>\(s("B6", 10))\(s("C6", 11))<c r="D6"><v>5000</v></c>\
            \(production)<c r="F6" s="1"><v>0.4801</v></c><c r="G6"><v>105.1</v></c></row>\
            <row r="7"><c r="A7"><v>2</v></c>\(s("B7", 12))\(s("C7", 11))<c r="D7" t="inlineStr"><is><t>24,8</t></is></c>\
            <c r="E7"><f>D7*0.6</f><v>14.88</v></c></row>\
            </sheetData><mergeCells><mergeCell ref="F4:G4"/><mergeCell ref="A4:A5"/></mergeCells>
            """
        return try make(sheets: [("Biểu", body)], strings: strings, numberFormats: [0, 10])
    }
}

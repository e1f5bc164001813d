import Foundation

/// A Word package made from a `w:body` written in the test, as Word and LibreOffice write it.
public enum TestWordDocument {
    public static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    public static func make(body: String) throws -> Data {
        try TestWorkbook.package([
            "[Content_Types].xml":
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "word/document.xml":
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(namespace)\"><w:body>\(body)</w:body></w:document>",
        ])
    }

    public static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A table of rows of cells; a cell is its text, optionally with `span` columns or a
    /// vertical merge ("restart" / "continue").
    public static func table(_ rows: [[(text: String, span: Int, merge: String?)]]) -> String {
        let body = rows.map { row in
            "<w:tr>"
                + row.map { cell in
                    var properties = ""
                    if cell.span > 1 { properties += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                    if let merge = cell.merge {
                        properties += merge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(merge)\"/>"
                    }
                    return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(cell.text))</w:tc>"
                }.joined() + "</w:tr>"
        }.joined()
        return "<w:tbl>\(body)</w:tbl>"
    }

    /// A cell of `table`.
    public static func cell(_ text: String, span: Int = 1, merge: String? = nil) -> (
        text: String, span: Int, merge: String?
    ) {
        (text, span, merge)
    }

    /// A review report: two paragraphs of prose about Kông Chro's 9 months of 2024 and an
    /// appended «Biểu» with a two-row header (merged «Thực hiện 9 tháng» and «So sánh (%)»).
    public static func report() throws -> Data {
        typealias C = TestWordDocument
        let header1 = [
            C.cell("STT", merge: "restart"), C.cell("Chỉ tiêu", merge: "restart"), C.cell("ĐVT", merge: "restart"),
            C.cell("Kế hoạch năm 2024", merge: "restart"), C.cell("Ước thực hiện 9 tháng", merge: "restart"),
            C.cell("So sánh (%)", span: 2),
        ]
        let header2 = [
            C.cell("", merge: "continue"), C.cell("", merge: "continue"), C.cell("", merge: "continue"),
            C.cell("", merge: "continue"), C.cell("", merge: "continue"), C.cell("KH"), C.cell("Cùng kỳ"),
        ]
        let rows = [
            [
                C.cell("1"), C.cell("Tổng mức bán lẻ hàng hóa"), C.cell("tỷ đồng"), C.cell("850"), C.cell("641,5"),
                C.cell("73,18"), C.cell("108,2"),
            ],
            [C.cell("2"), C.cell("Tỷ lệ hộ nghèo"), C.cell("%"), C.cell("≤ 9,5"), C.cell(""), C.cell(""), C.cell("")],
        ]
        return try make(
            body: paragraph("BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2024", style: "Heading1")
                + paragraph(
                    "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.790,86 tỷ đồng, bằng 70,76% kế hoạch, tăng 3,81% so với cùng kỳ."
                )
                + paragraph("Biểu số 01: Kết quả thực hiện các chỉ tiêu chủ yếu")
                + table([header1, header2] + rows))
    }
}

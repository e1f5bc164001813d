import CSV
import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuReport

/// The exported files are read back as Excel, Word and a browser would read them: the zip
/// opens, every XML part is well formed, and the cells and paragraphs hold the stored figures.
@Suite struct ExportTests {
    /// Kông Chro, 9 months of 2024, from the demo data; `adding` is saved before it is read.
    static func material(adding extra: (AdministrativeUnit) async throws -> DataBatch? = { _ in nil }) async throws
        -> ReviewMaterial
    {
        let repository = MemoryRepository()
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        let period = try Period.yearToDate(2024, through: 9)
        let unit = try await UnitResolver(repository: repository).resolve("Kông Chro", on: period.endDay)
        if let batch = try await extra(unit) { try await repository.save(batch) }
        return try await UnitReview(repository: repository).material(of: unit, period: period)
    }

    // MARK: XLSX

    @Test func theWorkbookHoldsEveryTargetAsNumbers() async throws {
        let material = try await Self.material()
        let table = ReportTable(material)
        let file = try OfficeFile(try XLSXWriter().workbook(table))
        #expect(
            Set(file.paths) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            ])
        for path in file.paths { _ = try XMLElements(try file.part(path)) }

        let cells = try Dictionary(
            uniqueKeysWithValues: XMLElements(try file.part("xl/worksheets/sheet1.xml")).named("c").map {
                ($0.attributes["r"]!, $0)
            })
        #expect(cells["A1"]?.text == "HUYỆN KÔNG CHRO")
        #expect(cells["A2"]?.text == "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
        #expect(cells["A3"]?.text == "Huyện Kông Chro — 9 tháng năm 2024")
        #expect(cells["A5"]?.text == "Chỉ tiêu")
        // «So sánh (%)» over «Kế hoạch» and «Cùng kỳ», as a «biểu» prints it; other titles span both rows
        #expect(cells["G5"]?.text == "So sánh (%)" && cells["G6"]?.text == "Kế hoạch" && cells["H6"]?.text == "Cùng kỳ")
        #expect(cells["A5"]?.attributes["s"] == style(.header), "header row in bold, bordered")
        #expect(cells["A6"]?.attributes["s"] == style(.header), "the merged cell's lower half bordered too")
        let sheet = try file.part("xl/worksheets/sheet1.xml")
        #expect(
            sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        #expect(sheet.contains("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"))
        #expect(sheet.contains("<mergeCell ref=\"G5:H5\"/>") && sheet.contains("<mergeCell ref=\"A5:A6\"/>"))
        #expect(!sheet.contains("<mergeCell ref=\"G5:G6\"/>"))
        #expect(try file.part("xl/workbook.xml").contains(">'Chỉ tiêu'!$5:$6</definedName>"), "header repeated")
        let signature = XLSXWriter.headerRows.upperBound + table.rows.count + 3
        #expect(cells["B\(signature)"]?.text == "NGƯỜI LẬP BIỂU")
        #expect(cells["H\(signature)"]?.text == "THỦ TRƯỞNG ĐƠN VỊ")

        let total = try #require(material.overview.all.first { $0.indicator.code == "total_production_value" })
        let row = try #require(table.rows.firstIndex { $0.first == .text(total.indicator.name) }) + 7
        #expect(cells["A\(row)"]?.text == "Tổng giá trị sản xuất")
        #expect(cells["E\(row)"]?.text == "4790.86", "the result as a number")
        #expect(cells["E\(row)"]?.attributes["s"] == style(.decimal), "two decimals, Vietnamese grouping")
        #expect(cells["E\(row)"]?.attributes["t"] == nil, "a number, not text")
        #expect(
            Double(cells["G\(row)"]?.text ?? "").map { ($0 * 10_000).rounded() } == 7076,
            "70,76% as the fraction 0.7076")
        #expect(cells["G\(row)"]?.attributes["s"] == style(.percent))
        // «tăng 3,81%» under «Cùng kỳ» is the ratio 103,81%
        #expect(Double(cells["H\(row)"]?.text ?? "").map { ($0 * 10_000).rounded() } == 10_381)
        #expect(cells["J\(row)"]?.text == total.status.label)
    }

    @Test func wholeNumbersAndDecimalsHaveTheirOwnFormats() throws {
        let styles = try XMLElements(XLSXWriter.styles)
        // cellStyleXfs' one entry first, then cellXfs in the order of the styles' raw values.
        let cellXfs = Array(styles.named("xf").dropFirst())
        #expect(cellXfs.count == XLSXWriter.Style.allCases.count)
        // The Vietnamese locale's «#,##0», «#,##0.00», «0.00%» (4.790,86 whatever the reader's).
        let formats = Dictionary(
            uniqueKeysWithValues: styles.named("numFmt").map {
                ($0.attributes["numFmtId"]!, $0.attributes["formatCode"]!)
            })
        let expected: [XLSXWriter.Style: String] = [
            .integer: "[$-42A]#,##0", .decimal: "[$-42A]#,##0.00", .percent: "[$-42A]0.00%",
        ]
        for (style, code) in expected {
            #expect(formats[cellXfs[style.rawValue].attributes["numFmtId"] ?? ""] == code, "\(style)")
        }
        #expect(cellXfs[XLSXWriter.Style.header.rawValue].attributes["fontId"] == "1", "bold")
        let table = ReportTable(title: "T", columns: ["Số", "Tiền"], rows: [[.number(1197), .number(4790.86)]])
        let cells = try XMLElements(XLSXWriter().sheet(table)).named("c")
        #expect(
            cells.map { $0.attributes["s"] }
                == [.issuer, .title, .subtitle, .header, .header, .header, .header, .integer, .decimal]
                .map(style) + [.signature, .signature, .signatureNote, .signatureNote].map(style))
    }

    @Test func textThatLooksLikeMarkupStaysText() throws {
        let table = ReportTable(
            title: "Xã <A> & \"B\"", columns: ["Chỉ tiêu"], rows: [[.text("</t><script>x</script>\u{1}")]])
        let file = try OfficeFile(try XLSXWriter().workbook(table))
        let cells = try XMLElements(try file.part("xl/worksheets/sheet1.xml")).named("c")
        #expect(
            cells.map(\.text).filter { !$0.isEmpty }.prefix(4) == [
                "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Xã <A> & \"B\"", "Chỉ tiêu", "</t><script>x</script>",
            ])
    }

    @Test func columnNamesGoPastZ() {
        #expect([0, 25, 26, 27, 701, 702].map(CellReference.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
    }

    // MARK: DOCX

    @Test func theDocumentHoldsTheNarrativeOnA4InTimesNewRoman() async throws {
        let report = NarrativeWriter().write(try await Self.material())
        let material = try await Self.material()
        let file = try OfficeFile(try DOCXWriter().document(report, appendix: ReportTable(material)))
        for path in file.paths { _ = try XMLElements(try file.part(path)) }
        let document = try XMLElements(try file.part("word/document.xml"))
        let paragraphs = document.named("w:p").map(\.text).filter { !$0.isEmpty }
        var expected =
            report.issuer + ["*", "Số        -BC/HU", report.motto, "Kông Chro, ngày      tháng      năm 2024"]
        expected += [report.title, report.subtitle]
        for section in report.sections { expected += (section.heading.map { [$0] } ?? []) + section.paragraphs }
        expected += [
            "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy Gia Lai (để báo cáo),", "- Các đồng chí ủy viên Ban Chấp hành,",
            "- Lưu Văn phòng Huyện ủy.", "T/M BAN THƯỜNG VỤ", "(Ký tên, đóng dấu)", "PHỤ LỤC",
            "Huyện Kông Chro — 9 tháng năm 2024",
        ]
        #expect(Array(paragraphs.prefix(expected.count)) == expected)
        // the appendix: the table of targets, its header repeated on every page
        #expect(paragraphs.dropFirst(expected.count).prefix(3) == ["Chỉ tiêu", "Đơn vị tính", "Cấp giao"])
        #expect(paragraphs.contains("4.790,86"))
        #expect(document.named("w:tblHeader").count == 1)
        let sections = document.named("w:pgSz")
        #expect(sections.map { $0.attributes["w:orient"] } == [nil, "landscape"], "the appendix on landscape pages")
        #expect(document.named("w:footerReference").map { $0.attributes["r:id"] } == ["rId2", "rId2"])
        #expect(try file.part("word/footer1.xml").contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(try file.part("word/_rels/document.xml.rels").contains("Target=\"footer1.xml\""))
        #expect(paragraphs.contains { $0.contains("4.790,86 tỷ đồng") && $0.contains("70,76% kế hoạch") })
        let page = try #require(sections.first)
        #expect(page.attributes["w:w"] == "11906" && page.attributes["w:h"] == "16838", "A4 in twentieths of a point")
        let styles = try XMLElements(try file.part("word/styles.xml"))
        #expect(styles.named("w:rFonts").first?.attributes["w:ascii"] == "Times New Roman")
        #expect(styles.named("w:sz").first?.attributes["w:val"] == "28", "14 pt in half-points")
    }

    // MARK: CSV and HTML

    @Test func theCSVStartsWithAByteOrderMarkAndReadsBack() async throws {
        let table = ReportTable(try await Self.material())
        let csv = try table.csv()
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        let reader = try CSVReader(string: String(csv.dropFirst()), hasHeaderRow: true)
        #expect(reader.headerRow == table.columns)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == table.rows.count)
        let total = try #require(rows.first { $0.first == "Tổng giá trị sản xuất" })
        #expect(total[4] == "4.790,86")
        #expect(total[6] == "70,76")
    }

    @Test func thePrintablePageIsA4InTimesNewRoman14() async throws {
        let material = try await Self.material()
        let page = PrintableHTML().page(NarrativeWriter().write(material), table: ReportTable(material))
        #expect(page.contains("@page { size: A4;"))
        #expect(page.contains("font-family: \"Times New Roman\""))
        #expect(page.contains("font-size: 14pt"))
        #expect(page.contains("<h3>Phụ lục: Huyện Kông Chro — 9 tháng năm 2024</h3>"))
        #expect(page.contains("<td class=\"n\">4.790,86</td>"))
    }

    @Test func thePrintablePageEscapesStoredText() {
        let report = ReviewReport(
            issuer: ["HUYỆN <B>"], motto: "M", title: "T", subtitle: "S",
            sections: [.init(heading: "1. <i>", paragraphs: ["a <script>alert(1)</script> & b"])])
        let page = PrintableHTML().page(report)
        #expect(!page.contains("<script>"))
        #expect(page.contains("a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b"))
        #expect(page.contains("<b>HUYỆN &lt;B&gt;</b>"))
    }
}

/// The `s` attribute of a cell in `style`.
private func style(_ style: XLSXWriter.Style) -> String? { "\(style.rawValue)" }

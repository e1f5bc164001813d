import ChiTieuCore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuOffice

@Suite("Word documents: paragraphs in order, headings, tables as sheets with merged cells")
struct WordDocumentTests {
    @Test func paragraphsAndTablesComeInOrder() throws {
        let document = try WordDocument(data: try TestWordDocument.report(), fileName: "bao-cao.docx")
        #expect(document.blocks.count == 4)
        #expect(document.blocks[0] == .paragraph("BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2024", heading: true))
        #expect(document.prose.hasPrefix("BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2024\nTrong 9 tháng năm 2024, huyện Kông Chro"))
        #expect(!document.prose.contains("Tổng mức bán lẻ"))
        let table = try #require(document.tables.first)
        #expect(table.name == "Bảng 1")
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
        #expect(
            table.row(3)?.cells.map(\.text) == [
                "1", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "850", "641,5", "73,18", "108,2",
            ])
        // «So sánh (%)» spans F–G; «STT» runs down two rows
        #expect(table.cell(CellReference(row: 1, column: 6))?.text == "So sánh (%)")
        #expect(table.cell(CellReference(row: 2, column: 0))?.text == "STT")
        #expect(table.row(2)?.cells.map(\.text) == ["KH", "Cùng kỳ"])
        #expect(table.row(2)?.cells.map(\.column) == [5, 6])
    }

    @Test func runsTabsAndBreaksMakeTheParagraphsText() throws {
        let body =
            "<w:p><w:r><w:t>Thu ngân sách</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\"> đạt 36 tỷ</w:t></w:r><w:r><w:br/><w:t>đồng.</w:t></w:r></w:p><w:p/>"
        let document = try WordDocument(data: try TestWordDocument.make(body: body), fileName: "a.docx")
        #expect(document.blocks == [.paragraph("Thu ngân sách\t đạt 36 tỷ\nđồng.", heading: false)])
    }

    @Test func aPackageWithoutADocumentIsRefused() throws {
        let book = try TestWorkbook.make(sheets: [("A", "<sheetData/>")])
        #expect(throws: OfficeFileError.damaged("so.docx", "thiếu phần word/document.xml")) {
            try WordDocument(data: book, fileName: "so.docx")
        }
    }
}

@Suite("PDF text through pdftotext")
struct PDFTextTests {
    static var hasTool: Bool { ExternalTool.pdftotext.path != nil }

    @Test func linesBrokenByThePageAreOneSentenceAgain() {
        let page = """
            BÁO CÁO KẾT QUẢ 9
            THÁNG NĂM 2024
            Tổng giá trị sản xuất ước đạt 4.812,5 tỷ đồng, bằng 71,08% kế
            hoạch, tăng 4,29% so với cùng kỳ.

            Thu ngân sách đạt 26,1 tỷ đồng.
            1   Tổng mức bán lẻ     tỷ đồng    622
            """
        #expect(
            PDFText.unwrapped(page) == """
                BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2024
                Tổng giá trị sản xuất ước đạt 4.812,5 tỷ đồng, bằng 71,08% kế hoạch, tăng 4,29% so với cùng kỳ.

                Thu ngân sách đạt 26,1 tỷ đồng.
                1   Tổng mức bán lẻ     tỷ đồng    622
                """)
    }

    @Test func aTextLayerIsReadAndAScannedPageIsRefused() throws {
        guard Self.hasTool else {
            #expect(throws: OfficeFileError.missingTool("pdftotext", package: "poppler-utils")) {
                try PDFText.read(TestPDF.make(text: "x"), fileName: "a.pdf")
            }
            return
        }
        let text = try PDFText.read(TestPDF.make(text: "Thu ngan sach dat 36 ty dong"), fileName: "bao-cao.pdf")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "Thu ngan sach dat 36 ty dong")
        #expect(throws: OfficeFileError.scannedPDF("quet.pdf")) {
            try PDFText.read(TestPDF.make(text: nil), fileName: "quet.pdf")
        }
        #expect(throws: OfficeFileError.damaged("hong.pdf", "pdftotext không đọc được tệp")) {
            try PDFText.read(Data("%PDF-1.4\nrác".utf8), fileName: "hong.pdf")
        }
        #expect(throws: OfficeFileError.notAPDF("a.pdf")) { try PDFText.read(Data("abc".utf8), fileName: "a.pdf") }
    }
}

import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuIngest

/// A Word report's prose is read as prose and its appended «Biểu» as a table: the table's
/// results and plans join the prose's, each pointing at its row in the text.
@Suite struct SourceDocumentTests {
    let extractor = Extractor(catalogue: try! StandardCatalogue.load(), currentYear: 2026)

    @Test func aWordReportGivesItsProseAndItsTablesFigures() throws {
        let document = try SourceDocument.read(try TestWordDocument.report(), name: "bao-cao-9-thang.docx")
        #expect(
            document.text.contains(
                "\n\nBảng 1\nSTT | Chỉ tiêu | ĐVT | Kế hoạch năm 2024 | Ước thực hiện 9 tháng | So sánh (%)\n"))
        let result = document.extract(with: extractor)
        #expect(result.period == (try Period(year: 2024, fromMonth: 1, toMonth: 9)))
        #expect(result.unit?.name == "Kông Chro")
        let production = try #require(result.observations.first { $0.indicatorCode == "total_production_value" })
        #expect(production.value == 4790.86 && production.percentOfPlan == 70.76)
        let retail = try #require(result.observations.first { $0.indicatorCode == "retail_sales" })
        #expect(retail.value == 641.5 && retail.estimated && retail.percentOfPlan == 73.18)
        #expect(retail.growthPercent.map { ($0 * 100).rounded() / 100 } == 8.2)
        let scalars = Array(document.text.unicodeScalars)
        let row = String(String.UnicodeScalarView(scalars[retail.span.start..<retail.span.end]))
        #expect(row == "1 | Tổng mức bán lẻ hàng hóa | tỷ đồng | 850 | 641,5 | 73,18 | 108,2")
        let targets = result.targets.map {
            "\($0.indicatorCode ?? "?") \($0.year) \($0.value) \($0.qualifier?.rawValue ?? "")"
        }
        #expect(targets.contains("retail_sales 2024 850.0 "))
        #expect(targets.contains("poverty_rate 2024 9.5 <"))
    }

    @Test func plainTextIsReadAsItIsAndOtherFilesAreNamed() throws {
        let text = try SourceDocument.read(Data("Thu ngân sách đạt 36 tỷ đồng.".utf8), name: "a.txt")
        #expect(text.text == "Thu ngân sách đạt 36 tỷ đồng.")
        #expect(throws: DocumentFileError.self) { try SourceDocument.read(Data([0x41, 0, 0x42]), name: "b.bin") }
        #expect(throws: DocumentFileError.notUTF8("c.txt")) {
            try SourceDocument.read(Data([0xC3, 0x28]), name: "c.txt")
        }
    }

    /// A text typed with combining marks (NFD, as some editors save it) has more scalars than
    /// its NFC form; it is read whole, to its last sentence.
    @Test func aDecomposedTextIsReadToItsEnd() throws {
        let text = """
            Tổng giá trị sản xuất ước đạt 4.790,86 tỷ đồng, bằng 70,76% kế hoạch. \
            Tổng thu ngân sách nhà nước trên địa bàn ước đạt 37,5 tỷ đồng, bằng 85% dự toán.
            """.decomposedStringWithCanonicalMapping
        #expect(text.unicodeScalars.count > text.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        let result = SourceDocument(text: text, name: "nfd.txt").extract(with: extractor)
        #expect(result.observations.map(\.value) == [4790.86, 37.5])
    }
}

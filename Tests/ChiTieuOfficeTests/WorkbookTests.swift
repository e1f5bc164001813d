import ChiTieuCore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuOffice

@Suite("Workbooks: cells, shared and inline texts, percent formats, merged ranges, formulas")
struct WorkbookTests {
    @Test func cellsAreReadAsTheyAreShown() throws {
        let body = """
            <sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>4790.86</v></c><c r="D3" s="1"><v>0.7076</v></c>\
            <c r="E3" t="inlineStr"><is><r><t>tỷ </t></r><r><t>đồng</t></r></is></c>\
            <c r="F3"><f>C3*2</f><v>9581.72</v></c><c r="G3"><f>C3/0</f></c><c r="H3" t="e"><v>#DIV/0!</v></c>\
            <c r="I3" t="b"><v>1</v></c><c r="J3" s="2"><v>45566</v></c></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>
            """
        let data = try TestWorkbook.make(
            sheets: [("Biểu 01", body)], strings: ["BIỂU TỔNG HỢP", "Tổng giá trị sản xuất"],
            numberFormats: [0, 10, 164], customFormats: [164: "dd/mm/yyyy"])
        let workbook = try Workbook(data: data, fileName: "bieu.xlsx")
        let sheet = try workbook.sheet(named: "bieu 01")
        #expect(sheet.rows.map(\.number) == [1, 3])
        let row = try #require(sheet.row(3))
        #expect(row.cell(0)?.value == .text("Tổng giá trị sản xuất"))
        #expect(row.cell(2)?.value == .number(4790.86))
        #expect(row.cell(3) == SheetCell(column: 3, value: .number(0.7076), format: .percent))
        #expect(row.cell(4)?.value == .text("tỷ đồng"))
        #expect(row.cell(5)?.value == .number(9581.72))
        #expect(row.cell(6)?.value == .formulaWithoutValue("C3/0"))
        #expect(row.cell(7)?.value == .error("#DIV/0!"))
        #expect(row.cell(8)?.value == .boolean(true))
        #expect(row.cell(9)?.format == .date)
        // a merged title heads every cell it covers
        #expect(sheet.cell(CellReference(row: 1, column: 4))?.value == .text("BIỂU TỔNG HỢP"))
        #expect(sheet.cell(CellReference(row: 2, column: 4)) == nil)
    }

    @Test func sheetsComeInTheWorkbooksOrderAndAMissingOneIsNamed() throws {
        let data = try TestWorkbook.make(sheets: [
            ("Kế hoạch", "<sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row></sheetData>"),
            ("Thực hiện", "<sheetData/>"),
        ])
        let workbook = try Workbook(data: data, fileName: "so.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Kế hoạch", "Thực hiện"])
        // cells and rows without references follow one another
        #expect(
            workbook.sheets[0].rows == [
                SheetRow(
                    number: 1,
                    cells: [SheetCell(column: 0, value: .text("a")), SheetCell(column: 1, value: .number(2))])
            ])
        #expect(throws: OfficeFileError.noSheet("so.xlsx", "Biểu 2")) { try workbook.sheet(named: "Biểu 2") }
    }

    @Test func formatCodesTellPercentsAndDatesOutsideQuotes() {
        #expect(CellStylesReader.classify("0.00%") == .percent)
        #expect(CellStylesReader.classify("#,##0.00\" %\"") == .general)
        #expect(CellStylesReader.classify("dd/mm/yyyy") == .date)
        #expect(CellStylesReader.classify("[$-42A]#,##0.00") == .general)
        #expect(CellStylesReader.classify("#,##0") == .general)
    }

    @Test func referencesAndRanges() throws {
        #expect(CellReference("D12") == CellReference(row: 12, column: 3))
        #expect(CellReference("AB1")?.column == 27)
        #expect(CellReference("$C$4") == CellReference(row: 4, column: 2))
        #expect(CellReference("12D") == nil)
        #expect(CellReference("ABCD1") == nil)
        #expect(CellReference(row: 7, column: 27).name == "AB7")
        let range = try #require(CellRange("B2:D3"))
        #expect(range.contains(CellReference(row: 3, column: 3)))
        #expect(!range.contains(CellReference(row: 4, column: 3)))
    }

    @Test func aWorkbookPastTheCellLimitIsRefusedAndItsReadingStopsThere() throws {
        // 2 sheets of 3 rows × 2 cells: 12 cells; a limit of 8 is passed in the second sheet
        let rows = (1...3).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c r=\"B\($0)\"><v>2</v></c></row>" }
        let sheet = "<sheetData>\(rows.joined())</sheetData>"
        let book = try TestWorkbook.make(sheets: [("Một", sheet), ("Hai", sheet)])
        #expect(try Workbook(data: book, fileName: "so.xlsx", cellLimit: 12).sheets.count == 2)
        let error = try #require(throws: OfficeFileError.self) {
            try Workbook(data: book, fileName: "so.xlsx", cellLimit: 8)
        }
        #expect(error == .tooManyCells("so.xlsx", 8))
        #expect(
            OfficeFileError.tooManyCells("lon.xlsx", Workbook.cellLimit).message
                == "Sổ «lon.xlsx» có hơn 1.000.000 ô có dữ liệu: quá lớn để đọc một lần. "
                + "Hãy chia thành nhiều sổ, hoặc lưu trang tính thành tệp CSV để nhập.")
        // the reader stops at the first cell past the limit, not at the end of the part
        let reader = SheetReader(strings: [], formats: [], limit: 3)
        #expect(reader.read(Data(sheet.utf8)) == nil && reader.limitReached)
        #expect(reader.cellCount == 4 && reader.rows.map(\.number) == [1, 2], "row 3 not read")
    }

    @Test func filesThatAreNotWorkbooksAreRefusedWithWhatToDo() throws {
        #expect(throws: OfficeFileError.notAnOfficeFile("a.xlsx")) {
            try Workbook(data: Data("Loại,Đơn vị\n".utf8), fileName: "a.xlsx")
        }
        // an .xls where LibreOffice is not installed: what to install, or how to save it instead
        let compound = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let missing = ExternalTool(name: "LibreOffice", package: "libreoffice-calc-nogui", candidates: [])
        let legacy = try #require(throws: OfficeFileError.self) {
            try LegacyOfficeFile.converted(compound, fileName: "cu.xls", to: .workbook, with: missing)
        }
        #expect(legacy == .legacyFormat("cu.xls", "xls"))
        #expect(
            legacy.message.contains("sổ Excel kiểu cũ (.xls)")
                && legacy.message.contains("«Lưu thành» sổ Excel (.xlsx)"))
        // a workbook saved with a password: the encrypted package's stream named in the directory
        let encrypted = compound + Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: OfficeFileError.passwordProtected("mat-khau.xlsx")) {
            try Workbook(data: encrypted, fileName: "mat-khau.xlsx")
        }
        #expect(throws: OfficeFileError.passwordProtected("mat-khau.docx")) {
            try WordDocument(data: encrypted, fileName: "mat-khau.docx")
        }
        // a zip cut in half
        let whole = try TestWorkbook.make(sheets: [("A", "<sheetData/>")])
        #expect(throws: OfficeFileError.self) {
            try Workbook(data: whole.prefix(whole.count / 2), fileName: "cut.xlsx")
        }
        // a zip that is not a workbook
        let other = try TestWorkbook.package(["word/document.xml": "<w:document/>"])
        #expect(throws: OfficeFileError.damaged("b.xlsx", "thiếu phần xl/_rels/workbook.xml.rels")) {
            try Workbook(data: other, fileName: "b.xlsx")
        }
        let broken = try TestWorkbook.make(sheets: [("A", "<sheetData><row><c></row></sheetData>")])
        let error = try #require(throws: OfficeFileError.self) { try Workbook(data: broken, fileName: "c.xlsx") }
        #expect(error.message.hasPrefix("Tệp «c.xlsx» bị hỏng: phần xl/worksheets/sheet1.xml: XML hỏng ở dòng 1"))
    }
}

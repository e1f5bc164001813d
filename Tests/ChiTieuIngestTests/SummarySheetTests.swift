import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuIngest

/// An office's "biểu" as a clerk lays it out, built cell by cell here (the workbook reader has
/// its own tests): read back to the table rows chitieu stores.
@Suite struct SummarySheetTests {
    /// Rows of cells: a String is a text, a Double a number, nil an empty cell.
    static func sheet(_ rows: [(Int, [Any?])], merged: [String] = [], percentColumns: Set<Int> = []) -> Sheet {
        Sheet(
            name: "Biểu 01",
            rows: rows.map { number, values in
                SheetRow(
                    number: number,
                    cells: values.enumerated().compactMap { column, value in
                        switch value {
                        case let text as String: SheetCell(column: column, value: .text(text))
                        case let number as Double:
                            SheetCell(
                                column: column, value: .number(number),
                                format: percentColumns.contains(column) ? .percent : .general)
                        default: nil
                        }
                    })
            }, merged: merged.compactMap { CellRange($0) })
    }

    static let office = sheet(
        [
            (1, ["UBND HUYỆN KÔNG CHRO", nil, nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
            (2, [nil, nil, nil, nil, "Kông Chro, ngày 25 tháng 9 năm 2024"]),
            (3, ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024"]),
            (5, ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng", "So sánh (%)", nil, "Ghi chú"]),
            (6, [nil, nil, nil, nil, nil, "KH", "Cùng kỳ"]),
            (7, ["A", "B", "C", "1", "2", "3=2/1", "4"]),
            (8, ["I", "KINH TẾ"]),
            (9, ["1", "Tổng giá trị sản xuất", "tỷ đồng", 6770.58, 4790.86, 0.7076, 1.0381]),
            (10, ["2", "Thu ngân sách nhà nước", "tỷ đồng", "24,8", "25,3", nil, nil, "vượt dự toán"]),
            (11, [nil, "trên địa bàn"]),
            (12, ["II", "XÃ HỘI"]),
            (13, ["3", "Tỷ lệ hộ nghèo", "%", "≤ 3,5"]),
            (14, ["4", "Số xã đạt chuẩn nông thôn mới", "xã"]),
        ], merged: ["A1:C1", "E1:H1", "A3:H3", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:G5", "H5:H6"],
        percentColumns: [5, 6])

    func records(_ table: ImportTable) -> [[String: String]] {
        table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.header, row.fields).filter { !$0.1.isEmpty })
        }
    }

    @Test func theTitleBlockHeadersAndRowsBecomeTableRows() throws {
        let layout = try #require(SummarySheet(Self.office))
        #expect(layout.titleUnit == "HUYỆN KÔNG CHRO")
        #expect((layout.titleYear, layout.titleMonths) == (2024, 9))
        #expect(
            layout.columns.map(\.role) == [
                .number, .name, .measureUnit, .plan(year: 2024), .result(year: nil, toMonth: 9, estimated: false),
                .percentOfPlan, .ratioToLastYear, .note,
            ])
        let table = try layout.table(SummarySheet.Options()).table
        let rows = records(table)
        #expect(rows.count == 5)
        #expect(
            rows[0] == [
                "Loại": "kế hoạch", "Đơn vị": "HUYỆN KÔNG CHRO", "Chỉ tiêu": "Tổng giá trị sản xuất", "Năm": "2024",
                "Giá trị": "6770,58", "Đơn vị tính": "tỷ đồng", "STT": "1",
            ])
        #expect(
            rows[1] == [
                "Loại": "kết quả", "Đơn vị": "HUYỆN KÔNG CHRO", "Chỉ tiêu": "Tổng giá trị sản xuất", "Năm": "2024",
                "Từ tháng": "1", "Đến tháng": "9", "Giá trị": "4790,86", "% kế hoạch": "70,76",
                "Tăng trưởng (%)": "3,81",
                "Đơn vị tính": "tỷ đồng", "STT": "1",
            ])
        // the name continued on the next row, numbers typed as text
        #expect(rows[2]["Chỉ tiêu"] == "Thu ngân sách nhà nước trên địa bàn")
        #expect(rows[2]["Giá trị"] == "24,8")
        #expect(rows[3]["Giá trị"] == "25,3")
        // «≤ 3,5» is at most 3,5; a target with no figure gives no row
        #expect(rows[4]["Giá trị"] == "3,5" && rows[4]["So sánh"] == "<=")
        #expect(table.rows[1].place == "trang «Biểu 01», dòng 9")
        #expect(table.rows[1].cellNames[.value] == "E: Thực hiện 9 tháng")
        #expect(table.headerPlace == "trang «Biểu 01», dòng 5")
    }

    @Test func groupRowsAreKeptForATargetSet() throws {
        let layout = try #require(SummarySheet(Self.office))
        let rows = records(try layout.table(SummarySheet.Options(headings: true)).table)
        #expect(
            rows.filter { $0["Loại"] == nil }.map { "\($0["STT"] ?? "") \($0["Chỉ tiêu"] ?? "")" } == [
                "I KINH TẾ", "II XÃ HỘI",
            ])
    }

    @Test func whatTheCommandSaysWinsOverTheTitle() throws {
        let layout = try #require(SummarySheet(Self.office))
        let rows = records(try layout.table(SummarySheet.Options(unit: "xã Yang Trung", year: 2025, toMonth: 6)).table)
        #expect(rows[1]["Đơn vị"] == "xã Yang Trung")
        #expect(rows[1]["Năm"] == "2025" && rows[1]["Đến tháng"] == "9")  // the column says 9 months
        #expect(rows[0]["Năm"] == "2024")  // and the plan column its year
    }

    @Test func aSheetWithoutUnitOrPeriodSaysWhatToAdd() throws {
        let sheet = Self.sheet([
            (1, ["TT", "Nội dung", "Thực hiện"]),
            (2, ["1", "Tổng giá trị sản xuất", 12.5]),
        ])
        let layout = try #require(SummarySheet(sheet))
        let error = try #require(throws: StoreError.self) { try layout.table(SummarySheet.Options()) }
        #expect(error.message.contains("Trang «Biểu 01»: không rõ đơn vị"))
        #expect(error.message.contains("--year"))
        #expect(error.message.contains("--to-month"))
        let rows = records(try layout.table(SummarySheet.Options(unit: "Kông Chro", year: 2024, toMonth: 6)).table)
        #expect(
            rows == [
                [
                    "Loại": "kết quả", "Đơn vị": "Kông Chro", "Chỉ tiêu": "Tổng giá trị sản xuất", "Năm": "2024",
                    "Từ tháng": "1", "Đến tháng": "6", "Giá trị": "12,5", "STT": "1",
                ]
            ])
    }

    @Test func aFormulaWithoutItsValueIsNamedByCell() throws {
        var rows = Self.office.rows
        rows[7] = SheetRow(
            number: 9,
            cells: [
                SheetCell(column: 0, value: .text("1")), SheetCell(column: 1, value: .text("Tổng giá trị sản xuất")),
                SheetCell(column: 4, value: .formulaWithoutValue("SUM(E10:E12)")),
            ])
        let sheet = Sheet(name: "Biểu 01", rows: rows, merged: Self.office.merged)
        let error = try #require(throws: StoreError.self) {
            try #require(SummarySheet(sheet)).table(SummarySheet.Options())
        }
        #expect(error.message.contains("Trang «Biểu 01», ô E9: công thức =SUM(E10:E12) chưa có kết quả lưu"))
    }

    @Test func headersNameTheirRoles() {
        #expect(SummaryRole.of("Ước thực hiện năm 2024") == .yearEstimate(year: 2024))
        #expect(SummaryRole.of("Ước TH 6 tháng đầu năm") == .result(year: nil, toMonth: 6, estimated: true))
        #expect(SummaryRole.of("Thực hiện cùng kỳ năm 2023") == .lastYear(year: 2023, toMonth: nil))
        #expect(SummaryRole.of("Tăng, giảm so với cùng kỳ (%)") == .growth)
        #expect(SummaryRole.of("Tỷ lệ % so với KH") == .percentOfPlan)
        #expect(SummaryRole.of("Dự toán năm 2024") == .plan(year: 2024))
        #expect(SummaryRole.of("Thực hiện quý III") == .result(year: nil, toMonth: 9, estimated: false))
        #expect(SummaryRole.of("Tên chỉ tiêu") == .name)
        #expect(SummaryRole.of("Đơn vị tính") == .measureUnit)
        #expect(SummaryRole.of("Người phụ trách") == nil)
    }

    @Test func anEarlierYearsFigureKeepsItsYear() throws {
        #expect(SummarySheet.earlierYear("72 (năm 2023)").map { "\($0.0) \($0.1)" } == "72 2023")
        #expect(SummarySheet.earlierYear("72 (ước)") == nil)
        let sheet = Self.sheet([
            (1, ["Xã Ia Thử — 9 tháng năm 2024"]),
            (2, ["Chỉ tiêu", "Kế hoạch", "Kết quả"]),
            (3, ["Kết nạp đảng viên mới", 80.0, "72 (năm 2023)"]),
        ])
        let rows = records(try #require(SummarySheet(sheet)).table(SummarySheet.Options()).table)
        #expect(rows[1]["Năm"] == "2023" && rows[1]["Đến tháng"] == "12" && rows[1]["Giá trị"] == "72")
        #expect(rows[1]["Đơn vị"] == "Xã Ia Thử")
    }

    @Test func numbersAreWrittenTheVietnameseWay() {
        #expect(SheetFields.number(4790.86) == "4790,86")
        #expect(SheetFields.number(0.7076 * 100) == "70,76")
        #expect(SheetFields.number(2024) == "2024")
        #expect(SheetFields.number(-3.5) == "-3,5")
        #expect(SheetFields.number(0.000012) == "0,000012")
        #expect(VietnameseNumber.parse(SheetFields.number(1_234_567.5)) == 1_234_567.5)
    }
}

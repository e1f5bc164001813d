import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuIngest

/// A workbook file, as bytes, through the importer into a store: the same checks, versions and
/// provenance as a CSV file.
@Suite struct WorkbookImportTests {
    static func officeWorkbook(production: String = TestWorkbook.officeProduction) throws -> Data {
        try TestWorkbook.office(body: "UBND HUYỆN IA THỬ", production: production)
    }

    private func withStore(_ body: (SQLRepository) async throws -> Void) async throws {
        let path = TemporaryPath()
        defer { path.remove() }
        let repository = try await SQLRepository.openSQLite(path: path.path)
        try await repository.ensureCatalogue()
        var units = DataBatch()
        units.addUnit(.district, "Ia Thử")
        do {
            try await repository.save(units)
            try await body(repository)
        } catch {
            await repository.close()
            throw error
        }
        await repository.close()
    }

    @Test func anOfficeWorkbookIsStoredWithItsPercentAndGrowth() async throws {
        try await withStore { repository in
            let read = try WorkbookTables.read(try Self.officeWorkbook(), fileName: "bieu-6-thang.xlsx")
            #expect(read.reading.contains("cột E: Ước thực hiện 6 tháng → ước thực hiện 6 tháng năm 2024"))
            let catalogue = try await repository.storedCatalogue(location: "test")
            let batch = try await TableImporter(repository: repository, catalogue: catalogue)
                .batch(table: read.table, document: "bieu-6-thang.xlsx")
            let summary = try await repository.save(batch)
            #expect(summary.targetsAdded == 2 && summary.observationsAdded == 2)
            let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
            let results = try await repository.observations(unitIDs: [unit.id], years: 2024...2024)
            let production = try #require(results.first { $0.indicatorCode == "total_production_value" })
            #expect(production.value == 2400.5)
            #expect(production.period == (try Period(year: 2024, fromMonth: 1, toMonth: 6)))
            #expect(production.estimated)
            #expect(production.statedPercentOfPlan == 48.01)
            #expect(production.statedGrowthPercent.map { ($0 * 100).rounded() / 100 } == 5.1)
            #expect(production.source.document == "bieu-6-thang.xlsx")
        }
    }

    @Test func aWrongCellIsNamedBySheetRowAndColumnAndNothingIsStored() async throws {
        try await withStore { repository in
            let bad = try Self.officeWorkbook(production: "<c r=\"E6\"><f>E9</f></c>")
            let error = try #require(throws: StoreError.self) { try WorkbookTables.read(bad, fileName: "b.xlsx") }
            #expect(error.message.contains("Trang «Biểu», ô E6: công thức =E9 chưa có kết quả lưu"))
            let text = try Self.officeWorkbook(production: "<c r=\"E6\" t=\"inlineStr\"><is><t>hai nghìn</t></is></c>")
            let read = try WorkbookTables.read(text, fileName: "c.xlsx")
            let catalogue = try await repository.storedCatalogue(location: "test")
            let refused = try await #require(throws: StoreError.self) {
                try await TableImporter(repository: repository, catalogue: catalogue).batch(
                    table: read.table, document: "c.xlsx")
            }
            #expect(
                refused.message.contains(
                    "Trang «Biểu», dòng 6, cột «E: Ước thực hiện 6 tháng»: «hai nghìn» không phải là số"))
            let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
            #expect(try await repository.observations(unitIDs: [unit.id], years: 2024...2024).isEmpty)
        }
    }

    @Test func aWorkbookWithoutATableSaysWhatItLooksFor() throws {
        let data = try TestWorkbook.make(sheets: [
            (
                "Ghi chú",
                "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Danh sách cán bộ</t></is></c></row></sheetData>"
            ),
            ("Trống", "<sheetData/>"),
        ])
        let error = try #require(throws: StoreError.self) { try WorkbookTables.read(data, fileName: "ds.xlsx") }
        #expect(error.message.contains("Tệp «ds.xlsx»: không thấy bảng chỉ tiêu ở trang «Ghi chú», «Trống»"))
        #expect(throws: OfficeFileError.noSheet("ds.xlsx", "Biểu 1")) {
            try WorkbookTables.read(data, fileName: "ds.xlsx", options: WorkbookOptions(sheet: "Biểu 1"))
        }
    }
}

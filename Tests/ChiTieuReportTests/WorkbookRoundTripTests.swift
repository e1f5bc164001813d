import ChiTieuCore
import ChiTieuIngest
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuReport

/// The workbook `chitieu report --format xlsx` writes is read back by the importer: each
/// annual plan and result of the table comes back with its value, percent and growth.
@Suite struct WorkbookRoundTripTests {
    @Test func theReportWorkbookImportsBackToItsFigures() async throws {
        let material = try await ExportTests.material()
        let data = try XLSXWriter().workbook(ReportTable(material))
        let read = try WorkbookTables.read(data, fileName: "bao-cao.xlsx")
        #expect(read.reading.first == "biểu của Huyện Kông Chro (theo phần đầu biểu)")
        #expect(read.reading.contains("kỳ: 9 tháng năm 2024"))
        #expect(read.reading.contains { $0.contains("tiêu đề cột ở dòng 5–6") }, "the two-row header read as one")

        let repository = MemoryRepository()
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        let catalogue = try await repository.storedCatalogue(location: "test")
        let batch = try await TableImporter(repository: repository, catalogue: catalogue)
            .batch(table: read.table, document: "bao-cao.xlsx")
        let annual = material.overview.annual
        #expect(annual.count >= 5 && batch.targets.count == annual.count)
        // a figure worked out from a stated percent («hoàn thành 100% chỉ tiêu») is printed, and so read back
        #expect(batch.observations.count == annual.filter { ($0.value ?? $0.achieved) != nil }.count)
        let terms = material.overview.term
        #expect(!terms.isEmpty && read.reading.filter { $0.contains("là chỉ tiêu nhiệm kỳ") }.count == terms.count)
        for a in annual {
            let plan = batch.targets.map(\.item).first { $0.indicatorCode == a.indicator.code }
            #expect(plan?.bound.reference(for: a.indicator.direction) == a.targetValue, "\(a.indicator.name)")
            if a.value == nil, let achieved = a.achieved, let year = a.achievedThrough {
                let earlier = batch.observations.map(\.item).first { $0.indicatorCode == a.indicator.code }
                let wholeYear = try Period(year: year, fromMonth: 1, toMonth: 12)
                #expect(earlier?.value == achieved && earlier?.period == wholeYear)
            }
            guard let value = a.value ?? a.achieved else { continue }
            let result = try #require(batch.observations.map(\.item).first { $0.indicatorCode == a.indicator.code })
            #expect(result.value == value, "\(a.indicator.name)")
            #expect(result.period == material.period)
            #expect(result.estimated == a.estimated)
            if let growth = a.growthPercent {
                #expect(abs((result.statedGrowthPercent ?? .nan) - growth) < 0.005, "\(a.indicator.name)")
            }
        }
    }
}

import ChiTieuCore
import ChiTieuStore
import Testing

@testable import ChiTieuReport

/// A report of a unit with a target set prints the set's numbering and groups and names the
/// set in its tally.
@Suite struct TargetSetReportTests {
    static let title = "Kế hoạch phát triển kinh tế - xã hội năm 2024"

    /// Kông Chro's demo data, 9 months of 2024, with a set of two of its annual plans.
    static func material() async throws -> ReviewMaterial {
        try await ExportTests.material { unit in
            let plans = DemoDataSet.batch().targets.map(\.item).filter(\.isAnnual)
            let production = try #require(plans.first { $0.indicatorCode == "total_production_value" })
            let budget = try #require(plans.first { $0.indicatorCode == "budget_revenue" })
            var batch = DataBatch()
            batch.add(
                TargetSet(
                    unitID: unit.id, scope: .year(2024), title: title,
                    items: [.init(budget, number: "1", heading: "I. NGÂN SÁCH"), .init(production, number: "2")]))
            return batch
        }
    }

    @Test func theTableCarriesSTTAndGroupRowsAndTheTallyNamesTheSet() async throws {
        let material = try await Self.material()
        let table = ReportTable(material)
        #expect(table.columns.prefix(2) == ["STT", "Chỉ tiêu"])
        #expect(table.rows[0].prefix(2) == [.text(""), .text("I. NGÂN SÁCH")])
        #expect(table.rows[1].prefix(2) == [.text("1"), .text("Thu ngân sách nhà nước trên địa bàn")])
        #expect(table.rows[2].prefix(2) == [.text("2"), .text("Tổng giá trị sản xuất")])
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
        #expect(table.rows.dropFirst(3).allSatisfy { $0.first == .text("") })
        let report = NarrativeWriter().write(material)
        let text = report.sections.flatMap(\.paragraphs).joined(separator: "\n")
        #expect(text.contains("Trong tổng 2 chỉ tiêu của \(Self.title) đã có"))
    }
}

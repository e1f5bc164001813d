import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Which communes of a district reported their 9 months of 2024, against a deadline an
/// administrator sets. Figures are invented.
@Suite struct ReportingStoreTests {
    @Test(arguments: RepositoryKind.available)
    func theCommunesBelowAreRankedWorstFirst(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            try await repository.ensureCatalogue()
            var units = DataBatch()
            let district = units.addUnit(.district, "Thử Báo Cáo")
            let communes = ["Đủ Số", "Nửa Số", "Chưa Số", "Không Giao"].map {
                units.addUnit(.commune, $0, parent: district)
            }
            let ids = try await repository.save(units).unitIDs
            let id = { (n: Int) in ids[communes[n]]! }
            let nine = try Period.yearToDate(2024, through: 9)
            var figures = DataBatch()
            for n in 0..<3 {
                for code in ["total_production_value", "budget_revenue"] {
                    figures.add(Target(unitID: id(n), indicatorCode: code, scope: .year(2024), bound: .atLeast(10)))
                }
            }
            figures.add(Observation(unitID: id(0), indicatorCode: "total_production_value", period: nine, value: 7))
            figures.add(Observation(unitID: id(0), indicatorCode: "budget_revenue", period: nine, value: 2))
            figures.add(Observation(unitID: id(1), indicatorCode: "budget_revenue", period: nine, value: 3))
            try await repository.save(figures)
            let districtID = try #require(ids[district])
            let parent = try #require(try await repository.unit(id: districtID))
            let today = try #require(CalendarDay("2024-09-25"))

            let open = try await ReportingOverview.load(parent, period: nine, today: today, repository: repository)
            #expect(open.deadline == nil)
            #expect(open.units.map(\.unit.name) == ["Chưa Số", "Nửa Số", "Đủ Số", "Không Giao"])
            #expect(open.units.map(\.state) == [.notYet, .partly, .reported, .noTargets])
            #expect(open.units[1].missing == ["Tổng giá trị sản xuất"])

            let deadline = try #require(ReportingDeadline(toMonth: 9, day: 20, monthsAfter: 0))
            try await repository.setReportingDeadline(deadline, toMonth: 9, author: .commandLine)
            #expect(try await repository.reportingDeadlines() == [9: deadline])
            // the figures were stored today, long after 20 September 2024
            let late = try await ReportingOverview.load(parent, period: nine, today: today, repository: repository)
            #expect(late.units.map(\.state) == [.overdue, .partly, .late, .noTargets])
            #expect(late.deadlineDay == CalendarDay("2024-09-20"))
            try await repository.setReportingDeadline(nil, toMonth: 9, author: .commandLine)
            #expect(try await repository.reportingDeadlines().isEmpty)
        }
    }
}

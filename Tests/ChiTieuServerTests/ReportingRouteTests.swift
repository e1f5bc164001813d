import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The reporting status page and its JSON twin: the communes of Kông Chro for 9 months of
/// 2024; an administrator sets the deadline, a reader cannot. Figures are invented.
@Suite struct ReportingRouteTests {
    @Test func theCommunesAreListedWorstFirstAndOnlyAnAdministratorSetsTheDeadline() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let (district, communes) = try await fixture.districtAndCommunes("Kông Chro")
        let nine = try Period.yearToDate(2024, through: 9)
        var figures = DataBatch()
        for commune in communes.prefix(2) {
            figures.add(
                Target(unitID: commune.id, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(2)))
        }
        figures.add(Observation(unitID: communes[0].id, indicatorCode: "budget_revenue", period: nine, value: 1.5))
        try await fixture.repository.save(figures)
        let page = "/don-vi/\(district)/tien-do-bao-cao?nam=2024&thang=9"
        try await fixture.test { admin in
            let shown = try await admin.get(page)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("Chưa đặt hạn báo cáo cho kỳ 9 tháng"))
            #expect(shown.text.contains("Chưa báo cáo: <strong>1</strong>"))
            #expect(shown.text.contains("Đã báo cáo: <strong>1</strong>"))
            // the compare page marks the commune that owes its figure
            let compared = try await admin.get("/don-vi/\(district)/so-sanh?nam=2024&thang=9&chi-tieu=budget_revenue")
            #expect(
                compared.text.contains(
                    ">\(communes[1].capitalizedTitle)</a> <span class=\"tag\" title=\"Đơn vị chưa nhập đủ số của kỳ\">Chưa báo cáo</span>"
                ))
            #expect(!compared.text.contains(">\(communes[0].capitalizedTitle)</a> <span class=\"tag\""))
            let stored = try await admin.postForm(
                "/don-vi/\(district)/tien-do-bao-cao", [("nam", "2024"), ("thang", "9"), ("ngay", "20")])
            #expect(stored.status == .seeOther)
            let (status, json) = try await admin.getJSON("/api/v1/units/\(district)/reporting?year=2024&to_month=9")
            #expect(status == .ok)
            #expect(json["deadline"] as? String == "2024-09-20")
            let units = try #require(json["units"] as? [[String: Any]])
            // the fixture's clock is past 20 September 2024: the one that did not report is overdue
            #expect(
                units.first?["state"] as? String == "overdue" && units.first?["unit"] as? String == communes[1].title)
            #expect((json["counts"] as? [String: Int])?["no_targets"] == communes.count - 2)
            let refused = try await admin.postForm(
                "/don-vi/\(district)/tien-do-bao-cao", [("nam", "2024"), ("thang", "9"), ("ngay", "32")])
            #expect(refused.status == .badRequest)
        }
        #expect(try await fixture.repository.reportingDeadlines()[9]?.day == 20)
        let reader = try await fixture.repository.addUser(
            name: "doc", role: .viewer, unitID: district, passwordHash: "x", author: .commandLine)
        let session = try await ServerFixture.session(for: reader, in: fixture.repository)
        let forbidden = try await fixture.test(as: session) { browser in
            try await browser.postForm(
                "/don-vi/\(district)/tien-do-bao-cao", [("nam", "2024"), ("thang", "9"), ("ngay", "1")])
        }
        #expect(forbidden.status == .forbidden)
        #expect(try await fixture.repository.reportingDeadlines()[9]?.day == 20)
    }
}

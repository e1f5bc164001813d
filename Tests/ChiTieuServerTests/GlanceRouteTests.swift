import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// A leader's view of the communes of Kông Chro: worst first, the main targets by status,
/// and a dot for every commune at its registry point. Figures are invented.
@Suite struct GlanceRouteTests {
    @Test func theCommunesAreShownWorstFirstWithAMap() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let (district, communes) = try await fixture.districtAndCommunes("Kông Chro")
        let nine = try Period.yearToDate(2024, through: 9)
        var figures = DataBatch()
        for (commune, value) in zip(communes.prefix(2), [100.0, 40]) {
            figures.add(
                Target(unitID: commune.id, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(100)))
            figures.add(Observation(unitID: commune.id, indicatorCode: "budget_revenue", period: nine, value: value))
        }
        try await fixture.repository.save(figures)
        let page = try await fixture.test { try await $0.get("/don-vi/\(district)/toan-canh?nam=2024&thang=9") }
        #expect(page.status == .ok)
        let text = page.text
        #expect(
            text.contains(
                "<th aria-sort=\"none\"><button type=\"button\">Thu ngân sách nhà nước trên địa bàn</button></th>"))
        // What the browser sorts by: the share and the percentage of plan as plain decimals;
        // a commune without a plan sorts last.
        #expect(text.contains("data-label=\"Thu ngân sách nhà nước trên địa bàn\" data-sort=\"40.0\">40%</td>"))
        #expect(text.contains("data-label=\"Đúng tiến độ\" data-sort=\"1.0\">"))
        #expect(text.contains("data-sort=\"\">–</td>"))
        #expect(text.components(separatedBy: "<circle ").count - 1 == communes.count, "every commune has its point")
        let behind = try #require(text.range(of: ">\(communes[1].capitalizedTitle)</a>"))
        let ahead = try #require(text.range(of: ">\(communes[0].capitalizedTitle)</a></td>"))
        #expect(behind.lowerBound < ahead.lowerBound, "the commune at 40% comes before the one at 100%")
        #expect(text.contains("0% (1 chỉ tiêu)") && text.contains("100% (1 chỉ tiêu)"))
        // the overview of the district links to it
        let overview = try await fixture.test { try await $0.get("/don-vi/\(district)?nam=2024&thang=9") }
        #expect(overview.text.contains("/don-vi/\(district)/toan-canh?nam=2024&amp;thang=9"))
    }

    /// Both pages over the units below are kept briefly in the response cache; a result saved
    /// through the server shows on them at once.
    @Test func aSavedResultShowsAtOnceOnTheCachedPagesAbove() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let (district, communes) = try await fixture.districtAndCommunes("Kông Chro")
        let commune = try #require(communes.first)
        var figures = DataBatch()
        figures.add(
            Target(unitID: commune.id, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(100)))
        figures.add(
            Observation(
                unitID: commune.id, indicatorCode: "budget_revenue", period: try .yearToDate(2024, through: 9),
                value: 40))
        try await fixture.repository.save(figures)
        let glance = "/don-vi/\(district)/toan-canh?nam=2024&thang=9"
        let compare = "/don-vi/\(district)/so-sanh?nam=2024&thang=9&chi-tieu=budget_revenue"
        try await fixture.test { client in
            #expect(try await client.get(glance).text.contains("data-sort=\"40.0\">40%</td>"))
            #expect(try await client.get(compare).text.contains(">40<"))
            let saved = try await client.postJSON(
                "/api/v1/units/\(commune.id)/results",
                #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":"95"}"#)
            #expect(saved.status == .created)
            #expect(try await client.get(glance).text.contains("data-sort=\"95.0\">95%</td>"))
            #expect(try await client.get(compare).text.contains(">95<"))
        }
    }
}

import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("API: reading units, indicators, targets, results and assessments")
struct ReadAPITests {
    @Test func healthAnswersWithTheCatalogueVersion() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let (status, json) = try await client.getJSON("/health")
            #expect(status == .ok)
            #expect(json["status"] as? String == "ok")
            #expect(json["catalogue"] as? String == (try StandardCatalogue.load()).version)
        }
    }

    @Test func unitsHoldBothLevelsOfGovernment() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let (_, json) = try await client.getJSON("/api/v1/units")
            let unit = try #require(item(json["items"], "name", "Kông Chro"))
            #expect(unit["kind"] as? String == "huyện")
            #expect(unit["valid_to"] as? String == "2025-07-01")
            let (status, detail) = try await client.getJSON("/api/v1/units/\(kongChro)")
            #expect(status == .ok)
            #expect((detail["unit"] as? [String: Any])?["title"] as? String == "Huyện Kông Chro")
            #expect(((detail["terms"] as? [[String: Any]])?.first?["number"] as? Int) == 8)
        }
    }

    @Test func unknownOrMalformedUnitIsRefusedInVietnamese() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            do {
                let response = try await client.get("/api/v1/units/9999")
                #expect(response.status == .notFound)
                #expect(try response.apiError().message == "Không có đơn vị mã 9999.")
            }
            do {
                let response = try await client.get("/api/v1/units/abc/overview")
                #expect(response.status == .badRequest)
                #expect(try response.apiError().field == "id")
            }
        }
    }

    @Test func indicatorsComeFromTheCatalogue() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let (_, list) = try await client.getJSON("/api/v1/indicators")
            #expect(((list["items"] as? [Any])?.count ?? 0) >= 60)
            let (_, one) = try await client.getJSON("/api/v1/indicators/total_production_value")
            #expect(one["unit"] as? String == "tỷ đồng")
            #expect(one["kind"] as? String == "flow")
            #expect(one["rollup"] as? String == "sum")
            let (_, poverty) = try await client.getJSON("/api/v1/indicators/poverty_rate")
            #expect(poverty["rollup"] as? String == "share:poor_households/households*100;mean:households")
            do {
                let response = try await client.get("/api/v1/indicators/khong_co")
                #expect(response.status == .notFound)
                #expect(try response.apiError().message.contains("khong_co"))
            }
        }
    }

    @Test func targetsAndResultsOfAYear() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let (_, targets) = try await client.getJSON("/api/v1/units/\(id)/targets?year=2024")
            let plan = try #require(
                (targets["items"] as? [[String: Any]])?.first {
                    $0["indicator"] as? String == "total_production_value" && $0["scope"] as? String == "year"
                })
            #expect(plan["value"] as? Double == 6770.58)
            #expect(plan["comparator"] as? String == ">=")
            let (_, results) = try await client.getJSON(
                "/api/v1/units/\(id)/results?year=2024&indicator=total_production_value")
            let result = try #require((results["items"] as? [[String: Any]])?.first { $0["to_month"] as? Int == 9 })
            #expect(result["value"] as? Double == 4790.86)
            #expect(result["estimated"] as? Bool == true)
            do {
                let response = try await client.get("/api/v1/units/\(id)/targets?year=hai")
                #expect(response.status == .badRequest)
                #expect(try response.apiError().field == "year")
            }
        }
    }

    @Test func overviewAndTallyJudgeAgainstPlanAndLastYear() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let (status, overview) = try await client.getJSON("/api/v1/units/\(id)/overview?year=2024&to_month=9")
            #expect(status == .ok)
            let production = try #require(item(overview["assessments"], "indicator", "total_production_value"))
            #expect(production["percent_of_plan"] as? Double == 70.76)
            #expect(production["growth_percent"] as? Double == 3.81)
            #expect(production["status"] as? String == "at_risk")
            let (_, tally) = try await client.getJSON("/api/v1/units/\(id)/tally?year=2024&to_month=9")
            let counts = try #require(tally["tally"] as? [String: Int])
            #expect(counts["total"] == 9)
            #expect(counts["at_risk"] == 3)
            #expect(counts["off_track"] == 1)
            #expect((tally["sentence"] as? String)?.hasPrefix("Trong tổng 9 chỉ tiêu") == true)
            do {
                let response = try await client.get("/api/v1/units/\(id)/overview?year=2024&to_month=13")
                #expect(response.status == .badRequest)
                #expect(try response.apiError().field == "to_month")
            }
        }
    }

    @Test func compareRanksTheChildrenOfAProvince() async throws {
        let fixture = try await ServerFixture.demo()
        let gialai = try #require(
            try await fixture.repository.units(named: .init("Gia Lai")).first { $0.validTo != nil }
        ).id
        try await fixture.test { client in
            let (_, json) = try await client.getJSON(
                "/api/v1/units/\(gialai)/compare?indicator=total_production_value&year=2024&to_month=9")
            let rows = try #require(json["rows"] as? [[String: Any]])
            #expect(rows.count == 3)
            #expect(rows[0]["rank"] as? Int == 1)
            #expect((rows[0]["unit"] as? [String: Any])?["name"] as? String == "Kông Chro")
            #expect(rows[0]["value"] as? Double == 4790.86)
            do {
                let response = try await client.get("/api/v1/units/\(gialai)/compare")
                #expect(response.status == .badRequest)
                #expect(try response.apiError().field == "indicator")
            }
        }
    }

    @Test func seriesHasThisYearLastYearAndThePlan() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let (_, json) = try await client.getJSON("/api/v1/units/\(id)/series/total_production_value?year=2024")
            let years = Set(((json["results"] as? [[String: Any]]) ?? []).compactMap { $0["year"] as? Int })
            #expect(years == [2023, 2024])
            #expect(item(json["targets"], "scope", "year")?["value"] as? Double == 6770.58)
        }
    }

    @Test func reportDownloadsInEachFormat() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            do {
                let response = try await client.get("/api/v1/units/\(id)/report?format=docx&year=2024&to_month=9")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains("wordprocessingml") == true)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            do {
                let response = try await client.get("/api/v1/units/\(id)/report?format=txt&year=2024&to_month=9")
                #expect(response.text.contains("4.790,86 tỷ đồng"))
                #expect(response.text.contains("70,76%"))
            }
            do {
                let response = try await client.get("/api/v1/units/\(id)/report?format=pdf")
                #expect(response.status == .badRequest)
                #expect(try response.apiError().field == "format")
            }
        }
    }
}

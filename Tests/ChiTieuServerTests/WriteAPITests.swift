import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("API: writing results, targets and imports")
struct WriteAPITests {
    @Test func aCorrectedResultKeepsTheOldVersion() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            // read first, so the overview is in the response cache when the change arrives
            let (_, first) = try await client.getJSON("/api/v1/units/\(id)/overview?year=2024&to_month=9")
            #expect(item(first["assessments"], "indicator", "total_production_value")?["value"] as? Double == 4790.86)
            #expect(try await client.get("/don-vi/\(id)?nam=2024&thang=9").text.contains("4.790,86"))
            let saved = try await client.postJSON(
                "/api/v1/units/\(id)/results",
                #"{"indicator":"total_production_value","year":2024,"to_month":9,"value":"4.800,5"}"#)
            #expect(saved.status == .created)
            #expect(try saved.json()["results_corrected"] as? Int == 1)
            let (_, versions) = try await client.getJSON(
                "/api/v1/units/\(id)/results/total_production_value/versions?year=2024&to_month=9")
            let values = (versions["items"] as? [[String: Any]])?.map { $0["value"] as? Double }
            #expect(values == [4790.86, 4800.5])
            let (_, overview) = try await client.getJSON("/api/v1/units/\(id)/overview?year=2024&to_month=9")
            #expect(
                item(overview["assessments"], "indicator", "total_production_value")?["percent_of_plan"] as? Double
                    == 70.9)
        }
    }

    @Test func badResultsAreRefusedNamingTheField() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        // Each refusal with its field and the words that say what is wrong.
        let cases: [(String, HTTPResponse.Status, String?, String)] = [
            (
                #"{"indicator":"total_production_value","year":2024,"to_month":9,"value":"bốn nghìn"}"#, .badRequest,
                "value", "«bốn nghìn» không phải là số viết kiểu Việt Nam"
            ),
            (
                #"{"indicator":"total_production_value","year":2024,"to_month":13,"value":1}"#, .badRequest, "to_month",
                "Đến tháng phải từ 1 đến 12."
            ),
            (
                #"{"indicator":"khong_co","year":2024,"to_month":9,"value":1}"#, .badRequest, "indicator",
                "«khong_co»"
            ),
            (
                #"{"indicator":"health_insurance_coverage","year":2024,"to_month":9,"value":"140"}"#, .badRequest,
                "value", "100%"
            ),
            (
                #"{"indicator":"total_production_value","year":2024,"to_month":9}"#, .badRequest, "value",
                "Thiếu trường «value»."
            ),
            (
                #"{"indicator":"total_production_value","year":"2024","#, .badRequest, nil,
                "không đúng định dạng JSON"
            ),
        ]
        try await fixture.test { client in
            for (body, status, field, words) in cases {
                let response = try await client.postJSON("/api/v1/units/\(id)/results", body)
                #expect(response.status == status, "\(body)")
                let error = try response.apiError()
                #expect(error.field == field, "\(body)")
                #expect(error.message.contains(words), "\(body): \(error.message)")
            }
            let (_, versions) = try await client.getJSON(
                "/api/v1/units/\(id)/results/total_production_value/versions?year=2024&to_month=9")
            #expect((versions["items"] as? [Any])?.count == 1)
        }
    }

    @Test func targetsAreGivenAndValidated() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let saved = try await client.postJSON(
                "/api/v1/units/\(id)/targets", #"{"indicator":"new_rural_communes","year":2025,"value":"3"}"#)
            #expect(saved.status == .created)
            let (_, targets) = try await client.getJSON("/api/v1/units/\(id)/targets?year=2025")
            #expect(item(targets["items"], "indicator", "new_rural_communes")?["value"] as? Double == 3)
            let term = try await client.postJSON(
                "/api/v1/units/\(id)/targets",
                #"{"indicator":"budget_revenue","from_year":2025,"to_year":2020,"measure":"average_growth","value":10}"#
            )
            #expect(term.status == .badRequest)
            #expect(try term.apiError().field == "from_year")
            let measure = try await client.postJSON(
                "/api/v1/units/\(id)/targets",
                #"{"indicator":"budget_revenue","from_year":2021,"to_year":2025,"measure":"gấp đôi","value":10}"#)
            #expect(measure.status == .badRequest)
            #expect(try measure.apiError().field == "measure")
        }
    }

    @Test func importPreviewsThenStoresWithProvenance() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let text =
            "Trong 9 tháng năm 2024, tổng giá trị sản xuất của huyện Kông Chro ước đạt 4.900 tỷ đồng, bằng 72,37% kế hoạch, tăng 6,2% so với cùng kỳ."
        let body = try String(
            decoding: JSONSerialization.data(withJSONObject: ["text": text, "document": "Bản tin thử"]), as: UTF8.self)
        try await fixture.test { client in
            let preview = try await client.postJSON("/api/v1/imports/preview", body)
            #expect(preview.status == .ok)
            let json = try preview.json()
            #expect((json["unit"] as? [String: Any])?["id"] as? Int == Int(id))
            #expect(json["period"] as? String == "9 tháng năm 2024")
            let observations = (json["extraction"] as? [String: Any])?["observations"] as? [[String: Any]]
            #expect(observations?.first?["value"] as? Double == 4900)
            let (_, before) = try await client.getJSON(
                "/api/v1/units/\(id)/results?year=2024&indicator=total_production_value")
            #expect(item(before["items"], "period", "9 tháng năm 2024")?["value"] as? Double == 4790.86)

            let held = try await client.postJSON("/api/v1/imports", body)
            #expect(held.status == .ok)
            let conflicts = try held.json()["conflicts"] as? [String]
            #expect(
                conflicts == [
                    "Khác số đã lưu, chưa ghi: Tổng giá trị sản xuất 9 tháng năm 2024 — đã lưu 4.790,86, 70,76% kế hoạch, so cùng kỳ 3,81%, giá so sánh 2010, văn bản ghi 4.900, 72,37% kế hoạch, so cùng kỳ 6,2%, chưa ghi giá."
                ])

            let replacing = try String(
                decoding: JSONSerialization.data(
                    withJSONObject: ["text": text, "document": "Bản tin thử", "replace_differing": true]), as: UTF8.self
            )
            let stored = try await client.postJSON("/api/v1/imports", replacing)
            #expect(stored.status == .created)
            #expect(try stored.json()["stored"] as? Bool == true)
            let (_, after) = try await client.getJSON(
                "/api/v1/units/\(id)/results?year=2024&indicator=total_production_value")
            let result = try #require(item(after["items"], "period", "9 tháng năm 2024"))
            #expect(result["value"] as? Double == 4900)
            #expect(result["document"] as? String == "Bản tin thử")
            #expect((result["excerpt"] as? String)?.contains("4.900 tỷ đồng") == true)
            #expect(result["version"] as? Int == 2)
        }
    }

    @Test func emptyOrOversizedImportsAreRefused() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let empty = try await client.postJSON("/api/v1/imports/preview", #"{"text":"   "}"#)
            #expect(empty.status == .badRequest)
            #expect(try empty.apiError().field == "text")
            let badYear = try await client.postJSON(
                "/api/v1/imports", #"{"text":"Tổng giá trị sản xuất đạt 5 tỷ đồng.","year":1800}"#)
            #expect(badYear.status == .badRequest)
            #expect(try badYear.apiError().field == "year")
        }
    }
}

@Suite("Oversized bodies")
struct OversizedBodyTests {
    @Test func aBodyOverTheLimitIs413NotA500() async throws {
        let fixture = try await ServerFixture.demo()
        let text = String(repeating: "Tổng giá trị sản xuất đạt 5 tỷ đồng. ", count: 180_000)
        let body = try String(decoding: JSONSerialization.data(withJSONObject: ["text": text]), as: UTF8.self)
        #expect(body.utf8.count > 6 << 20)
        try await fixture.test { client in
            let response = try await client.postJSON("/api/v1/imports", body)
            #expect(response.status == .contentTooLarge)
            #expect(try response.apiError().message.contains("quá lớn"))
        }
    }
}

/// Several results in one call, all or nothing, each error naming its place.
@Suite struct ResultListAPITests {
    @Test func aListOfResultsIsSavedTogetherOrNotAtAllAndEveryErrorNamesItsField() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let refused = try await client.postJSON(
                "/api/v1/units/\(id)/results",
                #"[{"indicator":"budget_revenue","year":2024,"to_month":6,"value":"20,5"},{"indicator":"budget_revenue","year":2024,"to_month":3,"value":"mười"}]"#
            )
            #expect(refused.status == .unprocessableContent)
            let body = try refused.json()["error"] as? [String: Any]
            #expect(body?["field"] as? String == "results")
            let problems = body?["problems"] as? [String] ?? []
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("[1].value: «mười» không phải là số viết kiểu Việt Nam") == true)
            let badType = try await client.postJSON(
                "/api/v1/units/\(id)/results", #"[{"indicator":"budget_revenue","year":"2024","to_month":6,"value":1}]"#
            )
            #expect(try badType.apiError().field == "[0].year")
            #expect(try badType.apiError().message == "Trường «[0].year» có giá trị không đúng kiểu.")
            let listToTargets = try await client.postJSON("/api/v1/units/\(id)/targets", #"[{"indicator":"x"}]"#)
            #expect(
                try listToTargets.apiError().message.hasPrefix(
                    "Dữ liệu gửi lên không đúng kiểu: cần một đối tượng JSON"))
            let saved = try await client.postJSON(
                "/api/v1/units/\(id)/results",
                #"[{"indicator":"budget_revenue","year":2024,"to_month":6,"value":"20,5"},{"indicator":"budget_revenue","year":2024,"to_month":3,"value":"9,8"}]"#
            )
            #expect(saved.status == .created)
        }
        let stored = try await fixture.repository.observations(unitIDs: [id], years: 2024...2024)
            .filter { $0.indicatorCode == "budget_revenue" && $0.period.toMonth < 9 }
        #expect(Set(stored.compactMap(\.value)) == [20.5, 9.8])
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("Audit trail through the API and the history page")
struct HistoryTests {
    @Test func aChangeFromTheEntryGridIsListedWithOldAndNewValue() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let saved = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [("nam", "2024"), ("thang", "9"), ("gia_tri[total_production_value]", "4.812,3")])
            #expect(saved.status == .seeOther)
            let (status, json) = try await client.getJSON(
                "/api/v1/units/\(id)/history?indicator=total_production_value&year=2024&to_month=9")
            #expect(status == .ok)
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items[0]["author"] as? String == "quantri (trang Nhập số liệu)")
            #expect(items[0]["action"] as? String == "sửa")
            #expect(items[0]["old_value"] as? String == "4.790,86 (ước)")
            #expect(items[0]["new_value"] as? String == "4.812,3")
            #expect(items[1]["action"] as? String == "thêm")

            let page = try await client.get("/don-vi/\(id)/lich-su?chi-tieu=total_production_value&nam=2024&thang=9")
            #expect(page.status == .ok)
            #expect(page.text.contains("Lịch sử số liệu — Tổng giá trị sản xuất, 9 tháng năm 2024"))
            #expect(
                page.text.contains(
                    "<td class=\"n\" data-label=\"Giá trị cũ\">4.790,86 (ước)</td><td class=\"n\" data-label=\"Giá trị mới\">4.812,3</td>"
                ))
            let unitPage = try await client.get("/don-vi/\(id)/lich-su?nam=2024&thang=9")
            #expect(unitPage.text.contains("Lịch sử thay đổi — Huyện Kông Chro"))
            #expect(
                unitPage.text.contains(
                    "thêm đơn vị: huyện Kông Chro</td><td class=\"n\" data-label=\"Giá trị cũ\">–</td><td class=\"n\" data-label=\"Giá trị mới\">thuộc tỉnh Gia Lai</td>"
                ))
            #expect(!unitPage.text.contains("()"))
        }
    }

    @Test func historyOfOneFigureNeedsAPeriod() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let response = try await client.get("/api/v1/units/\(id)/history?indicator=total_production_value")
            #expect(response.status == .badRequest)
            #expect(try response.apiError().field == "year")
            #expect(try await client.get("/api/v1/units/\(id)/history?limit=0").status == .badRequest)
        }
    }

    @Test func theAuditTrailCannotBeEditedThroughTheApplication() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                let response = try await client.execute(uri: "/api/v1/units/\(id)/history", method: method)
                #expect(response.status == .methodNotAllowed || response.status == .notFound, "\(method)")
            }
        }
        let routes = buildRouter(fixture.services).routes.filter {
            $0.path.description.contains("history") || $0.path.description.contains("lich-su")
        }
        // Both history routes (page and API) are there, and both only read.
        #expect(routes.count >= 2)
        #expect(routes.allSatisfy { $0.method == .get })
    }
}

import ChiTieuCore
import ChiTieuStore
import Testing

@testable import ChiTieuServer

/// The target-set page: typed numbers and groups make the set the overview, its JSON and its
/// tally then follow; a set numbered twice alike is refused with what was typed kept.
@Suite struct TargetSetPageTests {
    static let title = "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2024"

    /// The demo's annual plans of huyện Kông Chro for 2024, production and budget revenue.
    static func plans(_ fixture: ServerFixture) async throws -> (UnitID, Target, Target) {
        let id = try await fixture.unitID("Kông Chro")
        let targets = try await fixture.repository.targets(unitIDs: [id], years: 2024...2024).filter(\.isAnnual)
        let production = try #require(targets.first { $0.indicatorCode == "total_production_value" })
        let budget = try #require(targets.first { $0.indicatorCode == "budget_revenue" })
        return (id, production, budget)
    }

    @Test func typedNumbersMakeTheSetTheOverviewFollows() async throws {
        let fixture = try await ServerFixture.demo()
        let (id, production, budget) = try await Self.plans(fixture)
        try await fixture.test { client in
            let empty = try await client.get("/don-vi/\(id)/bo-chi-tieu?nam=2024").text
            #expect(empty.contains("value=\"Kế hoạch phát triển kinh tế - xã hội năm 2024\""))
            #expect(empty.contains("name=\"stt[t\(production.id)]\" value=\""))
            let saved = try await client.postForm(
                "/don-vi/\(id)/bo-chi-tieu",
                [
                    ("nam", "2024"), ("ten", Self.title), ("stt[t\(budget.id)]", "1"),
                    ("nhom[t\(budget.id)]", "I. THU NGÂN SÁCH"), ("stt[t\(production.id)]", "2."),
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/don-vi/\(id)/bo-chi-tieu?nam=2024&da-luu=1")
            let page = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(page.contains("<h2>\(Self.title) (2 chỉ tiêu)</h2>"))
            #expect(page.contains("Trong tổng 2 chỉ tiêu của \(Self.title) đã có"))
            #expect(page.contains("<tr class=\"group\"><td colspan=\"8\">I. THU NGÂN SÁCH</td></tr>"))
            let first = try #require(
                page.range(of: "<span class=\"no\">1.</span> <a href=\"/don-vi/\(id)/chi-tieu/budget_revenue"))
            let second = try #require(
                page.range(of: "<span class=\"no\">2.</span> <a href=\"/don-vi/\(id)/chi-tieu/total_production_value"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(
                page.contains("chỉ tiêu khác ngoài «\(Self.title)» được liệt kê sau cùng, không tính trong tổng hợp."))
            let json = try await client.getJSON("/api/v1/units/\(id)/overview?year=2024&to_month=9").json
            let set = try #require(json["target_set"] as? [String: Any])
            #expect(set["items"] as? Int == 2 && set["title"] as? String == Self.title)
            #expect((json["tally"] as? [String: Any])?["total"] as? Int == 2)
            let numbered = (json["assessments"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            #expect(numbered == ["1", "2"])
            let reopened = try await client.get("/don-vi/\(id)/bo-chi-tieu?nam=2024").text
            #expect(reopened.contains("name=\"stt[t\(budget.id)]\" value=\"1\""))
            #expect(reopened.contains("name=\"nhom[t\(budget.id)]\" value=\"I. THU NGÂN SÁCH\""))
        }
        let stored = try await fixture.repository.targetSets(unitIDs: [id], years: 2024...2024)
        #expect(stored.first?.items.map(\.indicatorCode) == ["budget_revenue", "total_production_value"])
        let trail = try await fixture.repository.auditTrail(AuditQuery(unitID: id)).first { $0.subject == .targetSet }
        #expect(trail?.author.name == "quantri (trang Bộ chỉ tiêu)")
    }

    @Test func aNumberUsedTwiceIsRefusedAndTheTypedFormKept() async throws {
        let fixture = try await ServerFixture.demo()
        let (id, production, budget) = try await Self.plans(fixture)
        try await fixture.test { client in
            let refused = try await client.postForm(
                "/don-vi/\(id)/bo-chi-tieu",
                [
                    ("nam", "2024"), ("ten", "Kế hoạch thử"), ("stt[t\(budget.id)]", "3"),
                    ("stt[t\(production.id)]", "3"),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("số thứ tự «3» dùng cho hai mục (mục thứ 1 và mục thứ 2)."))
            #expect(refused.text.contains("value=\"Kế hoạch thử\""))
            #expect(refused.text.contains("name=\"stt[t\(production.id)]\" value=\"3\""))
            let badTerm = try await client.get("/don-vi/\(id)/bo-chi-tieu?nam=2024&nhiem-ky=2030-2025")
            #expect(badTerm.status == .badRequest)
        }
        #expect(try await fixture.repository.targetSets(unitIDs: [id], years: 2024...2024).isEmpty)
    }

    @Test func aViewerSeesTheSetPageButCannotSaveIt() async throws {
        let fixture = try await ServerFixture.demo()
        let (id, production, _) = try await Self.plans(fixture)
        let viewer = try await fixture.repository.addUser(
            name: "xem", role: .viewer, unitID: id, passwordHash: "x", author: .commandLine)
        let session = try await ServerFixture.session(for: viewer, in: fixture.repository)
        try await fixture.test(as: session) { client in
            #expect(try await client.get("/don-vi/\(id)/bo-chi-tieu?nam=2024").status == .ok)
            let post = try await client.postForm(
                "/don-vi/\(id)/bo-chi-tieu", [("nam", "2024"), ("ten", "X"), ("stt[t\(production.id)]", "1")])
            #expect(post.status == .forbidden)
        }
        #expect(try await fixture.repository.targetSets(unitIDs: [id], years: 2024...2024).isEmpty)
    }
}

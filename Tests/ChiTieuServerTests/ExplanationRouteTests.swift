import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The follow-up path through the real routes: a province leader asks Kông Chro to explain an
/// at-risk target, the district's editor answers, the leader returns it, the editor answers
/// again, the leader accepts; another district's editor sees none of it; the due day passes.
@Suite("Explanation requests through the API and the pages")
struct ExplanationRouteTests {
    struct People {
        let fixture: ServerFixture
        let leader: Browser.Session
        let clerk: Browser.Session
        let stranger: Browser.Session
        let kongChro: UnitID
    }

    static func people() async throws -> People {
        let fixture = try await ServerFixture.demo()
        let units = try await fixture.repository.allUnits()
        let oldGiaLai = try #require(units.first { $0.name == "Gia Lai" && $0.validTo != nil })
        let kongChro = try await fixture.unitID("Kông Chro")
        func account(_ name: String, _ role: Role, _ unit: UnitID) async throws -> Browser.Session {
            let user = try await fixture.repository.addUser(
                name: name, role: role, unitID: unit, passwordHash: "không dùng", author: .commandLine)
            return try await ServerFixture.session(for: user, in: fixture.repository)
        }
        return People(
            fixture: fixture, leader: try await account("lanhdao-tinh", .viewer, oldGiaLai.id),
            clerk: try await account("kongchro", .editor, kongChro),
            stranger: try await account("chuse", .editor, try await fixture.unitID("Chư Sê")), kongChro: kongChro)
    }

    static let answer = #"""
        {"facts":"Giá trị sản xuất công nghiệp 9 tháng đạt 69,85% kế hoạch.","subjective_causes":"Chậm giải ngân vốn.",
         "objective_causes":"Giá điện tăng.","actions":"Đôn đốc nhà máy đường.","expected_result":"Cả năm đạt 97%."}
        """#

    @Test func askAnswerReturnAnswerAcceptAndOnlyThoseConcernedSeeIt() async throws {
        let p = try await Self.people()
        let asked = try await p.fixture.test(as: p.leader) { leader in
            try await leader.postJSON(
                "/api/v1/units/\(p.kongChro)/explanation-requests",
                #"{"indicator":"industrial_production_value","year":2024,"to_month":9,"note":"Làm rõ nguyên nhân giá trị sản xuất công nghiệp đạt thấp","due_date":"2026-06-30"}"#
            )
        }
        #expect(asked.status == .created)
        let id = try #require(try asked.json()["id"] as? Int)
        #expect(try asked.json()["state"] as? String == "requested")

        // The next step is the district's: its editor's header says so, the leader's does not.
        let waiting = "Việc chờ: 1"
        let clerkHeader = try await p.fixture.test(as: p.clerk) {
            try await $0.get("/don-vi/\(p.kongChro)?nam=2024&thang=9")
        }
        #expect(clerkHeader.text.contains(waiting))
        let leaderHeader = try await p.fixture.test(as: p.leader) {
            try await $0.get("/don-vi/\(p.kongChro)?nam=2024&thang=9")
        }
        #expect(!leaderHeader.text.contains(waiting))
        // The list behind the header's count: the request, with a link to its card.
        let list = try await p.fixture.test(as: p.clerk) { try await $0.get("/viec-cho") }
        #expect(list.status == .ok)
        #expect(list.text.contains("Giải trình đến lượt anh/chị (1)"))
        #expect(list.text.contains("href=\"/don-vi/\(p.kongChro)/giai-trinh?nam=2024#yc-\(id)\""))
        #expect(list.text.contains("Giá trị sản xuất công nghiệp"))
        let strangerList = try await p.fixture.test(as: p.stranger) { try await $0.get("/viec-cho") }
        #expect(strangerList.text.contains("Không có việc nào đang chờ"))
        #expect(!strangerList.text.contains("Giá trị sản xuất công nghiệp"))
        // The leader cannot answer; the district's editor cannot judge.
        try await p.fixture.test(as: p.leader) { leader in
            let answered = try await leader.postJSON("/api/v1/explanation-requests/\(id)/answer", Self.answer)
            #expect(answered.status == .forbidden)
        }
        try await p.fixture.test(as: p.clerk) { clerk in
            #expect(try await clerk.postJSON("/api/v1/explanation-requests/\(id)/accept", "{}").status == .forbidden)
            let answered = try await clerk.postJSON("/api/v1/explanation-requests/\(id)/answer", Self.answer)
            #expect(answered.status == .ok)
            #expect(try answered.json()["state"] as? String == "answered")
            let again = try await clerk.postJSON("/api/v1/explanation-requests/\(id)/answer", Self.answer)
            #expect(again.status == .conflict)
            #expect(try again.apiError().message == "Đơn vị đã giải trình; chờ người yêu cầu xem xét.")
        }
        try await p.fixture.test(as: p.leader) { leader in
            let refused = try await leader.postJSON("/api/v1/explanation-requests/\(id)/return", #"{"comment":""}"#)
            #expect(refused.status == .conflict)
            let returned = try await leader.postJSON(
                "/api/v1/explanation-requests/\(id)/return", #"{"comment":"Nêu rõ sản lượng đường."}"#)
            #expect(try returned.json()["state"] as? String == "returned")
        }
        try await p.fixture.test(as: p.clerk) { clerk in
            #expect(try await clerk.postJSON("/api/v1/explanation-requests/\(id)/answer", Self.answer).status == .ok)
            #expect(!(try await clerk.get("/don-vi/\(p.kongChro)?nam=2024&thang=9").text.contains(waiting)))
            let page = try await clerk.get("/don-vi/\(p.kongChro)/giai-trinh?nam=2024")
            #expect(page.status == .ok)
            #expect(page.text.contains("Nêu rõ sản lượng đường."))
            #expect(page.text.contains("Đã giải trình, chờ xem xét"))
            #expect(!page.text.contains("Chấp nhận giải trình"), "the editor gets no judging form")
        }
        try await p.fixture.test(as: p.leader) { leader in
            let accepted = try await leader.postJSON("/api/v1/explanation-requests/\(id)/accept", "{}")
            let json = try accepted.json()
            #expect(json["state"] as? String == "accepted")
            #expect(
                (json["steps"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == [
                    "answer", "return", "answer", "accept",
                ])
            let indicatorPage = try await leader.get(
                "/don-vi/\(p.kongChro)/chi-tieu/industrial_production_value?nam=2024&thang=9")
            #expect(indicatorPage.text.contains("Nêu rõ sản lượng đường."), "the thread on the indicator page")
            #expect(indicatorPage.text.contains("Đã chấp nhận"))
            let report = try await leader.get("/api/v1/units/\(p.kongChro)/report?year=2024&to_month=9&format=txt")
            #expect(
                report.text.contains(
                    "Giải trình về giá trị sản xuất công nghiệp (đã được chấp nhận): nguyên nhân chủ quan: chậm giải ngân vốn; nguyên nhân khách quan: giá điện tăng; giải pháp: đôn đốc nhà máy đường."
                ))
            let list = try await leader.getJSON(
                "/api/v1/units/\(p.kongChro)/explanation-requests?year=2024&state=accepted")
            #expect((list.json["items"] as? [[String: Any]])?.count == 1)
        }
        // Another district's editor: no request, no thread, no way in.
        try await p.fixture.test(as: p.stranger) { stranger in
            #expect(
                try await stranger.postJSON("/api/v1/explanation-requests/\(id)/answer", Self.answer).status
                    == .notFound)
            #expect(try await stranger.get("/don-vi/\(p.kongChro)/giai-trinh?nam=2024").status == .forbidden)
            let own = try await stranger.getJSON(
                "/api/v1/units/\(try await p.fixture.unitID("Chư Sê"))/explanation-requests?year=2024")
            #expect((own.json["items"] as? [Any])?.isEmpty == true)
        }
        let trail = try await p.fixture.repository.auditTrail(AuditQuery(unitID: p.kongChro))
            .filter { $0.subject == .explanation }
        #expect(trail.count == 5)
        #expect(trail.last?.author.name == "lanhdao-tinh (API)")
    }

    @Test func aViewerOfTheUnitItselfCannotAskAndNeitherCanAnEditorOfAnother() async throws {
        let p = try await Self.people()
        let body =
            #"{"indicator":"industrial_production_value","year":2024,"to_month":9,"note":"x","due_date":"2026-06-30"}"#
        try await p.fixture.test(as: p.clerk) { clerk in
            let own = try await clerk.postJSON("/api/v1/units/\(p.kongChro)/explanation-requests", body)
            #expect(own.status == .forbidden)
            #expect(try own.apiError().message.contains("Chỉ lãnh đạo cấp trên"))
        }
        try await p.fixture.test(as: p.stranger) { stranger in
            let asked = try await stranger.postJSON("/api/v1/units/\(p.kongChro)/explanation-requests", body)
            #expect(asked.status == .forbidden)
        }
        try await p.fixture.test(as: p.leader) { leader in
            let late = try await leader.postJSON(
                "/api/v1/units/\(p.kongChro)/explanation-requests",
                body.replacingOccurrences(of: "2026-06-30", with: "2026-06-01"))
            #expect(late.status == .badRequest)
            #expect(try late.apiError().field == "due_date")
        }
        #expect(try await p.fixture.repository.explanationRequests(unitIDs: [p.kongChro], years: 2024...2024).isEmpty)
    }

    @Test func theWarningsPageListsTheAtRiskTargetsWorstFirstAndOffersTheLeaderAForm() async throws {
        let p = try await Self.people()
        let page = try await p.fixture.test(as: p.leader) { leader in
            try await leader.get("/don-vi/\(p.kongChro)/canh-bao?nam=2024&thang=9")
        }
        #expect(page.status == .ok)
        let text = page.text
        // Off track first (the term's average growth of production too), larger shortfall first.
        let order = ["Kết nạp đảng viên mới", "Giá trị sản xuất công nghiệp", "Tỷ lệ dân số tham gia bảo hiểm y tế"].map
        {
            text.range(of: ">\($0)<")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(text.contains("thiếu 11,11%"))
        #expect(text.contains("Gửi yêu cầu"))
        let json = try await p.fixture.test(as: p.leader) { leader in
            try await leader.get("/api/v1/units/\(p.kongChro)/warnings?year=2024&to_month=9")
        }.json()
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(
            items.map { "\($0["indicator"] ?? "") \($0["colour"] ?? "") \($0["shortfall_percent"] ?? "")" } == [
                "new_party_members red 11.11", "total_production_value red 10.57",
                "industrial_production_value orange 3.95", "total_production_value orange 2.64",
                "health_insurance_coverage orange 1.02",
            ])
        #expect((json["counts"] as? [String: Int])?["grey"] == 2)
        let clerkPage = try await p.fixture.test(as: p.clerk) { clerk in
            try await clerk.get("/don-vi/\(p.kongChro)/canh-bao?nam=2024&thang=9")
        }
        #expect(clerkPage.status == .ok)
        #expect(!clerkPage.text.contains("Gửi yêu cầu"), "the unit's own editor explains, not asks")
    }

    @Test func anUnansweredRequestTurnsOverdueAfterItsDueDay() async throws {
        let p = try await Self.people()
        let made = try await p.fixture.test(as: p.leader) { leader in
            try await leader.postJSON(
                "/api/v1/units/\(p.kongChro)/explanation-requests",
                #"{"indicator":"new_party_members","year":2024,"to_month":9,"note":"Giải trình kết nạp đảng viên","due_date":"2026-06-20"}"#
            )
        }
        #expect(try made.json()["state"] as? String == "requested")
        var later = ServerFixture.configuration
        later.clock = .fixed(Date(timeIntervalSince1970: 1_781_490_600 + 7 * 86_400))
        let services = try await AppServices(repository: p.fixture.repository, configuration: later)
        let afterDue = ServerFixture(repository: p.fixture.repository, services: services, session: p.leader)
        let list = try await afterDue.test { leader in
            try await leader.get("/api/v1/units/\(p.kongChro)/explanation-requests?year=2024&state=overdue")
        }.json()
        let items = try #require(list["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["state_label"] as? String == "Quá hạn giải trình")
    }
}

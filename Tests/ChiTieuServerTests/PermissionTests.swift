import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("Accounts scoped to units: every route refuses data outside the account's units")
struct PermissionTests {
    /// A fixture with an account of `role` on the unit named `unit`, signed in.
    func signedIn(_ role: Role, on unit: String) async throws -> (ServerFixture, Browser.Session) {
        let fixture = try await ServerFixture.demo()
        let user = try await fixture.repository.addUser(
            name: "nguoi-\(role.rawValue)", role: role, unitID: try await fixture.unitID(unit),
            passwordHash: "không dùng", author: .commandLine)
        return (fixture, try await ServerFixture.session(for: user, in: fixture.repository))
    }

    /// Units the editor of Chư Sê (a district of old Gia Lai) must not reach: another province's
    /// district, a sibling district, the province above, and today's province that absorbed it.
    enum Outside: String, CaseIterable, CustomTestStringConvertible {
        case otherProvince = "Chợ Đồn"
        case sibling = "An Khê"
        case parent = "Gia Lai (đến 2025)"
        case successorProvince = "Gia Lai (từ 2025)"

        var testDescription: String { rawValue }

        func unit(in fixture: ServerFixture) async throws -> AdministrativeUnit {
            let units = try await fixture.repository.allUnits()
            let found: AdministrativeUnit? =
                switch self {
                case .otherProvince: units.first { $0.name == "Chợ Đồn" }
                case .sibling: units.first { $0.name == "An Khê" }
                case .parent: units.first { $0.name == "Gia Lai" && $0.validTo != nil }
                case .successorProvince: units.first { $0.name == "Gia Lai" && $0.validFrom != nil }
                }
            return try #require(found)
        }
    }

    /// Every route of the router with `{id}` set to a unit outside the editor's: each answers 403,
    /// shows none of that unit's figures, and stores nothing.
    @Test(arguments: Outside.allCases)
    func anEditorOfOneDistrictReachesNoOtherUnitThroughAnyRoute(outside: Outside) async throws {
        let (fixture, session) = try await signedIn(.editor, on: "Chư Sê")
        let other = try await outside.unit(in: fixture)
        // The leak sentinels are figures of the unit asked for and of the units below it (a
        // province's page would show its districts'), other than the editor's own district's.
        let mine = try await fixture.unitID("Chư Sê")
        let below = try await fixture.repository.children(of: other.id).map(\.id).filter { $0 != mine }
        let sentinels = try await fixture.repository.observations(unitIDs: [other.id] + below, years: Period.yearRange)
            .compactMap(\.value).filter { $0 > 100 }.map(\.vietnamese)
        if outside != .successorProvince { #expect(!sentinels.isEmpty, "no figure of \(other.title) to look for") }
        let routes = buildRouter(fixture.services).routes
            .map {
                (
                    method: $0.method,
                    path: $0.path.description.replacingOccurrences(of: "{", with: ":").replacingOccurrences(
                        of: "}", with: "")
                )
            }
            .filter { $0.path.contains(":id") }
        #expect(routes.count >= 20)
        let before = try await fixture.repository.auditTrail(AuditQuery()).count
        try await fixture.test(as: session) { client in
            for route in routes {
                let path =
                    (route.path.hasPrefix("/") ? "" : "/")
                    + route.path.replacingOccurrences(of: ":id", with: "\(other.id)")
                    .replacingOccurrences(of: ":code", with: "total_production_value")
                    .replacingOccurrences(of: ":file", with: "bao-cao.txt")
                let body: String
                let type: String
                if path.hasPrefix("/api/") {
                    (body, type) = (
                        #"{"indicator":"total_production_value","year":2024,"to_month":9,"value":1}"#,
                        "application/json"
                    )
                } else {
                    (body, type) = (
                        "nam=2024&thang=9&gia_tri%5Btotal_production_value%5D=1", "application/x-www-form-urlencoded"
                    )
                }
                let query =
                    route.method == .get
                    ? "?year=2024&to_month=9&nam=2024&thang=9&indicator=total_production_value" : ""
                let response = try await client.execute(
                    uri: path + query, method: route.method, headers: [.contentType: type],
                    body: route.method == .get ? nil : ByteBuffer(string: body))
                #expect(response.status == .forbidden, "\(route.method) \(path)")
                for sentinel in sentinels {
                    #expect(!response.text.contains(sentinel), "\(path) shows \(sentinel)")
                }
            }
        }
        #expect(try await fixture.repository.auditTrail(AuditQuery()).count == before)
    }

    /// An editor posting to the administrators' forms is refused, and nothing is added.
    @Test func anEditorCannotUseTheAdministratorsForms() async throws {
        let (fixture, session) = try await signedIn(.editor, on: "Chư Sê")
        let usersBefore = try await fixture.repository.users().count
        let unitsBefore = try await fixture.repository.allUnits().count
        try await fixture.test(as: session) { client in
            let user = try await client.postForm(
                "/quan-tri/nguoi-dung", [("ten", "ke-la"), ("vai_tro", "admin"), ("mat_khau", "mat-khau-dai-12345")])
            #expect(user.status == .forbidden)
            let organisation = try await client.postForm(
                "/to-chuc-dang", [("ten", "Đảng bộ Thử"), ("cap_tren", "52")])
            #expect(organisation.status == .forbidden)
        }
        #expect(try await fixture.repository.users().count == usersBefore)
        #expect(try await fixture.repository.allUnits().count == unitsBefore)
    }

    @Test func routesWithoutAUnitOnlyShowTheAccountsUnits() async throws {
        let (fixture, session) = try await signedIn(.editor, on: "Chư Sê")
        let kongChro = try await fixture.unitID("Kông Chro")
        try await fixture.test(as: session) { client in
            let (_, units) = try await client.getJSON("/api/v1/units")
            #expect((units["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Chư Sê"])
            let home = try await client.get("/").text
            #expect(home.contains("Huyện Chư Sê"))
            #expect(!home.contains("Kông Chro"))
            #expect(try await client.get("/chon?don-vi=\(kongChro)&nam=2024").status == .forbidden)
            #expect(try await client.get("/quan-tri/nguoi-dung").status == .forbidden)
            let text = try String(
                decoding: JSONSerialization.data(withJSONObject: [
                    "text": "Trong 9 tháng năm 2024, tổng giá trị sản xuất của huyện Kông Chro ước đạt 4.900 tỷ đồng."
                ]), as: UTF8.self)
            #expect(try await client.postJSON("/api/v1/imports", text).status == .forbidden)
            let page = try await client.postForm(
                "/nhap-van-ban/luu",
                [
                    ("van_ban", "Tổng giá trị sản xuất đạt 4.900 tỷ đồng."), ("don_vi", "\(kongChro)"), ("nam", "2024"),
                    ("thang", "9"),
                ])
            #expect(page.status == .forbidden)
        }
        #expect(
            try await fixture.repository.observations(unitIDs: [kongChro], years: 2024...2024).allSatisfy {
                $0.value != 4900
            })
    }

    @Test func anEditorOfAProvinceWritesForItsDistrictsAViewerOnlyReads() async throws {
        let (fixture, editor) = try await signedIn(.editor, on: "Gia Lai")
        let kongChro = try await fixture.unitID("Kông Chro")
        let body = #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":"36,1"}"#
        try await fixture.test(as: editor) { client in
            let saved = try await client.postJSON("/api/v1/units/\(kongChro)/results", body)
            #expect(saved.status == .created)
        }
        let (viewerFixture, viewer) = try await signedIn(.viewer, on: "Kông Chro")
        try await viewerFixture.test(as: viewer) { client in
            #expect(try await client.get("/don-vi/\(kongChro)?nam=2024&thang=9").status == .ok)
            let refused = try await client.postJSON("/api/v1/units/\(kongChro)/results", body)
            #expect(refused.status == .forbidden)
            #expect(try refused.apiError().message == "Tài khoản này chỉ được xem, không được thay đổi số liệu.")
        }
    }

    @Test func withoutSignInPagesAskForItAndTheAPIAnswers401() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test(as: nil) { client in
            let page = try await client.get("/don-vi/\(id)?nam=2024")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location]?.hasPrefix("/dang-nhap?tiep=") == true)
            #expect(try await client.get("/api/v1/units").status == .unauthorized)
            #expect(try await client.get("/health").status == .ok)
            #expect(try await client.get("/dang-nhap").status == .ok)
        }
    }

    @Test func thePublicDemoReadsEverythingAndChangesNothing() async throws {
        var configuration = ServerFixture.configuration
        configuration.publicReading = true
        let fixture = try await ServerFixture.demo(configuration: configuration, signedIn: false)
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test(as: nil) { client in
            let page = try await client.get("/don-vi/\(id)?nam=2024&thang=9")
            #expect(page.status == .ok)
            #expect(page.text.contains("70,76%"))
            // The sign-in link returns to this page; the demo says it only shows.
            #expect(
                page.text.contains(
                    "<a href=\"/dang-nhap?tiep=%2Fdon-vi%2F\(id)%3Fnam%3D2024%26thang%3D9\">Đăng nhập</a>"))
            #expect(page.text.contains("Bản minh họa — chỉ xem"))
            let cookie = try #require(page.headers[.setCookie])
            #expect(cookie.hasPrefix("chitieu_csrf="))
            let csrf = String(cookie.dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
            let post = try await client.client.execute(
                uri: "/api/v1/units/\(id)/results", method: .post,
                headers: [
                    .contentType: "application/json", .cookie: "chitieu_csrf=\(csrf)", .init("X-CSRF-Token")!: csrf,
                ],
                body: ByteBuffer(string: #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":1}"#)
            ) { $0 }
            #expect(post.status == .forbidden)
        }
    }

    @Test func changesWithoutTheCSRFTokenAreRefused() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { signedIn in
            let client = signedIn.withoutCSRF
            let form = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu", [("nam", "2024"), ("thang", "9"), ("gia_tri[budget_revenue]", "40")])
            #expect(form.status == .forbidden)
            #expect(form.text.contains("mã chống giả mạo"))
            let wrong = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [("_csrf", "đoán-bừa"), ("nam", "2024"), ("thang", "9"), ("gia_tri[budget_revenue]", "40")])
            #expect(wrong.status == .forbidden)
            let api = try await client.postJSON(
                "/api/v1/units/\(id)/results", #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":40}"#)
            #expect(api.status == .forbidden)
            // The real token in the address is refused: addresses end up in logs, the history
            // and Referer headers, so a token there is as good as published.
            let token = try #require(fixture.session).csrf
            let inQuery = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu?_csrf=\(token)",
                [("nam", "2024"), ("thang", "9"), ("gia_tri[budget_revenue]", "41")])
            #expect(inQuery.status == .forbidden)
            let apiInQuery = try await client.postJSON(
                "/api/v1/units/\(id)/results?_csrf=\(token)",
                #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":41}"#)
            #expect(apiInQuery.status == .forbidden)
            // the real token in the form field is accepted
            let good = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [
                    ("_csrf", try #require(fixture.session).csrf), ("nam", "2024"), ("thang", "9"),
                    ("gia_tri[budget_revenue]", "40"),
                ])
            #expect(good.status == .seeOther)
        }
    }

    @Test func adminAddsAUserAndTheChangeIsAudited() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("An Khê")
        try await fixture.test { client in
            let short = try await client.postForm(
                "/quan-tri/nguoi-dung",
                [("ten", "ankhe"), ("vai_tro", "editor"), ("don_vi", "\(id)"), ("mat_khau", "ngan")])
            #expect(short.status == .unprocessableContent)
            let added = try await client.postForm(
                "/quan-tri/nguoi-dung",
                [("ten", "ankhe"), ("vai_tro", "editor"), ("don_vi", "\(id)"), ("mat_khau", "mat-khau-an-khe")])
            #expect(added.status == .seeOther)
            let again = try await client.postForm(
                "/quan-tri/nguoi-dung",
                [("ten", "AnKhe"), ("vai_tro", "viewer"), ("don_vi", "\(id)"), ("mat_khau", "mat-khau-an-khe")])
            #expect(again.text.contains("đã có người dùng"))
            #expect(
                try await client.get("/quan-tri/nguoi-dung").text.contains(
                    "<td class=\"lead\">ankhe</td><td data-label=\"Vai trò\">nhập liệu</td><td data-label=\"Đơn vị\">thị xã An Khê</td>"
                ))
        }
        let audit = try await fixture.repository.auditTrail(AuditQuery(unitID: id))
        #expect(audit.first?.subject == .user)
        #expect(audit.first?.author.name == "quantri (trang Người dùng)")
    }
}

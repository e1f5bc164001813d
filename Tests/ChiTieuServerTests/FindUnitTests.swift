import ChiTieuCore
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuServer

/// With the national registry loaded (14.138 units), lists show the working set and the rest
/// is found by search, on the page and in the API.
@Suite struct FindUnitTests {
    @Test func theHomePageListsTheWorkingSetNotTheRegistry() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let home = try await fixture.test { try await $0.get("/").text }
        #expect(home.contains("Huyện Kông Chro"))
        #expect(!home.contains("Xã Yang Trung"))
        // The demo's four districts and their two provinces (the 2025 provinces have no figures yet).
        #expect(home.components(separatedBy: "<li class=\"depth-").count - 1 == 6)
        #expect(home.contains("Tỉnh Bắc Kạn"))
        #expect(home.contains("action=\"/tim-don-vi\""))
    }

    @Test func aCommuneIsFoundByNameWithoutDiacriticsAndByCode() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        try await fixture.test { client in
            let page = try await client.get("/tim-don-vi?q=yang+trung").text
            #expect(page.contains("Xã Yang Trung</a> <span class=\"muted\">(đến trước 1/7/2025)</span>"))
            #expect(page.contains("<td data-label=\"Thuộc\">huyện Kông Chro, tỉnh Gia Lai</td>"))
            let byCode = try await client.getJSON("/api/v1/units?search=23824")
            let items = try #require(byCode.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["kind"] as? String }.sorted() == ["thị trấn", "xã"])
            let onDay = try await client.getJSON("/api/v1/units?search=23824&on=2025-07-01")
            #expect((onDay.json["items"] as? [[String: Any]])?.map { $0["code"] as? String } == ["23824"])
            let bad = try await client.getJSON("/api/v1/units?search=x&on=31/2/2025")
            #expect(bad.status == .badRequest)
            let none = try await client.get("/tim-don-vi?q=Xứ+Sở+Mây").text
            #expect(none.contains("Không có đơn vị nào tên hoặc mã «Xứ Sở Mây»"))
        }
    }

    @Test func anEditorFindsOnlyUnitsWithinTheirScope() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let kongChro = try #require(try await fixture.repository.units(code: "630").first)
        let editor = try await fixture.repository.addUser(
            name: "kongchro", role: .editor, unitID: kongChro.id, passwordHash: "x", author: .commandLine)
        let session = try await ServerFixture.session(for: editor, in: fixture.repository)
        try await fixture.test(as: session) { client in
            let outside = try await client.get("/tim-don-vi?q=Tân+Thành").text
            #expect(outside.contains("Không có đơn vị nào"))
            let inside = try await client.get("/tim-don-vi?q=Yang+Trung").text
            #expect(inside.contains("Xã Yang Trung"))
        }
    }

    @Test func theExactNameComesFirstThenTheHigherLevel() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let directory = try await fixture.services.unitDirectory()
        let search = UnitSearch("Kông Chro", on: nil, in: directory, access: AccessScope(.everything))
        #expect(search.matches.map(\.unit.code).prefix(3) == ["630", "23824", "23824"])
        #expect(search.matches.first?.parents.map(\.name) == ["Gia Lai"])
        let view = FindUnitPage.View(search, layout: LayoutView(title: "t"), currentYear: 2026)
        // huyện Kông Chro ended on 30 June 2025: its last plan year is 2025.
        #expect(view.results.first?.planHref == "/don-vi/\(search.matches[0].unit.id)/ke-hoach?nam=2025")
        let commune = try #require(search.matches.first { $0.unit.kind == .commune })
        #expect(view.results.contains { $0.planHref == "/don-vi/\(commune.unit.id)/ke-hoach?nam=2026" })
        let many = UnitSearch("an", on: nil, in: directory, access: AccessScope(.everything))
        #expect(many.truncated && many.matches.count == UnitSearch.limit)
    }
}

@Suite struct QueryValueTests {
    @Test func aPlusIsASpaceAndAnEncodedPlusAPlus() {
        #expect(RequestValues.queryValue("q", in: "q=yang+trung&ngay=1%2F7%2F2025") == "yang trung")
        #expect(RequestValues.queryValue("ngay", in: "q=yang+trung&ngay=1%2F7%2F2025") == "1/7/2025")
        #expect(RequestValues.queryValue("q", in: "q=1%2B1") == "1+1")
        #expect(RequestValues.queryValue("q", in: "q=T%C3%A2n+Th%C3%A0nh") == "Tân Thành")
        #expect(RequestValues.queryValue("q", in: "qq=1&q") == "")
        #expect(RequestValues.queryValue("x", in: "q=1") == nil)
        #expect(RequestValues.queryValue("q", in: nil) == nil)
    }
}

@Suite struct UsersOnRegistryTests {
    @Test func anEditorIsGivenAUnitByItsOfficialCode() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let response = try await fixture.test { client in
            try await client.postForm(
                "/quan-tri/nguoi-dung",
                [
                    ("ten", "xakongchro"), ("vai_tro", "editor"), ("don_vi", ""), ("ma_don_vi", "23824"),
                    ("mat_khau", "mat-khau-xa-kong-chro"),
                ])
        }
        #expect(response.status == .seeOther)
        let user = try #require(try await fixture.repository.users().first { $0.name == "xakongchro" })
        let unitID = try #require(user.unitID)
        let unit = try #require(try await fixture.repository.unit(id: unitID))
        // On 15 June 2026 code 23824 is xã Kông Chro, not the thị trấn it replaced.
        #expect(unit.kind == .commune && unit.code == "23824")
        let page = try await fixture.test { try await $0.get("/quan-tri/nguoi-dung").text }
        #expect(page.contains("<td data-label=\"Đơn vị\">xã Kông Chro</td>"))
        #expect(page.components(separatedBy: "<option").count < 40)
    }
}

@Suite struct PartyOrganisationTests {
    @Test func anAdministratorAddsAPartyOrganisationUnderAProvince() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        try await fixture.test { client in
            let added = try await client.postForm(
                "/to-chuc-dang", [("ten", "Đảng bộ Quân sự tỉnh"), ("cap_tren", "52")])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location]?.hasSuffix("/ke-hoach") == true)
            let again = try await client.postForm(
                "/to-chuc-dang", [("ten", "Quân sự tỉnh"), ("cap_tren", "52")])
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("«Đảng bộ Quân sự tỉnh» đã có ở đơn vị này."))
            let unknown = try await client.postForm(
                "/to-chuc-dang", [("ten", "Khối doanh nghiệp"), ("cap_tren", "Xứ Sở Mây")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("value=\"Khối doanh nghiệp\""))
        }
        let organisation = try #require(
            try await fixture.repository.units(named: .init("Quân sự tỉnh")).first { $0.kind == .partyOrganisation })
        let parentID = try #require(organisation.parentID)
        let giaLai = try #require(try await fixture.repository.unit(id: parentID))
        #expect(giaLai.code == "52")
        #expect(organisation.capitalizedTitle == "Đảng bộ Quân sự tỉnh")
        // Made by the office: in the working set at once.
        #expect(try await fixture.repository.unitIDsInUse().contains(organisation.id))
    }

    @Test func anEditorCannotAddOne() async throws {
        let fixture = try await ServerFixture.demo()
        let editor = try await fixture.repository.addUser(
            name: "bientap", role: .editor, unitID: try await fixture.unitID("Kông Chro"), passwordHash: "x",
            author: .commandLine)
        let session = try await ServerFixture.session(for: editor, in: fixture.repository)
        let response = try await fixture.test(as: session) {
            try await $0.postForm("/to-chuc-dang", [("ten", "Khối cơ quan"), ("cap_tren", "")])
        }
        #expect(response.status == .forbidden)
        #expect(try await fixture.repository.units(named: .init("Khối cơ quan")).isEmpty)
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import NIOCore
import Synchronization
import Testing

@testable import ChiTieuServer

/// View models are pure functions of a model loaded once: tested here without HTTP.
@Suite struct ViewModelTests {
    @Test func theOverviewPageAndItsJSONShowOneModel() async throws {
        let fixture = try await ServerFixture.demo()
        let unit = try #require(try await fixture.repository.unit(id: try await fixture.unitID("Kông Chro")))
        let period = try Period.yearToDate(2024, through: 9)
        let model = try await OverviewModel.load(unit, period: period, services: fixture.services)
        let view = OverviewPage.View(model, layout: LayoutView(title: "thử"))
        #expect(view.heading == "Huyện Kông Chro — 9 tháng năm 2024")
        let production = try #require(view.rows.first { $0.name == "Tổng giá trị sản xuất" })
        #expect(production.percent == "70,76%")
        #expect(production.href == "/don-vi/\(unit.id)/chi-tieu/total_production_value?nam=2024&thang=9")
        #expect(view.entryHref == "/don-vi/\(unit.id)/nhap-so-lieu?nam=2024&thang=9")
        #expect(view.planHref == "/don-vi/\(unit.id)/ke-hoach?nam=2024")
        #expect(view.rows.count == model.overview.annual.count)
        #expect(view.tally.map(\.count).reduce(0, +) == model.overview.tally.total)
        let json = try model.json.encoded()
        #expect(json.contains("\"percent_of_plan\" : 70.76"))
    }
}

@Suite struct CookieReadingTests {
    @Test func aCookieIsFoundByNameAmongOthers() {
        let headers = ["a=1; chitieu_phien_x=khac; chitieu_phien=abc-123_xyz", "chitieu_csrf=t0k"]
        #expect(IdentifyMiddleware.cookie("chitieu_phien", in: headers) == "abc-123_xyz")
        #expect(IdentifyMiddleware.cookie("chitieu_csrf", in: headers) == "t0k")
        #expect(IdentifyMiddleware.cookie("a", in: headers) == "1")
        #expect(IdentifyMiddleware.cookie("khong", in: headers) == nil)
        #expect(IdentifyMiddleware.cookie("chitieu_phien", in: ["chitieu_phien="]) == nil)
        #expect(IdentifyMiddleware.cookie("chitieu_phien", in: []) == nil)
    }
}

@Suite struct SingleFlightTests {
    @Test func parallelAsksShareOneLoad() async throws {
        let flight = SingleFlight<Int>()
        let loads = LoadCount()
        let gate = AsyncStream<Void>.makeStream()
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await flight.value("k") {
                        loads.add()
                        for await _ in gate.stream { break }  // held until every ask is in
                        return 7
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            gate.continuation.yield()
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(answers == Array(repeating: 7, count: 20))
        #expect(loads.value == 1)
        // Once answered, the next ask loads afresh.
        #expect(try await flight.value("k") { 8 } == 8)
    }
}

private final class LoadCount: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

@Suite struct ComparisonViewModelTests {
    @Test func theComparePageAndItsJSONShowOneModel() async throws {
        let fixture = try await ServerFixture.demo()
        // The Gia Lai of before 1 July 2025, with its districts.
        let province = try #require(
            try await fixture.repository.units(named: .init("Gia Lai")).first { $0.validTo != nil })
        let catalogue = try await fixture.repository.indicators()
        let indicator = try #require(catalogue.first { $0.code == "total_production_value" })
        let model = try await ComparisonModel.load(
            indicator, under: province, period: try Period.yearToDate(2024, through: 9), services: fixture.services)
        let view = ComparePage.View(model, catalogue: catalogue, layout: LayoutView(title: "thử"))
        #expect(view.heading == "So sánh: Tổng giá trị sản xuất — các đơn vị thuộc tỉnh Gia Lai, 9 tháng năm 2024")
        #expect(view.rows.count == model.rows.count)
        #expect(view.rows.contains { $0.title == "Huyện Kông Chro" && $0.rank == "1" })
        let ranked = view.rows.filter { $0.rank != "–" }
        #expect(ranked.map(\.rank) == (1...ranked.count).map(String.init))
        #expect(view.indicators.filter(\.selected).map(\.value) == ["total_production_value"])
        #expect(view.chart?.hasPrefix("<svg") == (ranked.count > 0))
        let json = String(buffer: try JSONBody.encode(model.json))
        #expect(json.contains("\"period\":\"9 tháng năm 2024\""))
    }
}

@Suite struct UnitDirectoryCacheTests {
    @Test func expiredUnitsAreServedWhileOneLoadRefreshesThem() async throws {
        let cache = ResponseCache(unitLifetime: .zero)
        let first = UnitDirectory(all: [AdministrativeUnit(id: 1, kind: .province, name: "Gia Lai")], inUse: [])
        let second = UnitDirectory(all: [AdministrativeUnit(id: 2, kind: .province, name: "Đắk Lắk")], inUse: [])
        #expect(try await cache.units { first }.all.keys.sorted() == [1])
        // Expired at once: the old units come back without waiting for the slow load…
        let served = try await cache.units {
            try await Task.sleep(for: .milliseconds(200))
            return second
        }
        #expect(served.all.keys.sorted() == [1])
        // …which replaces them when it is done.
        var seen: [UnitID] = []
        for _ in 0..<100 where seen != [2] {
            try await Task.sleep(for: .milliseconds(50))
            seen = try await cache.units { second }.all.keys.sorted()
        }
        #expect(seen == [2])
        cache.removeAll()
        #expect(try await cache.units { first }.all.keys.sorted() == [1])
    }
}

@Suite struct FailedChangesKeepUnitsTests {
    /// 200 wrong passwords must not make the server read 14.000 units 200 times.
    @Test func aRefusedPostKeepsTheUnitsAndASuccessfulOneDropsThem() async throws {
        // units kept an hour: on a loaded machine this test can outlast the 30 s after which
        // the units are refreshed in the background, and that refresh would be counted
        let fixture = try await ServerFixture.demo(cache: ResponseCache(unitLifetime: .seconds(3600)))
        _ = try await fixture.services.unitDirectory()
        let loads = LoadCount()
        let load: @Sendable () async throws -> UnitDirectory = {
            loads.add()
            return UnitDirectory(all: [], inUse: [])
        }
        let refused = try await fixture.test { client in
            try await client.postForm("/danh-muc", [("ten", ""), ("don_vi_tinh", "")])
        }
        #expect(refused.status == .unprocessableContent)
        _ = try await fixture.services.cache.units(load: load)
        #expect(loads.value == 0)
        let saved = try await fixture.test { client in
            try await client.postForm("/danh-muc", [("ten", "Số hộ nuôi bò"), ("don_vi_tinh", "hộ")])
        }
        #expect(saved.status == .seeOther)
        _ = try await fixture.services.cache.units(load: load)
        #expect(loads.value == 1)
    }

    /// A page cached for a reader stays cached while someone signs in, rightly or wrongly:
    /// neither changes a figure; a saved change still empties it.
    @Test func signingInKeepsCachedPagesAndASavedChangeDropsThem() async throws {
        let fixture = try await ServerFixture.demo()
        let cache = fixture.services.cache
        func page(_ text: String) async throws -> String {
            let response = try await cache.response("/don-vi/5", contentType: "text/plain") { ByteBuffer(string: text) }
            let body = try await ResponseCacheTests().body(response)
            return body
        }
        #expect(try await page("cũ") == "cũ")
        let statuses = try await fixture.test(as: nil) { client in
            let form = try await client.get("/dang-nhap")
            let cookie = try #require(form.headers[.setCookie])
            let csrf = String(cookie.dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
            var statuses: [HTTPResponse.Status] = []
            for password in ["doan-sai-1", "mat-khau-dai-1"] {
                let response = try await client.client.execute(
                    uri: "/dang-nhap", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(csrf)"],
                    body: ByteBuffer(string: "_csrf=\(csrf)&ten=quantri&mat_khau=\(password)")
                ) { $0 }
                statuses.append(response.status)
            }
            return statuses
        }
        #expect(statuses == [.unauthorized, .seeOther])
        #expect(try await page("mới") == "cũ")
        let saved = try await fixture.test { client in
            try await client.postForm("/danh-muc", [("ten", "Số hộ nuôi dê"), ("don_vi_tinh", "hộ")])
        }
        #expect(saved.status == .seeOther)
        #expect(try await page("mới") == "mới")
    }
}

@Suite struct UnitPickerTests {
    /// 34 provinces of 30 communes each (1.054 units): a commune's picker offers the provinces,
    /// its own province's communes and nothing of the others; a small set is offered whole.
    @Test func atNationalSizeThePickerOffersTheUnitsAroundThePage() throws {
        var units: [AdministrativeUnit] = []
        for p in 1...34 {
            let province = UnitID(p * 100)
            units.append(AdministrativeUnit(id: province, kind: .province, name: "Tỉnh \(p)"))
            for c in 1...30 {
                units.append(
                    AdministrativeUnit(id: province + UnitID(c), kind: .commune, name: "Xã \(c)", parentID: province))
            }
        }
        let commune = units.first { $0.id == 705 }!
        let period = try Period.yearToDate(2026, through: 9)
        let layout = LayoutView(
            title: "thử", page: .overview, unit: commune, period: period, units: units, currentYear: 2026)
        let offered = try #require(layout.picker).units
        #expect(offered.count == 34 + 30)
        #expect(offered.filter(\.selected).map(\.value) == ["705"])
        #expect(offered.contains { $0.value == "730" } && !offered.contains { $0.value == "801" })
        #expect(layout.picker?.trimmed == true)
        let province = LayoutView(
            title: "thử", page: .overview, unit: units[0], period: period, units: units, currentYear: 2026)
        #expect(province.picker?.units.map(\.value).filter { $0.hasPrefix("1") && $0.count == 3 }.count == 31)
        let small = LayoutView(
            title: "thử", page: .overview, unit: commune, period: period, units: Array(units.prefix(62)),
            currentYear: 2026)
        #expect(small.picker?.units.count == 62)
        #expect(small.picker?.trimmed == false)
    }
}

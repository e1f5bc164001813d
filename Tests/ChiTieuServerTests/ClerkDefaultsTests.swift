import ChiTieuCore
import ChiTieuStore
import Testing

@testable import ChiTieuServer

/// Defaults and signposts: the period a page opens on, units that ended, read-only accounts,
/// the demo, the history's year and Vietnam time.
@Suite struct ClerkDefaultsTests {
    /// The demo's province before the reform, whose figures are its districts'.
    static func oldGiaLai(_ fixture: ServerFixture) async throws -> AdministrativeUnit {
        try #require(try await fixture.repository.allUnits().first { $0.name == "Gia Lai" && $0.validTo != nil })
    }

    @Test func aProvinceOpensOnItsDistrictsLatestPeriodAndCompareSaysWhichYearsHadUnitsBelow() async throws {
        let fixture = try await ServerFixture.demo()
        let province = try await Self.oldGiaLai(fixture)
        let districts = try await fixture.repository.children(of: province.id).map(\.id)
        let latest = try #require(
            try await fixture.repository.observations(unitIDs: districts, years: 2015...2026).map(\.period)
                .filter { $0.fromMonth == 1 }.max { ($0.year, $0.toMonth) < ($1.year, $1.toMonth) })
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(province.id)").text
            #expect(page.contains("<h1>Tỉnh Gia Lai — \(latest.label)</h1>"))
            let compare = try await client.get("/don-vi/\(province.id)/so-sanh?nam=2026&thang=9").text
            #expect(compare.contains("Trong 9 tháng năm 2026, tỉnh Gia Lai không có đơn vị trực thuộc"))
            #expect(!compare.contains("Đơn vị này không có đơn vị trực thuộc để so sánh"))
            // Once the new province has a plan of its own, both Gia Lai are listed: each says which.
            let newGiaLai = try await fixture.unitID("Gia Lai")
            _ = try await client.postForm(
                "/don-vi/\(newGiaLai)/ke-hoach",
                [("nam", "2026"), ("moi[chi_tieu]", "budget_revenue"), ("moi[gia_tri]", "9.000")])
            let home = try await client.get("/").text
            #expect(home.contains("Tỉnh Gia Lai</a> <span class=\"muted\">(đến trước 1/7/2025)</span>"))
            #expect(home.contains("Tỉnh Gia Lai</a> <span class=\"muted\">(từ 1/7/2025)</span>"))
        }
    }

    @Test func aUnitThatEndedSaysSoAndIsNotEditableAfterwards() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let partly = try await client.get("/don-vi/\(id)/nhap-so-lieu?nam=2025&thang=9").text
            #expect(partly.contains("Huyện Kông Chro chỉ tồn tại đến trước 1/7/2025"))
            #expect(partly.contains("<fieldset class=\"bare\">"))
            let after = try await client.get("/don-vi/\(id)/nhap-so-lieu?nam=2026&thang=9").text
            #expect(after.contains("Huyện Kông Chro không tồn tại trong năm 2026 (chỉ có đến trước 1/7/2025)"))
            #expect(after.contains("<fieldset class=\"bare\" disabled>"))
            #expect(!after.contains("<option value=\"2027\""))
            let ended = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(!ended.contains("<option value=\"2026\""))
        }
    }

    @Test func aViewerMeetsDisabledFormsWithWhyBeforeTyping() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let viewer = try await fixture.repository.addUser(
            name: "xem", role: .viewer, unitID: id, passwordHash: "x", author: .commandLine)
        let session = try await ServerFixture.session(for: viewer, in: fixture.repository)
        try await fixture.test(as: session) { client in
            for page in ["nhap-so-lieu?nam=2024&thang=9", "ke-hoach?nam=2024", "bo-chi-tieu?nam=2024"] {
                let html = try await client.get("/don-vi/\(id)/\(page)").text
                #expect(html.contains("Tài khoản của anh chị chỉ xem được đơn vị này, không sửa được."), "\(page)")
                #expect(html.contains("<fieldset class=\"bare\" disabled>"), "\(page)")
            }
            // Reading a text stores nothing: a viewer may, and is told it will not be stored.
            let preview = try await client.postForm(
                "/nhap-van-ban",
                [("van_ban", "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất đạt 4.950 tỷ đồng.")])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("<button type=\"submit\" disabled>Lưu các số liệu đã chọn</button>"))
        }
    }

    @Test func theHistoryFollowsItsYearInVietnamTime() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            _ = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu", [("nam", "2024"), ("thang", "9"), ("gia_tri[budget_revenue]", "36")])
            _ = try await client.postForm(
                "/don-vi/\(id)/ke-hoach",
                [("nam", "2025"), ("moi[chi_tieu]", "budget_revenue"), ("moi[gia_tri]", "30")])
            let year2025 = try await client.get("/don-vi/\(id)/lich-su?nam=2025&thang=6").text
            #expect(year2025.contains("Lịch sử thay đổi — Huyện Kông Chro, năm 2025"))
            #expect(year2025.contains("Thu ngân sách nhà nước trên địa bàn, năm 2025"))
            #expect(!year2025.contains("Thu ngân sách nhà nước trên địa bàn, 9 tháng năm 2024"))
            // 15 June 2026, 02:30 UTC is 09:30 in Hà Nội.
            #expect(year2025.contains("<th>Lúc (giờ Việt Nam)</th>"))
            #expect(year2025.contains("09:30 ngày 15/6/2026"))
        }
    }
}

/// Figures a leader reads side by side agree: the year a term figure is from, units said once,
/// whole forecasts of counts, the progress bar explained.
@Suite struct SideBySideFiguresTests {
    @Test func theOverviewSaysWhichYearATermFigureIsFromAndCountsAreWhole() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(page.contains(">72 (năm 2023)<"))
            #expect(page.contains(">≥ 60 đảng viên/năm</td>"))
            #expect(!page.contains("hằng năm ≥ 60"))
            #expect(page.contains("data-label=\"Dự báo\">67</td>"))
            #expect(!page.contains("66,67</td>"))
            #expect(page.contains("8,29%/năm (đến năm 2023)"))
            #expect(page.contains("vạch đứng là phần cần đạt đến thời điểm này"))
        }
    }
}

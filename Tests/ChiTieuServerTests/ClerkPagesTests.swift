import ChiTieuCore
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuServer

/// What a district clerk meets on the entry, plan, import and overview pages: saved figures
/// show as saved, several plans go in at once, mistakes can be removed and put back, conflicts
/// are decided on the page, and the table agrees with the tally beside it.
@Suite struct ClerkPagesTests {
    @Test func aSavedMidYearFigureOfAYearlyIndicatorShowsAsSavedAndSaysWhyItIsNotJudged() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let saved = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu", [("nam", "2024"), ("thang", "9"), ("gia_tri[poverty_rate]", "9,5")])
            #expect(saved.status == .seeOther)
            let grid = try await client.get("/don-vi/\(id)/nhap-so-lieu?nam=2024&thang=9&da-luu=1").text
            #expect(
                grid.contains(
                    "<td class=\"n\" data-label=\"Đã có\">9,5<div class=\"note\">Chỉ tiêu thống kê theo năm: số 9 tháng năm 2024 đã lưu nhưng chỉ đánh giá khi có số cả năm.</div></td>"
                ))
            let overview = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(overview.contains("9,5 <span class=\"unit\">%</span>"))
            #expect(overview.contains("số 9 tháng năm 2024 đã lưu nhưng chỉ đánh giá khi có số cả năm."))
        }
    }

    @Test func severalPlansGoInAtOnceAndAUnitTypedAfterTheNumberIsRead() async throws {
        let fixture = try await ServerFixture.demo(extraUnit: "Ia Thử")
        let id = try await fixture.unitID("Ia Thử")
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)/ke-hoach?nam=2024").text
            #expect(page.contains("name=\"moi[chi_tieu_5]\""))
            let refused = try await client.postForm(
                "/don-vi/\(id)/ke-hoach",
                [
                    ("nam", "2024"), ("moi[chi_tieu]", "health_insurance_coverage"), ("moi[gia_tri]", "92%"),
                    ("moi[chi_tieu_2]", "total_production_value"), ("moi[gia_tri_2]", "1.250 ha"),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("«1.250 ha»: đơn vị «ha» không khớp đơn vị tính «tỷ đồng»."))
            #expect(refused.text.contains("name=\"moi[gia_tri]\" value=\"92%\""))
            let saved = try await client.postForm(
                "/don-vi/\(id)/ke-hoach",
                [
                    ("nam", "2024"), ("moi[chi_tieu]", "health_insurance_coverage"), ("moi[gia_tri]", "92%"),
                    ("moi[chi_tieu_2]", "total_production_value"), ("moi[gia_tri_2]", "1.250 tỷ đồng"),
                    ("moi[chi_tieu_3]", "budget_revenue"), ("moi[gia_tri_3]", "12,5"),
                ])
            #expect(saved.status == .seeOther)
        }
        let stored = try await fixture.repository.targets(unitIDs: [id], years: 2024...2024)
        #expect(
            Set(stored.map { "\($0.indicatorCode)=\($0.bound.values.0)" }) == [
                "health_insurance_coverage=92.0", "total_production_value=1250.0", "budget_revenue=12.5",
            ])
    }

    @Test func aRemovedPlanIsListedAuditedAndPutBack() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let plans = try await fixture.repository.targets(unitIDs: [id], years: 2024...2024).filter(\.isAnnual)
        let forest = try #require(plans.first { $0.indicatorCode == "forest_cover" })
        try await fixture.test { client in
            let removed = try await client.postForm(
                "/don-vi/\(id)/ke-hoach", [("nam", "2024"), ("xoa[t\(forest.id)]", "1")])
            #expect(removed.status == .seeOther)
            let page = try await client.get("/don-vi/\(id)/ke-hoach?nam=2024").text
            #expect(page.contains("<h2>Đã xóa (khôi phục được)</h2>"))
            #expect(!page.contains("name=\"gia_tri[t\(forest.id)]\""))
            let overview = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(!overview.contains("Tỷ lệ che phủ rừng</a>"))
        }
        let gone = try await fixture.repository.removedTargets(unitIDs: [id], years: 2024...2024)
        #expect(gone.map(\.target.indicatorCode) == ["forest_cover"])
        #expect(gone.first?.removedBy == "quantri (trang Kế hoạch)")
        try await fixture.test { client in
            let back = try await client.postForm(
                "/don-vi/\(id)/ke-hoach", [("nam", "2024"), ("khoi_phuc", "\(gone[0].target.id)")])
            #expect(back.status == .seeOther)
        }
        let restored = try await fixture.repository.targets(unitIDs: [id], years: 2024...2024)
        #expect(restored.first { $0.indicatorCode == "forest_cover" }?.bound == forest.bound)
        #expect(try await fixture.repository.removedTargets(unitIDs: [id], years: 2024...2024).isEmpty)
        let trail = try await fixture.repository.auditTrail(AuditQuery(recordKey: AuditEntry.targetKey(forest)))
        #expect(trail.map(\.action) == [.restored, .removed, .added])
    }

    @Test func aSecondPlanOfOneIndicatorSaysTheTallyDoesNotCountIt() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        var batch = DataBatch()
        batch.add(
            Target(
                unitID: id, indicatorCode: "total_production_value", scope: .year(2024), bound: .atLeast(7_000),
                issuer: "dự toán tỉnh giao"))
        try await fixture.repository.save(batch)
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(page.contains("Trong tổng 9 chỉ tiêu"))
            #expect(
                page.components(
                    separatedBy: "Không tính vào tổng hợp: chỉ tiêu này đã được tính một lần theo cấp giao khác."
                )
                .count == 2)
        }
    }

    @Test func eachConflictIsKeptOrReplacedOnThePageAndAFailedSaveKeepsTheText() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let text =
            "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.900 tỷ đồng; thu ngân sách nhà nước trên địa bàn đạt 36 tỷ đồng."
        let confirm = [
            ("van_ban", text), ("ten", "Bản tin thử"), ("don_vi", "\(id)"), ("nam", "2024"), ("thang", "9"),
            ("chi_tieu[r1]", "Tổng giá trị sản xuất"), ("ma[r1]", "total_production_value"),
            ("chi_tieu[r2]", "Thu ngân sách nhà nước trên địa bàn"), ("ma[r2]", "budget_revenue"),
        ]
        try await fixture.test { client in
            let held = try await client.postForm("/nhap-van-ban/luu", confirm)
            #expect(held.text.contains("<h2>Số khác với số đã lưu</h2>"))
            #expect(held.text.contains("name=\"thay[total_production_value]\""))
            #expect(held.text.contains("name=\"thay[budget_revenue]\""))
            #expect(
                held.text.contains("Khác số đã lưu, chưa ghi: Tổng giá trị sản xuất 9 tháng năm 2024 — đã lưu 4.790,86")
            )
            // The form carries the whole confirmation again: choose one of the two.
            #expect(held.text.contains("name=\"ma[r2]\" value=\"budget_revenue\""))
            let chosen = try await client.postForm("/nhap-van-ban/luu", confirm + [("thay[budget_revenue]", "1")])
            #expect(chosen.status == .ok)
            let failed = try await client.postForm(
                "/nhap-van-ban/luu", [("van_ban", "Văn bản không có số liệu nào."), ("ten", "Thử")])
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains(">Văn bản không có số liệu nào.</textarea>"))
        }
        let stored = try await fixture.repository.observations(unitIDs: [id], years: 2024...2024)
            .filter { $0.period == (try Period.yearToDate(2024, through: 9)) }
        #expect(stored.first { $0.indicatorCode == "budget_revenue" }?.value == 36)
        #expect(stored.first { $0.indicatorCode == "total_production_value" }?.value == 4790.86)
    }
}

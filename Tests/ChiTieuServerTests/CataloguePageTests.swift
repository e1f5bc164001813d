import ChiTieuCore
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuServer

/// The catalogue page: own indicators added and changed in the browser, refused with the
/// field named, and only by accounts that may change figures.
@Suite struct CataloguePageTests {
    static let water: [(String, String)] = [
        ("ten", "Tỷ lệ hộ dùng nước sạch"), ("don_vi_tinh", "%"), ("loai", "level"), ("tot_khi", "higher"),
        ("linh_vuc", "van_hoa_xa_hoi"), ("ky", "yearly"), ("ten_khac", "nước sạch nông thôn"),
    ]

    @Test func anOwnIndicatorIsAddedThenChanged() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let added = try await client.postForm("/danh-muc", Self.water)
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/danh-muc?da-luu=rieng_ty_le_ho_dung_nuoc_sach")
            let page = try await client.get("/danh-muc?da-luu=rieng_ty_le_ho_dung_nuoc_sach").text
            #expect(page.contains("Đã lưu chỉ tiêu «Tỷ lệ hộ dùng nước sạch»."))
            #expect(page.contains("<a href=\"/danh-muc/rieng_ty_le_ho_dung_nuoc_sach\">sửa</a>"))
            let again = try await client.postForm("/danh-muc", Self.water)
            #expect(again.status == .unprocessableContent)
            #expect(
                again.text.contains(
                    "đã có trong danh mục: «Tỷ lệ hộ dùng nước sạch» (mã rieng_ty_le_ho_dung_nuoc_sach)"))
            #expect(again.text.contains("value=\"Tỷ lệ hộ dùng nước sạch\""))
            let edit = try await client.get("/danh-muc/rieng_ty_le_ho_dung_nuoc_sach").text
            #expect(edit.contains("value=\"nước sạch nông thôn\""))
            let changed = Self.water.map { $0.0 == "ky" ? ("ky", "half_yearly") : $0 }
            let saved = try await client.postForm("/danh-muc/rieng_ty_le_ho_dung_nuoc_sach", changed)
            #expect(saved.status == .seeOther)
            let standard = try await client.postForm("/danh-muc/total_production_value", Self.water)
            #expect(standard.status == .unprocessableContent)
            #expect(standard.text.contains("thuộc danh mục chuẩn"))
        }
        #expect(
            try await fixture.repository.indicatorsByCode()["rieng_ty_le_ho_dung_nuoc_sach"]?.frequency == .halfYearly)
        let history = try await fixture.repository.auditTrail(
            AuditQuery(recordKey: "danh-muc/rieng_ty_le_ho_dung_nuoc_sach"))
        #expect(history.map(\.author.name) == ["quantri (trang Danh mục)", "quantri (trang Danh mục)"])
    }

    @Test func aFlowInPercentIsRefusedBesideItsField() async throws {
        let fixture = try await ServerFixture.demo()
        var draft = Self.water
        draft[2] = ("loai", "flow")
        let flow = draft
        let response = try await fixture.test { try await $0.postForm("/danh-muc", flow) }
        #expect(response.status == .unprocessableContent)
        #expect(
            response.text.contains(
                "name=\"don_vi_tinh\" value=\"%\" size=\"10\" placeholder=\"%\" aria-invalid=\"true\""))
        #expect(response.text.contains("không đo bằng «%»"))
    }

    /// The rule a unit's figure is derived by, chosen in the form, shown in the catalogue and
    /// back in the edit form; a rate recomputed without its denominator is refused beside it.
    @Test func anOwnIndicatorsRollUpRuleIsChosenInTheForm() async throws {
        let fixture = try await ServerFixture.demo()
        let share = Self.water + [("tong_hop", "share"), ("tu_so", "poor_households"), ("trong_so", "households")]
        try await fixture.test { client in
            let refused = try await client.postForm("/danh-muc", share)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Tổng hợp từ cấp dưới: chọn tử số và mẫu số."))
            #expect(refused.text.contains("<option value=\"share\" selected>"))
            let badScale = share + [("mau_so", "households"), ("he_so", "một trăm")]
            #expect(
                try await client.postForm("/danh-muc", badScale).text.contains(
                    "«Nhân với» = «một trăm» không phải là số"))
            let saved = try await client.postForm("/danh-muc", share + [("mau_so", "households")])
            #expect(saved.status == .seeOther)
            let page = try await client.get("/danh-muc").text
            #expect(
                page.contains(
                    "<td data-label=\"Tổng hợp từ cấp dưới\">tính lại tỷ lệ: Số hộ nghèo / Tổng số hộ × 100; "
                        + "nếu không: bình quân gia quyền theo Tổng số hộ</td>"))
            let edit = try await client.get("/danh-muc/rieng_ty_le_ho_dung_nuoc_sach").text
            #expect(edit.contains("<option value=\"share\" selected>"))
            #expect(edit.contains("name=\"he_so\" value=\"100\""))
            #expect(edit.contains("<option value=\"households\" selected>Tổng số hộ (hộ)</option>"))
            let none = try await client.postForm(
                "/danh-muc/rieng_ty_le_ho_dung_nuoc_sach", Self.water + [("tong_hop", "none")])
            #expect(none.status == .seeOther)
        }
        let stored = try await fixture.repository.indicatorsByCode()["rieng_ty_le_ho_dung_nuoc_sach"]
        #expect(stored?.rollUpRule == RollUpRule.none)
    }

    @Test func aViewerReadsTheCatalogueButCannotAdd() async throws {
        let fixture = try await ServerFixture.demo()
        let viewer = try await fixture.repository.addUser(
            name: "xem", role: .viewer, unitID: try await fixture.unitID("Kông Chro"), passwordHash: "x",
            author: .commandLine)
        let session = try await ServerFixture.session(for: viewer, in: fixture.repository)
        try await fixture.test(as: session) { client in
            let page = try await client.get("/danh-muc").text
            #expect(page.contains("Tổng giá trị sản xuất"))
            #expect(!page.contains("Thêm chỉ tiêu riêng"))
            #expect(try await client.postForm("/danh-muc", Self.water).status == .forbidden)
        }
        #expect(try await fixture.repository.indicatorsByCode()["rieng_ty_le_ho_dung_nuoc_sach"] == nil)
    }
}

@Suite struct OwnIndicatorOnPagesTests {
    @Test func anOwnIndicatorCanBePlannedEnteredAndAssessed() async throws {
        let fixture = try await ServerFixture.demo()
        let water = try await fixture.repository.saveIndicator(
            IndicatorDraft(name: "Tỷ lệ hộ dùng nước sạch", measureUnit: "%", field: .society), code: nil,
            author: .commandLine)
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let plan = try await client.get("/don-vi/\(id)/ke-hoach?nam=2024").text
            #expect(plan.contains("<option value=\"\(water.code)\">Tỷ lệ hộ dùng nước sạch (%)</option>"))
            let saved = try await client.postForm(
                "/don-vi/\(id)/ke-hoach", [("nam", "2024"), ("moi[chi_tieu]", water.code), ("moi[gia_tri]", "95")])
            #expect(saved.status == .seeOther)
            let entered = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu", [("nam", "2024"), ("thang", "12"), ("gia_tri[\(water.code)]", "96,5")])
            #expect(entered.status == .seeOther)
            let overview = try await client.get("/don-vi/\(id)?nam=2024&thang=12").text
            #expect(overview.contains("Tỷ lệ hộ dùng nước sạch</a>"))
            #expect(overview.contains("96,5 <span class=\"unit\">%</span>"))
        }
    }
}

@Suite struct OwnIndicatorOwnerTests {
    static let water = [("ten", "Tỷ lệ hộ dùng nước sạch"), ("don_vi_tinh", "%"), ("loai", "level")]

    /// An editor's indicator is their unit's: they and an administrator change it, an editor
    /// of another district does not.
    @Test func anEditorsIndicatorBelongsToTheirUnit() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        let anKhe = try await fixture.unitID("An Khê")
        func editor(_ name: String, _ unit: UnitID) async throws -> Browser.Session {
            let user = try await fixture.repository.addUser(
                name: name, role: .editor, unitID: unit, passwordHash: "x", author: .commandLine)
            return try await ServerFixture.session(for: user, in: fixture.repository)
        }
        let own = try await editor("nhap-kong-chro", kongChro)
        let other = try await editor("nhap-an-khe", anKhe)
        try await fixture.test(as: own) { client in
            let added = try await client.postForm("/danh-muc", Self.water)
            #expect(added.status == .seeOther)
        }
        let made = try #require(
            try await fixture.repository.indicators().first { $0.name == "Tỷ lệ hộ dùng nước sạch" })
        #expect(made.ownerUnitID == kongChro)
        try await fixture.test(as: own) { client in
            let page = try await client.get("/danh-muc").text
            #expect(
                page.contains(
                    "Tỷ lệ hộ dùng nước sạch <span class=\"muted\">(riêng của Huyện Kông Chro)</span> <a href=\"/danh-muc/\(made.code)\">sửa</a>"
                ))
            #expect(try await client.get("/danh-muc/\(made.code)").status == .ok)
        }
        try await fixture.test(as: other) { client in
            let page = try await client.get("/danh-muc").text
            #expect(page.contains("(riêng của Huyện Kông Chro)</span></td>"))
            #expect(try await client.get("/danh-muc/\(made.code)").status == .forbidden)
            let changed = Self.water + [("ky", "monthly")]
            #expect(try await client.postForm("/danh-muc/\(made.code)", changed).status == .forbidden)
        }
        #expect(try await fixture.repository.indicatorsByCode()[made.code]?.frequency == .yearly)
        try await fixture.test { client in
            let changed = try await client.postForm("/danh-muc/\(made.code)", Self.water + [("ky", "monthly")])
            #expect(changed.status == .seeOther)
        }
        let changed = try #require(try await fixture.repository.indicatorsByCode()[made.code])
        #expect(changed.frequency == .monthly && changed.ownerUnitID == kongChro)
    }
}

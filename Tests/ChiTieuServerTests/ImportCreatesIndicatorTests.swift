import ChiTieuCore
import ChiTieuStore
import Testing

@testable import ChiTieuServer

/// On the text-import page, a name the catalogue lacks can be created as the office's own
/// indicator, with the unit the text gives, in the same save as its figures.
@Suite struct ImportCreatesIndicatorTests {
    static let text =
        "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.950 tỷ đồng, bằng 73,11% kế hoạch; số hộ dùng nước sạch đạt 2.150 hộ."

    static func confirm(_ id: UnitID, code: String, unit: String) -> [(String, String)] {
        [
            ("van_ban", text), ("ten", "Bản tin thử"), ("don_vi", "\(id)"), ("nam", "2024"), ("thang", "9"),
            ("chi_tieu[r1]", "Tổng giá trị sản xuất"), ("ma[r1]", "total_production_value"),
            ("chi_tieu[r2]", "Số hộ dùng nước sạch"), ("ma[r2]", code), ("dvt[r2]", unit), ("ghi_de", "1"),
        ]
    }

    @Test func anUnknownNameIsCreatedWithItsFiguresInOneSave() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let preview = try await client.postForm("/nhap-van-ban", [("van_ban", Self.text), ("ten", "Bản tin thử")])
            #expect(
                preview.text.contains("<option value=\"+moi\">＋ Tạo chỉ tiêu mới «Số hộ dùng nước sạch» (hộ)</option>"))
            #expect(preview.text.contains("name=\"dvt[r2]\" value=\"hộ\""))
            let stored = try await client.postForm("/nhap-van-ban/luu", Self.confirm(id, code: "+moi", unit: "hộ"))
            #expect(stored.status == .ok)
            #expect(stored.text.contains("1 chỉ tiêu trong danh mục"))
        }
        let made = try #require(try await fixture.repository.indicators().first { $0.name == "Số hộ dùng nước sạch" })
        #expect(made.code == "rieng_so_ho_dung_nuoc_sach" && made.measureUnit == "hộ")
        let results = try await fixture.repository.observations(unitIDs: [id], years: 2024...2024)
        #expect(results.first { $0.indicatorCode == made.code }?.value == 2150)
    }

    @Test func aNewIndicatorThatCannotBeMadeStoresNothing() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let before = try await fixture.repository.observations(unitIDs: [id], years: 2024...2024).count
        try await fixture.test { client in
            let refused = try await client.postForm("/nhap-van-ban/luu", Self.confirm(id, code: "+moi", unit: ""))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("chỉ tiêu mới «Số hộ dùng nước sạch»"))
        }
        #expect(try await fixture.repository.indicators().allSatisfy { $0.name != "Số hộ dùng nước sạch" })
        #expect(try await fixture.repository.observations(unitIDs: [id], years: 2024...2024).count == before)
    }
}

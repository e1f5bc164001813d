import ChiTieuCore
import Testing

@testable import ChiTieuStore

@Suite struct StandardCatalogueTests {
    let catalogue = try! StandardCatalogue.load()

    @Test func coversWhatDistrictAndCommuneReportsTrack() {
        #expect(catalogue.indicators.count >= 40)
        #expect(Set(catalogue.indicators.map(\.field)) == Set(Field.allCases))
        let lowerIsBetter = catalogue.indicators.filter { $0.direction == .lowerIsBetter }.map(\.code)
        #expect(
            Set(["poverty_rate", "traffic_accidents", "natural_population_growth"]).isSubset(of: Set(lowerIsBetter)))
        #expect(catalogue.indicators.allSatisfy { !$0.name.isEmpty && !$0.measureUnit.isEmpty && !$0.synonyms.isEmpty })
        #expect(catalogue.indicators.filter { $0.kind == .level }.count >= 15)
        #expect(catalogue.indicators.filter { $0.frequency == .yearly }.count >= 10)
    }

    @Test(arguments: [
        ("Giá trị sản lượng công nghiệp, tiểu thủ công nghiệp", "industrial_production_value"),
        ("Giá trị sản xuất công nghiệp", "industrial_production_value"),
        ("Thu ngân sách nhà nước trên địa bàn", "budget_revenue"),
        ("Tổng thu ngân sách", "budget_revenue"),
        ("Tổng mức bán lẻ hàng hoá trên địa bàn", "retail_sales"),
        ("Công nghiệp-xây dựng", "production_value_industry_construction"),
        ("Người dân tham gia bảo hiểm y tế", "health_insurance_coverage"),
        ("Tổ chức giao quân", "military_conscription"),
        ("Kết nạp đảng viên mới", "new_party_members"),
        ("Lương thực bình quân đầu người", "grain_per_capita"),
        ("Tỷ lệ che phủ rừng", "forest_cover"),
        ("Trồng mới rừng", "forest_planting"),
        ("Xuất khẩu lao động", "labour_export"),
        ("Sản phẩm OCOP đạt 3 sao cấp huyện trở lên", "ocop_products"),
    ])
    func namesFromReportsFindTheirIndicator(name: String, code: String) {
        #expect(catalogue.indicator(named: name)?.code == code)
    }

    /// The shipped catalogue nests indicators (the loader would refuse a parent it lacks, so
    /// the check that can fail is the refusal itself).
    @Test func parentsAreInTheCatalogueAndAMissingOneIsRefused() throws {
        #expect(catalogue.indicators.contains { $0.parentCode != nil })
        var broken = catalogue.indicators
        let index = try #require(broken.firstIndex { $0.parentCode != nil })
        broken[index].parentCode = "khong_co"
        #expect(throws: CatalogueError.unknownParent(broken[index].code, "khong_co")) {
            try Catalogue(version: "thử", indicators: broken)
        }
    }
}

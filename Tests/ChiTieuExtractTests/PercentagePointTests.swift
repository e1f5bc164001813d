import Testing

@testable import ChiTieuExtract

/// A change in percentage points is the change of a rate; for an amount it is no growth.
@Suite struct PercentagePointTests {
    @Test func pointsAreTheGrowthOfARateOnly() {
        let result = Extractor(currentYear: 2026).extract(
            "Trong 9 tháng năm 2024, huyện Thử có tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,2%, tăng 3 điểm phần trăm so với cùng kỳ; thu ngân sách đạt 40 tỷ đồng, tăng 3 điểm phần trăm."
        )
        let insurance = result.observations.first { $0.indicator.hasPrefix("Tỷ lệ dân số tham gia bảo hiểm y tế") }
        #expect(insurance?.value == 95.2)
        #expect(insurance?.growthPercent == 3)
        let budget = result.observations.first { $0.indicator.hasPrefix("Thu ngân sách") }
        #expect(budget?.value == 40)
        #expect(budget?.growthPercent == nil)
    }
}

import ChiTieuCore
import Testing

@testable import ChiTieuExtract

/// Goals introduced in the ways `docs/extraction-constructions.md` lists. Sentences written
/// for these tests; places and figures invented.
@Suite struct GoalConstructionTests {
    struct Goal: Equatable, CustomStringConvertible {
        var name: String
        var value: Double
        var unit: String?
        var year: Int
        var description: String { "\(name) \(value) \(unit ?? "") \(year)" }
    }

    static let review =
        "Hội nghị Ban Chấp hành Đảng bộ xã Tân Phú tổng kết năm 2025. Thu ngân sách năm 2025 đạt 300 tỷ đồng.\n\n"

    static func goals(_ text: String) -> [Goal] {
        Read.extractor.extract(review + text).targets.map {
            Goal(name: $0.indicator, value: $0.value, unit: $0.unit, year: $0.year)
        }
    }

    @Test func aListAnnouncedByItsCountTakesTheYearOfItsSentence() {
        #expect(
            Self.goals(
                "Tỉnh đề ra 12 chỉ tiêu năm 2026. Trọng tâm là, GRDP tăng hơn 9%; thu nội địa tăng 8% so với dự toán.")
                == [
                    Goal(name: "GRDP", value: 9, unit: "%", year: 2026),
                    Goal(name: "Thu nội địa", value: 8, unit: "%", year: 2026),
                ])
    }

    @Test func aListAnnouncedWithoutAYearTakesTheTermAnEarlierSentenceNamed() {
        let text =
            "Nghị quyết nhiệm kỳ 2025-2030 được thông qua. Xã đề ra 10 chỉ tiêu cụ thể: thu nhập bình quân đầu người đạt 90 triệu đồng; tỷ lệ hộ nghèo dưới 1%."
        #expect(Self.goals(text).map(\.year) == [2030, 2030])
        #expect(Self.goals(text).map(\.value) == [90, 1])
    }

    @Test func theEndOfAStageIsTheGoalsYear() {
        #expect(
            Self.goals("Phấn đấu tốc độ tăng tổng sản phẩm bình quân giai đoạn 2026 - 2030 đạt 9,5%/năm.").map(\.year)
                == [2030])
    }

    /// Without a review year only a term's end dates goals; a sentence that also reviews a past
    /// term reports results, whatever later term it names.
    @Test func aSentenceThatReviewsAPastTermHasNoGoals() {
        let result = Read.extractor.extract(
            "Theo dự thảo báo cáo nhiệm kỳ 2025 - 2030, trong nhiệm kỳ 2020 - 2025 kinh tế tăng bình quân 7,1%/năm; thu ngân sách đạt 900 tỷ đồng."
        )
        #expect(result.targets.isEmpty)
        let term = Read.extractor.extract(
            "Chương trình hành động (nhiệm kỳ 2025 - 2030) có 4 nhóm giải pháp. Một số chỉ tiêu cụ thể như: huy động vốn đầu tư 5 năm đạt hơn 2.000 tỷ đồng."
        )
        #expect(term.targets.map { [$0.value, Double($0.year)] } == [[2000, 2030]])
    }

    @Test func theFiguresATallyGoesOnToListAreRead() {
        #expect(
            Self.goals("Năm 2026, xã phấn đấu đạt 17 chỉ tiêu, trong đó thu ngân sách đạt hơn 340 tỷ đồng.")
                == [Goal(name: "Thu ngân sách", value: 340, unit: "tỷ đồng", year: 2026)])
    }

    /// A rise of an indicator says so; a growth rate named as one is the level of that rate.
    @Test func aRiseIsMarkedAsOne() {
        let read = Read.extractor.extract(
            Self.review
                + "Năm 2026 phấn đấu thu ngân sách hằng năm tăng 10 - 12%; doanh nghiệp thành lập mới tăng 12%; tốc độ tăng trưởng kinh tế đạt 8%."
        )
        #expect(read.targets.map(\.isGrowth) == [true, true, false])
        #expect(read.targets.map(\.rangeHigh) == [12, nil, nil])
    }

    @Test func aGrowthSetAsAGoalIsTheGoal() {
        #expect(
            Self.goals("Năm 2026 phấn đấu doanh nghiệp thành lập mới tăng 12%; thu ngân sách hằng năm tăng 10 - 12%.")
                .map(\.value)
                == [12, 10])
    }

    @Test func rangesWrittenCloseOrWithADashKeepTheirLowerBound() {
        #expect(Self.goals("Năm 2026 phấn đấu tốc độ tăng trưởng từ 9-9,5%.").map(\.value) == [9])
        let bounds = Read.extractor.extract(
            Self.review + "Năm 2026 phấn đấu tổng vốn đầu tư từ 5.100 đến 5.600 tỷ đồng.")
        #expect(bounds.targets.map { [$0.value, $0.rangeHigh] } == [[5100, 5600]])
        #expect(bounds.targets.first?.qualifier == .above)
        #expect(Self.goals("Năm 2026 phấn đấu tốc độ tăng trưởng kinh tế 12–13%.").map(\.value) == [12])
        // A date written the same way is no range.
        #expect(Self.goals("Ngày 26-27/12/2025, hội nghị họp bàn phương hướng năm 2026.").isEmpty)
    }

    /// "phấn đấu" after a stage named earlier in the paragraph is this year's aim, for its sentence.
    @Test func striveWithoutAYearKeepsTheReviewYear() {
        let text =
            "Thực hiện đề án giai đoạn 2021-2026, xã làm được 58 vườn mẫu. Phấn đấu đến cuối năm có thêm 2 thôn đạt chuẩn. Thu ngân sách ước đạt 310 tỷ đồng."
        let result = Read.extractor.extract(Self.review + text)
        #expect(result.targets.map { [$0.value, Double($0.year)] } == [[2, 2025]])
        #expect(result.observations.map(\.value).contains(310))
    }

    @Test func goalsGoOnIntoTheNextParagraphUntilOneLooksBack() {
        let text = """
            Đại hội đặt mục tiêu đến năm 2030 thu ngân sách đạt hơn 400 tỷ đồng.

            Thu nhập bình quân đầu người đạt trên 95 triệu đồng; tỷ lệ hộ nghèo dưới 0,8%.

            Nhiệm kỳ 2020-2025, sản lượng lương thực hằng năm đạt hơn 136.000 tấn.

            Thu ngân sách ước đạt 310 tỷ đồng, bằng 103% dự toán.
            """
        let result = Read.extractor.extract(Self.review + text)
        #expect(result.targets.map { [$0.value, Double($0.year)] } == [[400, 2030], [95, 2030], [0.8, 2030]])
        #expect(result.observations.map(\.value).contains(136_000))
        #expect(result.observations.map(\.value).contains(310))
    }

    /// «trên 1 ha đất …» names what a figure is per; it is not a figure of one hectare.
    @Test func perOneHectareIsPartOfTheName() {
        #expect(
            Self.goals(
                "Năm 2026, phấn đấu thu nhập bình quân đầu người 52 triệu đồng, giá trị sản xuất trên 1 ha đất canh tác đạt 160 triệu đồng."
            )
                == [
                    Goal(name: "Thu nhập bình quân đầu người", value: 52, unit: "triệu đồng", year: 2026),
                    Goal(name: "Giá trị sản xuất trên 1 ha đất canh tác", value: 160, unit: "triệu đồng", year: 2026),
                ])
        #expect(
            Read.facts("Giá trị thu được trên 1 ha đất trồng trọt đạt 145 triệu đồng, tăng 6% so với cùng kỳ.") == [
                Facts(145, "triệu đồng", growth: 6)
            ])
    }

    /// Two goals of the same figure are two goals unless their names share a word; a goal
    /// said again (in the headline, then in the body) is one.
    @Test func goalsOfTheSameFigureAreKeptApartByTheirNames() {
        let goals = Self.goals(
            "Tỉnh đề ra 12 chỉ tiêu năm 2026. Trọng tâm là, GRDP tăng hơn 9%; thu ngân sách nội địa tăng 9% so với dự toán; doanh nghiệp thành lập mới tăng 9%. Phấn đấu năm 2026 GRDP tăng trên 9%."
        )
        #expect(goals.map(\.value) == [9, 9, 9])
        #expect(goals.filter { $0.name.contains("GRDP") }.count == 1)
        #expect(goals.contains { $0.name.hasPrefix("Doanh nghiệp thành lập mới") })
        #expect(goals.contains { $0.name.hasPrefix("Thu ngân sách nội địa") })
    }

    /// «so với GRDP» is part of a ratio's name, not the start of another.
    @Test func aRatioToGRDPKeepsItsWholeName() {
        #expect(
            Self.goals(
                "Tỉnh đề ra 12 chỉ tiêu năm 2026. Trọng tâm là, tỷ lệ vốn đầu tư phát triển so với GRDP đạt 33%.")
                == [Goal(name: "Tỷ lệ vốn đầu tư phát triển so với GRDP", value: 33, unit: "%", year: 2026)])
    }

    /// A headline with «phấn đấu» run into the body without a full stop: from the past term
    /// the body reviews on, the figures are results.
    @Test func aHeadlineRunIntoABodyThatReviewsThePastTermEndsItsGoals() {
        let text =
            "Phấn đấu thu nhập bình quân đạt 90 triệu đồng Theo báo cáo, trong nhiệm kỳ 2020 - 2025 kinh tế tăng trưởng khá, GRDP tăng bình quân 7,1%/năm; lao động có việc làm 52.000 người."
        let read = Read.extractor.extract(Self.review + text)
        #expect(read.targets.map(\.value) == [90])
        #expect(read.observations.contains { $0.value == 52_000 })
        #expect(read.observations.contains { $0.growthPercent == 7.1 })
    }

    /// «… đến năm 2030 đạt …»: the «đến» of the time phrase is not part of the name.
    @Test func theToOfATimePhraseLeavesTheName() {
        #expect(
            Self.goals("Xã đề ra mục tiêu đến năm 2030. Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 80% trở lên.")
                == [Goal(name: "Tỷ lệ lao động qua đào tạo", value: 80, unit: "%", year: 2030)])
    }
}

import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuExtract

/// One sentence per construction of report language. All sentences are written for these
/// tests; figures are invented.
@Suite struct FigureConstructionTests {
    @Test func valuePercentOfPlanAndGrowthInOneSentence() {
        #expect(
            Read.facts(
                "Giá trị sản xuất toàn huyện ước đạt 3.215,47 tỷ đồng, bằng 68,12% kế hoạch, tăng 4,5% so với cùng kỳ năm 2023."
            )
                == [Facts(3215.47, "tỷ đồng", estimated: true, plan: 68.12, growth: 4.5)])
    }

    @Test func anAmountInTwoScalesIsOneFigure() {
        #expect(
            Read.facts("Tổng thu ngân sách 9 tháng đạt 12 tỷ 075 triệu đồng, bằng 64,2% dự toán.") == [
                Facts(12.075, "tỷ đồng", plan: 64.2)
            ])
        #expect(
            Read.facts("Thu nhập bình quân đạt 3 triệu 500 nghìn đồng/người/tháng.") == [
                Facts(3.5, "triệu đồng/người/tháng")
            ])
        // two figures side by side stay two: the second has no scale below the first
        #expect(Read.facts("Vốn đầu tư đạt 45 tỷ đồng, trong đó 12 tỷ đồng từ ngân sách.").count == 2)
    }

    @Test func exceedingAPlanAddsAHundred() {
        #expect(
            Read.facts("Thu ngân sách trên địa bàn đạt 41,2 tỷ đồng, vượt 12,5% dự toán.") == [
                Facts(41.2, "tỷ đồng", plan: 112.5)
            ])
        #expect(
            Read.facts("Doanh thu dịch vụ ước đạt 560 tỷ đồng, vượt 3%.") == [
                Facts(560, "tỷ đồng", estimated: true, plan: 103)
            ])
    }

    @Test func aShareOfLastYearIsAChange() {
        #expect(
            Read.facts("Sản lượng thủy sản đạt 1.240 tấn, bằng 92,4% so với cùng kỳ.") == [
                Facts(1240, "tấn", growth: -7.6)
            ])
        #expect(
            Read.facts("Kim ngạch xuất khẩu đạt 85 triệu USD, bằng 103% cùng kỳ năm trước.") == [
                Facts(85, "triệu usd", growth: 3)
            ])
    }

    @Test func fallsAndRisesWithOtherVerbs() {
        #expect(
            Read.facts("Số vụ tai nạn giao thông là 14 vụ, giảm 12,5% so với cùng kỳ.") == [
                Facts(14, "vụ", growth: -12.5)
            ])
        #expect(
            Read.facts("Sản lượng lúa đạt 9.800 tấn, cao hơn 3,2% so với năm trước.") == [
                Facts(9800, "tấn", growth: 3.2)
            ])
        #expect(
            Read.facts("Doanh thu bán lẻ đạt 300 tỷ đồng, thấp hơn 1,5% cùng kỳ.") == [
                Facts(300, "tỷ đồng", growth: -1.5)
            ])
    }

    @Test func qualifiersBeforeAndAfterTheFigure() {
        #expect(Read.facts("Tổng vốn huy động đạt hơn 2.000 tỷ đồng.") == [Facts(2000, "tỷ đồng", qualifier: .above)])
        #expect(Read.facts("Diện tích lúa gieo cấy gần 3.500 ha.") == [Facts(3500, "ha", qualifier: .below)])
        #expect(
            Read.facts("Lượng khách du lịch khoảng 12.000 lượt khách.") == [
                Facts(12000, "lượt khách", qualifier: .approximately)
            ])
        #expect(Read.facts("Năm nay đã kết nạp 85 đảng viên trở lên.") == [Facts(85, "đảng viên", qualifier: .above)])
    }

    @Test func scaleWordsStayInTheUnit() {
        #expect(Read.facts("Tổng thu ngân sách đạt 1,2 nghìn tỷ đồng.") == [Facts(1.2, "nghìn tỷ đồng")])
        #expect(Read.facts("Năng suất lúa bình quân đạt 58,6 tạ/ha.") == [Facts(58.6, "tạ/ha")])
        #expect(Read.facts("Thu nhập bình quân đạt 52 triệu đồng/ người/năm.") == [Facts(52, "triệu đồng/người/năm")])
        #expect(
            Read.facts("Sản lượng lương thực bình quân đầu người đạt 410kg/người/năm.") == [Facts(410, "kg/người/năm")])
    }

    @Test func achievedOverPlanWithASlash() {
        #expect(
            Read.facts("Trồng rừng tập trung được 412,5ha/400ha, đạt 103,1% kế hoạch.") == [
                Facts(412.5, "ha", plan: 103.1, planValue: 400)
            ])
        // "12/12 xã": twelve of twelve communes, not a plan.
        #expect(Read.facts("Duy trì 12/12 xã đạt chuẩn phổ cập giáo dục.") == [Facts(12, "xã")])
    }

    @Test func aPercentageWithoutAPlanWordIsTheValue() {
        #expect(Read.facts("Tỷ lệ bao phủ bảo hiểm y tế đạt 93,6%.") == [Facts(93.6, "%")])
        #expect(Read.facts("Hộ gia đình văn hóa chiếm trên 88%.") == [Facts(88, "%", qualifier: .above)])
        #expect(Read.facts("Tổ chức giao nhận quân đạt 100% chỉ tiêu.") == [Facts(nil, plan: 100)])
    }

    @Test func aFallInARateIsTheResult() {
        #expect(Read.facts("Tỷ lệ hộ nghèo giảm 2,35%, vượt mục tiêu đề ra.") == [Facts(2.35, "%")])
        #expect(Read.facts("Tỷ lệ hộ nghèo giảm còn 4,1%.") == [Facts(4.1, "%")])
        // The fall is the result ("Tỷ lệ hộ nghèo giảm"); "giảm còn" gives the rate itself.
        #expect(
            Read.extractor.extract("Tỷ lệ hộ nghèo giảm 1,2%.").observations.map(\.indicator) == ["Tỷ lệ hộ nghèo giảm"]
        )
        #expect(
            Read.extractor.extract("Tỷ lệ hộ nghèo giảm còn 4,1%.").observations.map(\.indicator) == ["Tỷ lệ hộ nghèo"])
    }

    @Test func aRateOfNaturalIncreaseIsAResultNotTheProfile() {
        #expect(
            Read.facts("Tỷ lệ tăng dân số tự nhiên ước đạt 1,1%, bằng 98% kế hoạch.") == [
                Facts(1.1, "%", estimated: true, plan: 98)
            ])
    }

    @Test func twoRatesOfAHundredPercentAreTwoResults() {
        let text =
            "Tỷ lệ thu gom rác thải đạt 100%, bằng 105% kế hoạch. Tỷ lệ chi bộ hoàn thành nhiệm vụ đạt 100%, bằng 110% kế hoạch."
        #expect(Read.facts(text) == [Facts(100, "%", plan: 105), Facts(100, "%", plan: 110)])
    }

    @Test func aGrowthRateNamedAsSuchIsGrowth() {
        #expect(Read.facts("Tốc độ tăng trưởng kinh tế ước đạt 7,8%.") == [Facts(nil, estimated: true, growth: 7.8)])
        #expect(Read.facts("Nền kinh tế duy trì mức tăng 6,4%.") == [Facts(nil, growth: 6.4)])
    }

    /// After a growth rate named as one, the bare percentages of its breakdown are growth rates;
    /// a sector stem before a comma belongs to the name («nông, lâm nghiệp và thủy sản»).
    @Test func theBreakdownOfAGrowthRateIsGrowth() {
        let text =
            "Tăng trưởng GRDP 9 tháng ước đạt 6,2% (kịch bản: 7,1%). Trong đó: khu vực nông, lâm nghiệp và thủy sản ước đạt 4,1%; khu vực dịch vụ ước đạt 7,3%."
        let read = Read.extractor.extract(text).observations
        #expect(read.map(\.growthPercent) == [6.2, 4.1, 7.3])
        #expect(read.map(\.value) == [nil, nil, nil])
        #expect(read[1].indicator == "Khu vực nông, lâm nghiệp và thủy sản")
        // Without the growth rate first, a share stays a share.
        #expect(Read.facts("Cơ cấu kinh tế chuyển dịch, trong đó khu vực dịch vụ chiếm 45,2%.") == [Facts(45.2, "%")])
    }

    /// Who came to a congress and the membership they stand for are no results.
    @Test func delegatesAndTheMembershipTheyStandForAreNoResults() {
        #expect(
            Read.facts("Dự đại hội có 200 đại biểu đại diện cho 1.450 đảng viên; năm 2025 kết nạp 45 đảng viên mới.")
                == [Facts(45, "đảng viên")])
    }

    /// A number stuck to its verb is read; codes and units keep their digits.
    @Test func aNumberStuckToItsVerb() {
        #expect(Read.facts("Tốc độ tăng trưởng kinh tế đạt13,04%.") == [Facts(nil, growth: 13.04)])
        #expect(Read.facts("Thu ngân sách tăng12% so với cùng kỳ.").map(\.growth) == [12])
        #expect(Read.facts("Xây dựng mới 1.200 m2 nhà văn hóa.") == [Facts(1200, "m2")])
    }

    /// A reduction judged against a plan is the result; said alone it is a change, passed over.
    @Test func aReductionJudgedAgainstItsPlan() {
        #expect(Read.facts("Số hộ nghèo giảm 14 hộ, đạt 175% kế hoạch.") == [Facts(14, "hộ", plan: 175)])
        #expect(Read.facts("Số hộ nghèo giảm 14 hộ so với đầu năm.").isEmpty)
    }

    /// A tally clause goes on to give a figure after its count.
    @Test func aFigureAfterATallysCountIsRead() {
        #expect(
            Read.facts("Có 28/30 chỉ tiêu đạt và vượt kế hoạch, đưa tốc độ tăng trưởng kinh tế đạt 7,1%.")
                == [Facts(nil, growth: 7.1)])
        #expect(Read.facts("Có 12 chỉ tiêu vượt, 8 chỉ tiêu đạt, 2 chỉ tiêu không đạt.").isEmpty)
    }

    /// A figure before a tally's count, back to a comma outside its brackets, is read too.
    @Test func aFigureBeforeATallysCountIsRead() {
        #expect(
            Read.facts(
                "Thu ngân sách ước đạt hơn 520 tỷ đồng (vượt 12,4% kế hoạch, tăng 8% so với năm trước), 20/20 chỉ tiêu văn hóa - xã hội đạt và vượt nghị quyết."
            ) == [Facts(520, "tỷ đồng", qualifier: .above, estimated: true, plan: 112.4, growth: 8)])
        #expect(Read.facts("Năm 2025, huyện có 15/16 chỉ tiêu đạt và vượt kế hoạch.").isEmpty)
    }

    @Test func listsOfSectorsAndCounts() {
        #expect(
            Read.facts(
                "Trong đó, nông nghiệp đạt 1.100 tỷ đồng, công nghiệp - xây dựng đạt 950 tỷ đồng, dịch vụ 1.420 tỷ đồng."
            )
                == [Facts(1100, "tỷ đồng"), Facts(950, "tỷ đồng"), Facts(1420, "tỷ đồng")])
        #expect(
            Read.facts("Toàn xã có 4 trường, 52 lớp, 1.310 học sinh.") == [
                Facts(4, "trường"), Facts(52, "lớp"), Facts(1310, "học sinh"),
            ])
        #expect(
            Read.facts("Công nghiệp tăng 8,2%, dịch vụ tăng 9,1%, nông nghiệp giảm 1,4% so với cùng kỳ.")
                == [Facts(nil, growth: 8.2), Facts(nil, growth: 9.1), Facts(nil, growth: -1.4)])
    }

    /// Counted things written by their initials are named by what they stand for; «và» after
    /// a comma joins the words of the next name; «giải quyết» before a count is a verb, not
    /// the «quyết» of a «Nghị quyết 12».
    @Test func countsByInitialsAndVerbsOfResolving() {
        let made = Read.extractor.extract("Toàn xã thành lập mới 12 doanh nghiệp, 5 HTX và 21 THT.")
        #expect(made.observations.map(Facts.init) == [Facts(12, "doanh nghiệp"), Facts(5, "htx"), Facts(21, "tht")])
        #expect(made.observations.map(\.indicator) == ["Thành lập mới doanh nghiệp", "Hợp tác xã", "Tổ hợp tác"])
        let desk = Read.extractor.extract(
            "Bộ phận một cửa đã giải quyết 2.150 hồ sơ, tỷ lệ giải quyết đúng và trước hạn đạt 97%.")
        #expect(desk.observations.map(Facts.init) == [Facts(2150, "hồ sơ"), Facts(97, "%")])
        #expect(desk.observations.last?.indicator == "Tỷ lệ giải quyết đúng và trước hạn")
        #expect(Read.facts("Thực hiện Nghị quyết 12, toàn huyện kết nạp 150 đảng viên.") == [Facts(150, "đảng viên")])
    }

    @Test func aNameMaySpanACommaAndContainAnd() {
        let result = Read.extractor.extract("Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp đạt 210 tỷ đồng.")
        #expect(result.observations.first?.indicator == "Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp")
        let retail = Read.extractor.extract(
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 1.800 tỷ đồng, tăng 11%.")
        #expect(retail.observations.map(Facts.init) == [Facts(1800, "tỷ đồng", growth: 11)])
        #expect(retail.observations.first?.indicator == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ")
        // A longer second part joins a first fragment that opens the clause.
        let clearance = Read.extractor.extract("Tỷ lệ điều tra, khám phá các vụ án hình sự đạt 86,5%.")
        #expect(clearance.observations.map(\.indicator) == ["Tỷ lệ điều tra, khám phá các vụ án hình sự"])
    }

    @Test func twoFiguresJoinedByAPreposition() {
        #expect(
            Read.facts("Hỗ trợ làm nhà cho 46 hộ nghèo với tổng kinh phí hơn 2,3 tỷ đồng.")
                == [Facts(46, "hộ"), Facts(2.3, "tỷ đồng", qualifier: .above)])
    }

    @Test func numbersThatAreNotResults() {
        let text = """
            Ngày 12/7/2024, hội nghị lần thứ 9 diễn ra trong 2 ngày theo Kế hoạch số 45-KH/HU. Chỉ thị 05 được quán triệt.
            Đại hội nhiệm kỳ 2020-2025 đề ra các chỉ tiêu. Giá cà phê dao động từ 95.000 đến 110.000 đồng/kg.
            Xuất khẩu vượt mốc 100 triệu USD. Thu nhập tăng 3 triệu đồng so với năm trước. Sản lượng tăng gấp 2 lần.
            Hội nghị có 100% đại biểu tán thành. Covid-19 và SARS-CoV-2 được kiểm soát. Phiên họp lúc 14:30.
            """
        #expect(Read.facts(text) == [])
    }

    @Test func prizesHandedOutAtTheMeetingAreNotResults() {
        #expect(
            Read.facts("Dịp này, huyện đã trao giấy khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc.") == [])
        #expect(Read.facts("Ban Thường vụ tặng bằng khen cho 5 đảng viên.") == [])
    }

    @Test func theSameResultSaidTwiceIsOneObservation() {
        let text = """
            Huyện A: Thu ngân sách vượt 20% dự toán
            Thu ngân sách trên địa bàn đạt 60 tỷ đồng, vượt 20,15% dự toán, tăng 8% so với cùng kỳ. Cụ thể, thu ngân sách \
            trên địa bàn đạt 60 tỷ đồng.
            """
        #expect(Read.facts(text) == [Facts(60, "tỷ đồng", plan: 120.15, growth: 8)])
    }

    @Test func estimateWordsMarkTheFigure() {
        #expect(Read.facts("Vốn đầu tư thực hiện ước tính 1.500 tỷ đồng.") == [Facts(1500, "tỷ đồng", estimated: true)])
        #expect(Read.facts("Sản lượng cà phê dự kiến đạt 8.000 tấn.") == [Facts(8000, "tấn", estimated: true)])
        #expect(Read.facts("Ước thu ngân sách đạt 30 tỷ đồng.") == [Facts(30, "tỷ đồng", estimated: true)])
    }

    @Test func priceBasis() {
        let result = Read.extractor.extract(
            "Tổng giá trị sản xuất (giá so sánh 2010) đạt 900 tỷ đồng. Giá trị sản xuất theo giá hiện hành đạt 1.300 tỷ đồng."
        )
        #expect(result.observations.map(\.priceBasis) == ["so sánh 2010", "hiện hành"])
        #expect(result.observations.first?.indicator == "Tổng giá trị sản xuất")
    }

    @Test func decomposedTextAndTheOtherToneMarkPlacement() {
        let nfd = "Tổng mức bán lẻ hàng hoá đạt 622 tỷ đồng, bằng 75,85% kế hoạch.".decomposedStringWithCanonicalMapping
        #expect(Read.facts(nfd) == [Facts(622, "tỷ đồng", plan: 75.85)])
        #expect(Read.facts("Thu ngân sách đạt 12 tỉ đồng.") == [Facts(12, "tỷ đồng")])
    }

    @Test func aNameBeforeAColon() {
        let result = Read.extractor.extract("- Thu ngân sách nhà nước: 45,6 tỷ đồng, đạt 91% dự toán.")
        #expect(result.observations.map(Facts.init) == [Facts(45.6, "tỷ đồng", plan: 91)])
        #expect(result.observations.first?.indicator == "Thu ngân sách nhà nước")
    }

    @Test func doneOverPlannedWithOneUnit() {
        #expect(Read.facts("Giải ngân vốn đầu tư công đạt 310/420 tỷ đồng.") == [Facts(310, "tỷ đồng", planValue: 420)])
    }

    @Test func changesInPercentagePoints() {
        #expect(
            Read.facts("Tỷ lệ lao động qua đào tạo đạt 68%, tăng 1,5 điểm phần trăm so với cùng kỳ.") == [
                Facts(68, "%", growth: 1.5)
            ])
    }

    @Test func lastYearsFiguresSaidForComparisonAreNotResults() {
        #expect(
            Read.facts("Thu ngân sách đạt 80 tỷ đồng, tăng 15% (cùng kỳ tăng 9%).") == [
                Facts(80, "tỷ đồng", growth: 15)
            ])
        let text = "Năm 2024, thu ngân sách đạt 80 tỷ đồng (năm 2023 đạt 70 tỷ đồng)."
        #expect(
            Read.extractor.extract("Hội nghị tổng kết năm 2024. " + text).observations.map(Facts.init) == [
                Facts(80, "tỷ đồng")
            ])
    }

    @Test func growthWrittenAsTheNoun() {
        #expect(Read.facts("Kinh tế của huyện tăng trưởng 8,2% so với năm trước.") == [Facts(nil, growth: 8.2)])
    }

    @Test func aHeadlineRepeatingARoundedFigureAddsNothing() {
        let text = """
            Huyện B: Thu ngân sách tăng gần 20%
            Thu ngân sách trên địa bàn đạt 61 tỷ đồng, tăng 19,6% so với cùng kỳ.
            """
        #expect(Read.facts(text) == [Facts(61, "tỷ đồng", growth: 19.6)])
    }

    @Test func oneResultJudgedAgainstTwoPlans() {
        let result = Read.extractor.extract(
            "Thu ngân sách đạt 59 tỷ đồng, bằng 93% dự toán tỉnh giao và bằng 73% dự toán HĐND huyện giao, tăng 13%.")
        #expect(result.observations.map(Facts.init) == [Facts(59, "tỷ đồng", plan: 93, growth: 13)])
        #expect(result.observations.first?.planWords == "dự toán tỉnh giao")
        #expect(result.observations.first?.otherPlans == [.init(percent: 73, planWords: "dự toán HĐND huyện giao")])
    }

    @Test func aRunningTotalTakesTheNameJustUsed() {
        let result = Read.extractor.extract(
            "Trong tháng, thu ngân sách đạt 6,2 tỷ đồng; lũy kế 10 tháng đạt 58,4 tỷ đồng, bằng 83,4% dự toán.")
        #expect(result.observations.map(\.indicator) == ["Thu ngân sách", "Thu ngân sách"])
        #expect(result.observations.map(Facts.init) == [Facts(6.2, "tỷ đồng"), Facts(58.4, "tỷ đồng", plan: 83.4)])
    }

    @Test func theUnitsProfileIsNotAResult() {
        #expect(
            Read.facts(
                "Xã có diện tích tự nhiên 16.500 ha, dân số hơn 18.000 người. Dân số trung bình ước đạt 18.250 người.")
                == [
                    Facts(18250, "người", estimated: true)
                ])
    }

    /// A bare percentage after a name that ends in its rise is the rise.
    @Test func aBarePercentageAfterTheWordsOfARiseIsTheRise() {
        #expect(Read.facts("Trong nhiệm kỳ, GRDP tăng bình quân đạt 7,4%/năm.") == [Facts(nil, growth: 7.4)])
        #expect(Read.facts("Tỷ lệ che phủ rừng đạt 42,5%.") == [Facts(42.5, "%")])
        // two rises that differ beyond rounding are two results, though their names share words
        #expect(
            Read.facts("Trong nhiệm kỳ, thu ngân sách tăng bình quân đạt 7,59%/năm. GRDP tăng bình quân đạt 8,3%/năm.")
                .map(\.growth) == [7.59, 8.3])
    }

    /// «gấp 1,3 lần năm 2020 (41 triệu đồng)»: the bracketed figure is that earlier year's.
    @Test func aBracketedFigureAfterAnEarlierYearIsThatYears() {
        let text =
            "Hội nghị tổng kết năm 2025 của huyện Tân Phú. GRDP bình quân đầu người tăng qua các năm, đến năm 2025 ước đạt 6.100 USD, gấp 1,3 lần năm 2020 (4.700 USD) và gấp 2 lần so với cả nước."
        #expect(Read.facts(text) == [Facts(6100, "usd", estimated: true)])
    }
}

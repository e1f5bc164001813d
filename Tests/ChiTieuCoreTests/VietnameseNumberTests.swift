import Testing

@testable import ChiTieuCore

@Suite struct VietnameseNumberParsingTests {
    @Test(arguments: [
        ("4.790,86", 4790.86), ("10.040", 10040), ("70,76", 70.76), ("02", 2), ("0", 0),
        ("1.234.567", 1_234_567), ("1.234.567,5", 1_234_567.5), ("-3,5", -3.5), ("622", 622),
        ("1.78", 1.78), ("1.5", 1.5), ("  35,33 ", 35.33), ("100", 100), ("0,68", 0.68),
    ])
    func parsesVietnameseNotation(text: String, expected: Double) {
        #expect(VietnameseNumber.parse(text) == expected)
    }

    @Test(arguments: ["", "abc", "1,2,3", "1.2.3", ",5", "5,", "1..2", "12.34.56", "٣", "1 000", "--1", "1e5"])
    func rejectsWhatIsNotOneNumber(text: String) {
        #expect(VietnameseNumber.parse(text) == nil)
    }

    @Test func readsScaleWords() {
        let scaled = VietnameseNumber.parseScaled("1,2 nghìn tỷ đồng")
        #expect(scaled?.value == 1200)
        #expect(scaled?.rest == "tỷ đồng")
        #expect(VietnameseNumber.parseScaled("3 ngàn")?.value == 3000)
        #expect(VietnameseNumber.parseScaled("5 người")?.value == 5)
        #expect(VietnameseNumber.parseScaled("5 người")?.rest == "người")
    }

    @Test func aLineOfDigitsIsOneNumberOrNone() {
        let digits = String(repeating: "9", count: 400)
        // 400 digits are past any Double: no number, never infinity.
        #expect(VietnameseNumber.parse(digits) == nil)
        #expect(VietnameseNumber.parse(String(repeating: "1", count: 20)) == 11_111_111_111_111_111_111.0)
    }
}

@Suite struct VietnameseNumberFormattingTests {
    @Test(arguments: [
        (4790.86, "4.790,86"), (10040, "10.040"), (70.76, "70,76"), (100.6, "100,6"), (60, "60"),
        (0, "0"), (-4.73, "-4,73"), (1_234_567.891, "1.234.567,89"), (999.999, "1.000"), (-0.001, "0"),
        (142.46, "142,46"), (0.5, "0,5"),
    ])
    func formatsAsReportsWrite(value: Double, expected: String) {
        #expect(VietnameseNumberFormat.standard.string(value) == expected)
    }

    @Test func percentAndFixedDecimals() {
        #expect(VietnameseNumberFormat.standard.percent(70.76) == "70,76%")
        #expect(VietnameseNumberFormat(maximumFractionDigits: 2, minimumFractionDigits: 2).string(52.1) == "52,10")
        #expect(VietnameseNumberFormat(maximumFractionDigits: 0).string(2685.4) == "2.685")
    }

    @Test func formattedNumbersParseBack() {
        for value in [4790.86, 10040, 0.68, 1_234_567.5, 35.33, 12] {
            #expect(VietnameseNumber.parse(value.vietnamese) == value)
        }
    }
}

@Suite struct RomanNumeralTests {
    @Test func roundTrips() {
        #expect(RomanNumeral.string(8) == "VIII")
        #expect(RomanNumeral.string(17) == "XVII")
        #expect(RomanNumeral.parse("XVII") == 17)
        #expect(RomanNumeral.parse("viii") == 8)
        #expect(RomanNumeral.parse("IIII") == nil)
        #expect(RomanNumeral.parse("ABC") == nil)
        for n in 1...60 { #expect(RomanNumeral.parse(RomanNumeral.string(n)) == n) }
    }
}

@Suite struct MeasureUnitTests {
    @Test func convertsWithinOneQuantity() {
        #expect(MeasureUnit.factor(from: "nghìn tỷ đồng", to: "tỷ đồng") == 1000)
        #expect(MeasureUnit.factor(from: "triệu đồng", to: "tỷ đồng") == 0.001)
        #expect(MeasureUnit.factor(from: "tỉ đồng", to: "tỷ đồng") == 1)
        #expect(MeasureUnit.factor(from: "tạ", to: "tấn") == 0.1)
        #expect(MeasureUnit.factor(from: "đồng chí", to: "đảng viên") == 1)
        #expect(MeasureUnit.factor(from: "triệu đồng/ người", to: "triệu đồng/người/năm") == 1)
    }

    @Test func refusesDifferentQuantities() {
        #expect(MeasureUnit.factor(from: "%", to: "tỷ đồng") == nil)
        #expect(MeasureUnit.factor(from: "xã", to: "tiêu chí") == nil)
        #expect(MeasureUnit.factor(from: "ha", to: "tấn") == nil)
    }
}

@Suite struct FigureInputTests {
    @Test func spreadsheetCellsRoundTripAndNeutraliseFormulas() {
        for text in [
            "=1+1", "+84 912", "@SUM(A1)", "-2+3", "'-22", "''=x", "'x", "-", "-3,5", "70,76%", "Thu ngân sách", "",
        ] {
            #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralised(text)) == text, "\(text)")
        }
        #expect(SpreadsheetCell.neutralised("=1+1") == "'=1+1")
        #expect(SpreadsheetCell.neutralised("'-22") == "''-22")
        #expect(SpreadsheetCell.neutralised("-3,5") == "-3,5")
        #expect(SpreadsheetCell.neutralised("-") == "-")
    }

    @Test func figuresPastTheLimitsAreRefusedWithTheirValue() {
        #expect(FigureLimits.problem(4_790.86) == nil)
        #expect(FigureLimits.problem(-1e15) == nil)
        #expect(FigureLimits.problem(1.7e308)?.contains("vượt quá giới hạn") == true)
        #expect(FigureLimits.problem(.infinity) == "giá trị không phải là số hữu hạn")
        let share = Indicator(code: "forest", name: "Tỷ lệ che phủ rừng", measureUnit: "%", kind: .level)
        let growth = Indicator(code: "growth", name: "Tốc độ tăng trưởng kinh tế", measureUnit: "%", kind: .level)
        #expect(share.rangeProblem(101) != nil)
        #expect(growth.rangeProblem(-8.5) == nil)
        #expect(growth.rangeProblem(5_000) != nil)
    }

    @Test func wordAndPDFFilesAreNotText() {
        #expect(PlainText.problem(Array("Tổng thu ngân sách 37,5 tỷ đồng".utf8)) == nil)
        #expect(PlainText.problem([0x50, 0x4B, 0x03, 0x04, 0x14])?.contains("Word .docx") == true)
        #expect(PlainText.problem(Array("%PDF-1.7".utf8))?.contains("PDF") == true)
        #expect(PlainText.problem([0xD0, 0xCF, 0x11, 0xE0, 0xA1])?.contains(".doc") == true)
        #expect(PlainText.problem([0x41, 0x00, 0x42])?.contains("nhị phân") == true)
    }
}

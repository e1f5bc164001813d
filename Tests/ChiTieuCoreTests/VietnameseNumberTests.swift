import Foundation
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

    @Test func tableCellsWithAndWithoutQualifier() {
        let cells: [(String, Qualifier?, Double?)] = [
            ("4.790,86", nil, 4790.86), (" 12 ", nil, 12), ("-4,73", nil, -4.73), ("12 tấn", nil, nil),
            ("1.2.3", nil, nil), ("hơn 10.040", .above, 10040), ("Khoảng 1,2", .approximately, 1.2),
            ("> 5", .above, 5), ("~3", .approximately, 3), ("dưới 0,5", .below, 0.5),
        ]
        for (cell, qualifier, value) in cells {
            let parsed = QualifiedNumber.parse(cell)
            #expect(parsed?.value == value, "«\(cell)»")
            #expect(parsed?.qualifier == qualifier, "«\(cell)»")
        }
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

    /// The digits are printf's (`%.2f` of the exact binary value), whichever way they are made:
    /// figures of every size, ties such as 0,125 and 2,675 (just under 2,675 in binary), and
    /// figures past 1e12 where the integer path gives way.
    @Test func digitsAreThoseOfPrintf() {
        var values: [Double] = [0.125, 0.375, 2.675, 1.005, 70.755, 4790.865, 1e12 - 0.005, 1e12 + 0.5, 9.99e14, 3e15]
        for i in 0..<20_000 {
            let exponent = Double(i % 1_500) / 100 - 3
            let magnitude: Double = pow(10, exponent) * (1 + Double(i) / 100_000)
            let cents = (magnitude * 100).rounded() / 100
            values += [magnitude, cents, cents + 0.005, -magnitude]
        }
        for digits in [0, 1, 2, 3] {
            let format = VietnameseNumberFormat(maximumFractionDigits: digits, minimumFractionDigits: digits)
            for value in values {
                let shown = abs(value) >= 1e15 ? 0 : digits
                var expected = String(format: "%.\(shown)f", abs(value)).replacingOccurrences(of: ".", with: ",")
                let integerDigits = Array(expected.prefix { $0 != "," })
                var grouped = ""
                for (i, digit) in integerDigits.enumerated() {
                    if i > 0, (integerDigits.count - i) % 3 == 0 { grouped.append(".") }
                    grouped.append(digit)
                }
                expected = grouped + expected.dropFirst(integerDigits.count)
                let isZero = expected.allSatisfy { "0.,".contains($0) }
                if value < 0, !isZero { expected = "-" + expected }
                #expect(format.string(value) == expected, "\(value) với \(digits) chữ số thập phân")
            }
        }
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

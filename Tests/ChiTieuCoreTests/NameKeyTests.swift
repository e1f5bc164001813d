import Foundation
import Testing

@testable import ChiTieuCore

@Suite struct NameKeyTests {
    @Test func toneMarkPlacementsShareAKey() {
        #expect(NameKey("văn hoá") == NameKey("văn hóa"))
        #expect(NameKey("Thuỷ sản") == NameKey("thủy sản"))
        #expect(NameKey("khoẻ") == NameKey("khỏe"))
        #expect(NameKey("hoàng") == NameKey("hoàng"))
        // The u of "qu" is a consonant: quý keeps its mark on y.
        #expect(NameKey("quý").rawValue == "quý")
    }

    @Test func decomposedTextMatchesComposed() {
        let decomposed = "Kông Chro hóa".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Kông Chro hóa".unicodeScalars.count)
        #expect(NameKey(decomposed) == NameKey("kông chro hoá"))
    }

    @Test func spacingCaseDashesAndTiSpelling() {
        #expect(NameKey("  Tổng   giá trị\nsản xuất ") == NameKey("tổng giá trị sản xuất"))
        #expect(NameKey("nông – lâm") == NameKey("nông - lâm"))
        #expect(NameKey("Công nghiệp-xây dựng") == NameKey("công nghiệp - xây dựng"))
        #expect(NameKey("tỉ đồng") == NameKey("tỷ đồng"))
        #expect(NameKey("Tỉ lệ") == NameKey("tỷ lệ"))
        #expect(NameKey("tỉnh").rawValue == "tỉnh")
    }

    @Test func foldedDropsDiacritics() {
        #expect(NameKey("Chợ Đồn").folded == "cho don")
        #expect(NameKey("Kông Chro").folded == "kong chro")
    }
}

@Suite struct PeriodTests {
    @Test func labelsAsReportsWriteThem() throws {
        #expect(try Period(year: 2024, toMonth: 9).label == "9 tháng năm 2024")
        #expect(try Period(year: 2023, toMonth: 6).label == "6 tháng đầu năm 2023")
        #expect(try Period.year(2024).label == "năm 2024")
        #expect(try Period(year: 2023, fromMonth: 7, toMonth: 9).label == "quý III năm 2023")
        #expect(try Period(year: 2023, fromMonth: 10, toMonth: 10).label == "tháng 10 năm 2023")
        #expect(try Period(year: 2023, fromMonth: 7, toMonth: 12).label == "6 tháng cuối năm 2023")
    }

    @Test func rejectsImpossibleMonthsAndYears() {
        #expect(throws: PeriodError.invalidMonths(7, 3)) { try Period(year: 2024, fromMonth: 7, toMonth: 3) }
        #expect(throws: PeriodError.invalidMonths(1, 13)) { try Period(year: 2024, toMonth: 13) }
        #expect(throws: PeriodError.invalidYear(12024)) { try Period(year: 12024, toMonth: 3) }
        #expect(PeriodError.invalidMonths(7, 3).message.contains("từ tháng 7 đến tháng 3"))
    }

    @Test func samePeriodLastYear() throws {
        let p = try Period(year: 2024, fromMonth: 1, toMonth: 9)
        #expect(p.samePeriodLastYear == (try Period(year: 2023, fromMonth: 1, toMonth: 9)))
    }

    @Test func calendarDays() {
        #expect(CalendarDay("2025-07-01") == CalendarDay.reform2025)
        #expect(CalendarDay("1/7/2025") == CalendarDay.reform2025)
        #expect(CalendarDay("2025-02-30") == nil)
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2025-13-01") == nil)
        #expect(CalendarDay("2025-0a-01") == nil)
        #expect(CalendarDay("01-07-2025") == CalendarDay.reform2025)
        #expect(CalendarDay("2025-7-1") == CalendarDay.reform2025)
        #expect(CalendarDay.reform2025.vietnamese == "1/7/2025")
    }

    @Test func unitValidity() {
        let district = AdministrativeUnit(id: 1, kind: .district, name: "Kông Chro", validTo: .reform2025)
        #expect(district.existed(on: CalendarDay(year: 2025, month: 6, day: 30)!))
        #expect(!district.existed(on: .reform2025))
        #expect(district.existed(inYear: 2025))
        #expect(!district.existed(inYear: 2026))
        #expect(UnitKind(text: "Thị xã") == .town)
        #expect(UnitKind(text: "thi xa") == .town)
        #expect(UnitKind(text: "dac khu") == .specialZone)
        #expect(UnitKind(text: "làng") == nil)
    }
}

import Testing

@testable import ChiTieuCore

/// Which units below reported which targets for a period, against a deadline. Invented figures.
@Suite struct ReportingStatusTests {
    static let nine = try! Period.yearToDate(2024, through: 9)
    static let deadline = ReportingDeadline(toMonth: 9, day: 20, monthsAfter: 0)!
    static let indicators = Dictionary(
        uniqueKeysWithValues: [Fixture.production, Fixture.investment, Fixture.poverty].map { ($0.code, $0) })
    static let targets = [Fixture.production, Fixture.investment, Fixture.poverty].map {
        Target(unitID: Fixture.unit.id, indicatorCode: $0.code, scope: .year(2024), bound: .atLeast(10))
    }

    static func status(_ figures: [(Indicator, String)], today: String = "2024-09-25") -> UnitReporting {
        let observations = figures.map { indicator, day in
            var o = Fixture.obs(indicator, 2024, to: 9, 5)
            o.recordedAt = "\(day)T08:00:00Z"
            return o
        }
        return UnitReporting(
            unit: Fixture.unit, targets: targets, indicators: indicators, history: ObservationHistory(observations),
            period: nine, deadline: deadline.date(in: 2024), today: CalendarDay(today)!)
    }

    @Test func eachStateFromWhatCameAndWhen() {
        // the poverty rate is yearly: not owed for 9 months
        let on = Self.status([(Fixture.production, "2024-09-18"), (Fixture.investment, "2024-09-20")])
        #expect(on.expected == ["Tổng giá trị sản xuất", "Tổng vốn đầu tư toàn xã hội"] && on.state == .reported)
        #expect(on.lastRecorded == CalendarDay("2024-09-20"))
        #expect(Self.status([(Fixture.production, "2024-09-18"), (Fixture.investment, "2024-09-22")]).state == .late)
        let part = Self.status([(Fixture.production, "2024-09-18")])
        #expect(part.state == .partly && part.missing == ["Tổng vốn đầu tư toàn xã hội"] && part.afterDeadline)
        #expect(part.label == "Báo cáo một phần (1/2)")
        #expect(Self.status([], today: "2024-09-19").state == .notYet)
        #expect(Self.status([], today: "2024-09-21").state == .overdue)
        let none = UnitReporting(
            unit: Fixture.unit, targets: [], indicators: Self.indicators, history: ObservationHistory([]),
            period: Self.nine, deadline: nil, today: CalendarDay("2024-10-01")!)
        #expect(none.state == .noTargets)
    }

    @Test func deadlinesFallOnRealDays() {
        #expect(Self.deadline.date(in: 2024) == CalendarDay("2024-09-20"))
        #expect(Self.deadline.label == "ngày 20 tháng cuối kỳ")
        #expect(ReportingDeadline(toMonth: 6, day: 31, monthsAfter: 0)?.date(in: 2024) == CalendarDay("2024-06-30"))
        #expect(ReportingDeadline(toMonth: 12, day: 15, monthsAfter: 1)?.date(in: 2024) == CalendarDay("2025-01-15"))
        #expect(ReportingDeadline(toMonth: 13, day: 1, monthsAfter: 0) == nil)
        #expect(ReportingDeadline(toMonth: 9, day: 0, monthsAfter: 0) == nil)
    }
}

/// The day the units below must have reported a period's figures by, as the reporting regime
/// sets it: «ngày 20 tháng cuối kỳ» for 6 and 9 months, «ngày 15 tháng sau kỳ» for the year.
/// One regime for the whole installation, set by an administrator.
public struct ReportingDeadline: Hashable, Sendable, Codable {
    /// The period's last month: 9 for «9 tháng».
    public let toMonth: Int
    public let day: Int
    /// 0: in the period's last month; 1: in the month after.
    public let monthsAfter: Int

    /// Nil for a day or month that cannot be (the 32nd, a period ending in month 13).
    public init?(toMonth: Int, day: Int, monthsAfter: Int) {
        guard (1...12).contains(toMonth), (1...31).contains(day), (0...1).contains(monthsAfter) else { return nil }
        (self.toMonth, self.day, self.monthsAfter) = (toMonth, day, monthsAfter)
    }

    /// The day in `year`: the 31st of a 30-day month is its last day; «tháng sau» of a year's
    /// period is January of the next year.
    public func date(in year: Int) -> CalendarDay {
        let month = toMonth + monthsAfter
        let (y, m) = month > 12 ? (year + 1, month - 12) : (year, month)
        let last = CalendarDay.endOf(year: y, month: m)
        return CalendarDay(year: y, month: m, day: min(day, last.day)) ?? last
    }

    /// «ngày 20 tháng cuối kỳ»
    public var label: String { "ngày \(day) \(monthsAfter == 0 ? "tháng cuối kỳ" : "tháng sau kỳ")" }
}

/// Whether one unit has reported its targets' figures for a period: which it owes, which came,
/// and when the last came against the deadline.
public struct UnitReporting: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case overdue, notYet = "not_yet", partly, late, reported, noTargets = "no_targets"

        public var label: String {
            switch self {
            case .overdue: "Quá hạn, chưa báo cáo"
            case .notYet: "Chưa báo cáo"
            case .partly: "Báo cáo một phần"
            case .late: "Báo cáo muộn"
            case .reported: "Đã báo cáo"
            case .noTargets: "Không có chỉ tiêu năm"
            }
        }
    }

    public let unit: AdministrativeUnit
    public let state: State
    /// The indicators whose figure for the period is owed, and those of them not yet stored.
    public let expected: [String]
    public let missing: [String]
    /// The day the last of its figures was stored.
    public let lastRecorded: CalendarDay?
    /// Some figure came (or is still missing) after the deadline.
    public let afterDeadline: Bool

    /// Judges what `unit` owes for `period` (its year's plans of indicators counted in that
    /// period: no yearly figure mid-year) against what its `history` holds.
    public init(
        unit: AdministrativeUnit, targets: [Target], indicators: [String: Indicator], history: ObservationHistory,
        period: Period, deadline: CalendarDay?, today: CalendarDay
    ) {
        self.unit = unit
        let owed = Set(
            targets.filter { $0.isAnnual && $0.scope.firstYear == period.year }.compactMap {
                indicators[$0.indicatorCode]
            }
            .filter { Self.counts($0, in: period) })
        let ordered = owed.sorted { $0.name < $1.name }
        expected = ordered.map(\.name)
        var missing: [String] = []
        var recorded: [CalendarDay] = []
        for indicator in ordered {
            let exact = history.yearToDate(of: indicator.code, year: period.year, throughMonth: period.toMonth)
            let reading = history.value(of: indicator, year: period.year, throughMonth: period.toMonth)
            guard exact != nil || reading != nil else {
                missing.append(indicator.name)
                continue
            }
            let parts = exact.map { [$0] } ?? reading?.parts ?? []
            recorded += parts.compactMap { $0.recordedAt.flatMap { CalendarDay($0.prefix(10)) } }
        }
        self.missing = missing
        lastRecorded = recorded.max()
        let late = deadline.map { d in recorded.contains { $0 > d } || (!missing.isEmpty && today > d) } ?? false
        afterDeadline = late
        state =
            if ordered.isEmpty { .noTargets } else if missing.count == ordered.count {
                late ? .overdue : .notYet
            } else if !missing.isEmpty { .partly } else { late ? .late : .reported }
    }

    /// A yearly figure is owed for the whole year only; a quarterly one at a quarter's end.
    static func counts(_ indicator: Indicator, in period: Period) -> Bool {
        switch indicator.frequency {
        case .yearly: period.toMonth == 12
        case .halfYearly: period.toMonth % 6 == 0
        case .quarterly: period.toMonth % 3 == 0
        case .monthly: true
        }
    }

    /// «Báo cáo một phần (3/10)»
    public var label: String {
        state == .partly ? "\(state.label) (\(expected.count - missing.count)/\(expected.count))" : state.label
    }
}

/// A stretch of months within one calendar year, both ends included.
///
/// `6 tháng đầu năm 2023` is 2023, 1…6; `quý III/2023` is 2023, 7…9; `năm 2024` is 1…12.
public struct Period: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let fromMonth: Int
    public let toMonth: Int

    public init(year: Int, fromMonth: Int = 1, toMonth: Int) throws(PeriodError) {
        guard (1...12).contains(fromMonth), (1...12).contains(toMonth), fromMonth <= toMonth else {
            throw .invalidMonths(fromMonth, toMonth)
        }
        guard Self.yearRange.contains(year) else { throw .invalidYear(year) }
        self.year = year
        self.fromMonth = fromMonth
        self.toMonth = toMonth
    }

    /// Years any record may carry. Plausibility relative to today is a separate check.
    public static let yearRange = 1900...2200

    public static func year(_ year: Int) throws(PeriodError) -> Period { try Period(year: year, toMonth: 12) }

    /// From January to `toMonth`: the cumulative period reports review.
    public static func yearToDate(_ year: Int, through toMonth: Int) throws(PeriodError) -> Period {
        try Period(year: year, fromMonth: 1, toMonth: toMonth)
    }

    public var isFullYear: Bool { fromMonth == 1 && toMonth == 12 }
    public var isYearToDate: Bool { fromMonth == 1 }
    public var monthCount: Int { toMonth - fromMonth + 1 }

    /// The same months one year earlier: cùng kỳ.
    public var samePeriodLastYear: Period {
        // Cannot fail: the months are valid and the year is one lower.
        (try? Period(year: year - 1, fromMonth: fromMonth, toMonth: toMonth)) ?? self
    }

    public var endDay: CalendarDay { .endOf(year: year, month: toMonth) }
    public var startDay: CalendarDay { CalendarDay(year: year, month: fromMonth, day: 1)! }

    /// The label Vietnamese reports use: `9 tháng năm 2024`, `6 tháng đầu năm 2023`,
    /// `năm 2024`, `quý III năm 2023`, `tháng 10 năm 2023`.
    public var label: String {
        if isFullYear { return "năm \(year)" }
        if fromMonth == toMonth { return "tháng \(toMonth) năm \(year)" }
        if toMonth - fromMonth == 2, (fromMonth - 1) % 3 == 0 {
            return "quý \(RomanNumeral.string((fromMonth - 1) / 3 + 1)) năm \(year)"
        }
        if fromMonth == 1 { return toMonth == 6 ? "6 tháng đầu năm \(year)" : "\(toMonth) tháng năm \(year)" }
        if toMonth == 12, fromMonth == 7 { return "6 tháng cuối năm \(year)" }
        return "từ tháng \(fromMonth) đến tháng \(toMonth) năm \(year)"
    }

    public var description: String { "\(year)/\(fromMonth)-\(toMonth)" }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.toMonth, -lhs.fromMonth) < (rhs.year, rhs.toMonth, -rhs.fromMonth)
    }

    private enum CodingKeys: String, CodingKey { case year, fromMonth = "from_month", toMonth = "to_month" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let year = try c.decode(Int.self, forKey: .year)
        let from = try c.decodeIfPresent(Int.self, forKey: .fromMonth) ?? 1
        let to = try c.decode(Int.self, forKey: .toMonth)
        do {
            try self.init(year: year, fromMonth: from, toMonth: to)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(fromMonth, forKey: .fromMonth)
        try c.encode(toMonth, forKey: .toMonth)
    }
}

public enum PeriodError: UserFacingError, Equatable {
    case invalidMonths(Int, Int)
    case invalidYear(Int)

    public var message: String {
        switch self {
        case .invalidMonths(let from, let to):
            "Kỳ báo cáo không hợp lệ: từ tháng \(from) đến tháng \(to) (tháng phải từ 1 đến 12, tháng đầu không sau tháng cuối)."
        case .invalidYear(let year):
            "Năm \(year) không hợp lệ (phải từ \(Period.yearRange.lowerBound) đến \(Period.yearRange.upperBound))."
        }
    }
}

/// Whether a year written in a report or entered as data can be right: "năm 2924" in a
/// report about 2024 is a typing error.
public struct YearPlausibility: Sendable {
    /// The current year, passed in so the check stays pure and testable.
    public let currentYear: Int

    public init(currentYear: Int) {
        self.currentYear = currentYear
    }

    /// The first year any figure may be about (the Democratic Republic's founding).
    public static let firstYear = 1945

    /// Results describe the past: no earlier than 1945, no later than this year.
    public var resultYears: ClosedRange<Int> { Self.firstYear...currentYear }

    /// Years a page or the API may be asked about, and annual plans set for: as far as two
    /// five-year terms ahead.
    public var targetYears: ClosedRange<Int> { Self.firstYear...(currentYear + 10) }

    /// Resolution terms may end further ahead (a 2025–2030 term seen from 2024, a 2045 vision).
    public var termYears: ClosedRange<Int> { Self.firstYear...(currentYear + 30) }

    public func isPlausibleResultYear(_ year: Int) -> Bool { resultYears.contains(year) }

    public func isPlausibleTargetYear(_ year: Int) -> Bool { targetYears.contains(year) }

    /// A year mentioned in a document about `documentYear`: any year since 1945 up to two
    /// terms ahead (base years of prices and old milestones are fine; "năm 2924" is not).
    public func isPlausible(_ year: Int, inDocumentAbout documentYear: Int) -> Bool {
        year >= Self.firstYear && year <= min(documentYear, currentYear) + 10
    }
}

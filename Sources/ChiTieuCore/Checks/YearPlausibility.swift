/// Whether a year written in a report or entered as data can be right: "năm 2924" in a
/// report about 2024 is a typing error.
public struct YearPlausibility: Sendable {
    /// The current year, passed in so the check stays pure and testable.
    public let currentYear: Int

    public init(currentYear: Int) {
        self.currentYear = currentYear
    }

    /// Results describe the past: no earlier than 1945, no later than this year.
    public func isPlausibleResultYear(_ year: Int) -> Bool {
        (1945...currentYear).contains(year)
    }

    /// Targets may look ahead as far as two five-year terms.
    public func isPlausibleTargetYear(_ year: Int) -> Bool {
        (1945...(currentYear + 10)).contains(year)
    }

    /// A year mentioned in a document about `documentYear`: any year since 1945 up to two
    /// terms ahead (base years of prices and old milestones are fine; "năm 2924" is not).
    public func isPlausible(_ year: Int, inDocumentAbout documentYear: Int) -> Bool {
        year >= 1945 && year <= min(documentYear, currentYear) + 10
    }
}

import Foundation

/// Where "now" comes from. Passed in (configuration, repository) rather than read from
/// `Date()` deep inside, so a test can pin the day: a session that expires, a result year that
/// is "in the future", an audit entry's time — all follow the one clock.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public static let system = WallClock { Date() }

    /// A clock stopped at `date`, for tests.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }

    public func now() -> Date { read() }

    /// The calendar year in Vietnam (UTC+7): on 31 December at 20:00 UTC it is already next year there.
    public var year: Int { today.year }

    /// Today in Vietnam (UTC+7).
    public var today: CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

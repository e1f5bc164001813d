import ChiTieuCore
import Foundation

/// Timestamps stored as ISO 8601 text in UTC, the same on both engines.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A stored timestamp as people in Vietnam read it, in Vietnam time (UTC+7, no daylight
    /// saving): `2026-12-01T09:34:12Z` → `16:34 ngày 1/12/2026`. Text that is not a timestamp
    /// comes back as it is.
    public static func vietnamese(_ stored: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: stored) else { return stored }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return "\(time) ngày \(c.day ?? 0)/\(c.month ?? 0)/\(c.year ?? 0)"
    }

    /// The day alone: `1/12/2026`.
    public static func vietnameseDay(_ stored: String) -> String {
        let full = vietnamese(stored)
        return full.components(separatedBy: " ngày ").last ?? full
    }
}

extension WallClock {
    /// The stored form of now.
    public func timestamp() -> String { Timestamp.string(now()) }

    /// The stored form of the moment `offset` from now (negative: in the past).
    public func timestamp(from offset: Duration) -> String {
        Timestamp.string(now().addingTimeInterval(TimeInterval(offset.components.seconds)))
    }
}

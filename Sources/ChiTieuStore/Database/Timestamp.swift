import Foundation

/// Timestamps stored as ISO 8601 text in UTC, the same on both engines.
public enum Timestamp {
    public static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// The current calendar year, for plausibility checks.
    static var currentYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
    }
}

extension Timestamp {
    /// The timestamp `duration` from now (negative: in the past).
    public static func from(now offset: Duration) -> String {
        ISO8601DateFormatter().string(from: Date().addingTimeInterval(TimeInterval(offset.components.seconds)))
    }
}

import ChiTieuCore
import Foundation

/// Timestamps stored as ISO 8601 text in UTC, the same on both engines.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
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

import Foundation

/// Timestamps stored as ISO 8601 text in UTC, the same on both engines.
enum Timestamp {
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// The current calendar year, for plausibility checks.
    static var currentYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
    }
}

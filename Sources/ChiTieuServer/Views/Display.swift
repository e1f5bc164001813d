import ChiTieuCore
import ChiTieuReport
import Foundation

/// Figures as the pages show them: Vietnamese notation, "–" for nothing.
enum Display {
    static func number(_ value: Double?) -> String { value.map(\.vietnamese) ?? "–" }

    static func percent(_ value: Double?) -> String { value.map { $0.vietnamese + "%" } ?? "–" }

    /// A CSS class per status, for its colour.
    static func statusClass(_ status: AssessmentStatus) -> String {
        "st-" + status.rawValue.replacingOccurrences(of: "_", with: "-")
    }

    /// `up`, `down` or `flat`, good or bad for the indicator's direction.
    static func trendClass(_ change: Double?, direction: Direction) -> String {
        guard let change, change != 0 else { return "flat" }
        let good = (change > 0) == (direction == .higherIsBetter)
        return (change > 0 ? "up" : "down") + (good ? " good" : " bad")
    }
}

extension String {
    /// nil for the empty text: a template's section shows nothing rather than an empty line.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

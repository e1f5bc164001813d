import Foundation

/// Writes numbers as Vietnamese reports do: `4.790,86`, `10.040`, `70,76%`.
public struct VietnameseNumberFormat: Sendable {
    /// Most decimals to show; trailing zeros are dropped (`100,6`, `60`).
    public var maximumFractionDigits: Int
    /// Fewest decimals to show (`52,10` when 2).
    public var minimumFractionDigits: Int

    public init(maximumFractionDigits: Int = 2, minimumFractionDigits: Int = 0) {
        self.maximumFractionDigits = maximumFractionDigits
        self.minimumFractionDigits = min(minimumFractionDigits, maximumFractionDigits)
    }

    public static let standard = VietnameseNumberFormat()

    public func string(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        // Beyond 1e15 a Double has no meaningful decimals left; print the integer digits.
        let digits = abs(value) >= 1e15 ? 0 : maximumFractionDigits
        let rendered = String(format: "%.\(digits)f", abs(value))
        let parts = rendered.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count > minimumFractionDigits, fraction.last == "0" { fraction.removeLast() }
        let isZero = parts[0].allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        var result = value < 0 && !isZero ? "-" : ""
        result += Self.grouped(String(parts[0]))
        if !fraction.isEmpty { result += "," + fraction }
        return result
    }

    /// `70,76%`
    public func percent(_ value: Double) -> String { string(value) + "%" }

    private static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }
}

extension Double {
    /// The number as Vietnamese reports write it, at most two decimals.
    public var vietnamese: String { VietnameseNumberFormat.standard.string(self) }
}

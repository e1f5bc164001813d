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
        var (integer, fraction) = Self.fixed(abs(value), digits: digits)
        while fraction.count > minimumFractionDigits, fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        let isZero = integer.allSatisfy { $0 == UInt8(ascii: "0") } && fraction.allSatisfy { $0 == UInt8(ascii: "0") }
        var bytes: [UInt8] = value < 0 && !isZero ? [UInt8(ascii: "-")] : []
        bytes.reserveCapacity(integer.count * 4 / 3 + fraction.count + 2)
        for (i, digit) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { bytes.append(UInt8(ascii: ".")) }
            bytes.append(digit)
        }
        if !fraction.isEmpty {
            bytes.append(UInt8(ascii: ","))
            bytes += fraction
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The integer and fraction digits of `%.{digits}f`. Reports, pages and every audit entry of
    /// an import write numbers through here, and `String(format:)` costs a microsecond or more
    /// each: a figure far from a rounding tie (`70,755` is one at two decimals) is rounded with
    /// integers, which gives printf's digits; a tie or a huge figure goes to printf itself.
    private static func fixed(_ magnitude: Double, digits: Int) -> (integer: [UInt8], fraction: [UInt8]) {
        if digits >= 0, digits < powersOfTen.count {
            let scale = powersOfTen[digits]
            let scaled = magnitude * Double(scale)
            // Below 1e12 the product is off by under 1e-4, so only a fraction near ,5 can round
            // the other way than the exact binary value does.
            let whole = scaled.rounded(.down)
            if scaled < 1e12, abs(scaled - whole - 0.5) > 1e-3 {
                let n = UInt64(whole) + (scaled - whole > 0.5 ? 1 : 0)
                let remainder = digits == 0 ? [] : Array(String(n % scale).utf8)
                let padding = repeatElement(UInt8(ascii: "0"), count: digits - remainder.count)
                return (Array(String(n / scale).utf8), Array(padding) + remainder)
            }
        }
        let rendered = String(format: "%.\(digits)f", magnitude)
        let parts = rendered.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return (Array(parts[0]), parts.count > 1 ? Array(parts[1]) : [])
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `70,76%`
    public func percent(_ value: Double) -> String { string(value) + "%" }
}

extension Double {
    /// The number as Vietnamese reports write it, at most two decimals.
    public var vietnamese: String { VietnameseNumberFormat.standard.string(self) }
}

/// Parses numbers written the Vietnamese way: `.` groups thousands and `,` marks decimals
/// (`4.790,86`, `10.040`, `70,76`), leading zeros are kept for looks (`02`), and a scale
/// word may follow (`1,2 nghìn tỷ`).
public enum VietnameseNumber {
    /// Parses a bare number such as `4.790,86`, `10.040`, `02`, `-3,5`, `1.234.567`.
    /// Returns nil when the text is not one number.
    public static func parse(_ text: some StringProtocol) -> Double? {
        parseDigits(Substring(text).trimmingWhitespace())
    }

    /// Parses a number followed by optional scale words: `1,2 nghìn` → 1200;
    /// `1,2 nghìn tỷ` returns 1200 with the remaining unit word left to the caller.
    public static func parseScaled(_ text: some StringProtocol) -> (value: Double, rest: Substring)? {
        let trimmed = Substring(text).trimmingWhitespace()
        var end = trimmed.startIndex
        while end < trimmed.endIndex, isNumberCharacter(trimmed[end]) { end = trimmed.index(after: end) }
        guard let value = parseDigits(trimmed[..<end]) else { return nil }
        var rest = trimmed[end...].trimmingWhitespace()
        var scaled = value
        for (word, factor) in scaleWords where rest.lowercased().hasPrefix(word) {
            let after = rest.dropFirst(word.count)
            if after.isEmpty || after.first == " " {
                scaled *= factor
                rest = after.trimmingWhitespace()
                break
            }
        }
        return (scaled, rest)
    }

    private static let scaleWords: [(String, Double)] = [("nghìn", 1_000), ("ngàn", 1_000)]

    static func isNumberCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || c == "." || c == "," || c == "-")
    }

    private static func parseDigits(_ raw: Substring) -> Double? {
        var text = raw
        var negative = false
        if text.first == "-" || text.first == "−" {
            negative = true
            text = text.dropFirst()
        }
        guard let first = text.first, first.isASCII, first.isNumber,
            let last = text.last, last.isASCII, last.isNumber
        else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }

        let commaCount = text.filter { $0 == "," }.count
        guard commaCount <= 1 else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fraction = parts.count == 2 ? parts[1] : nil
        guard let integerDigits = groupedDigits(integerPart, allowDecimalDot: fraction == nil) else {
            return nil
        }
        var literal = integerDigits
        if let fraction {
            guard !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
            literal += "." + fraction
        }
        guard let value = Double(literal), value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// `10.040` is ten thousand and forty: a dot followed by exactly three digits groups
    /// thousands. A single dot followed by other than three digits (`1.5`, as some texts
    /// write English-style) is read as a decimal point when no comma is present.
    private static func groupedDigits(_ text: Substring, allowDecimalDot: Bool) -> String? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if groups.count == 1 { return String(groups[0]) }
        let tailsAreThousands = groups.dropFirst().allSatisfy { $0.count == 3 } && groups[0].count <= 3
        if tailsAreThousands { return groups.joined() }
        if allowDecimalDot, groups.count == 2 { return groups[0] + "." + groups[1] }
        return nil
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

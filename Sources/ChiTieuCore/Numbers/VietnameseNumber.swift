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

    /// Works on UTF-8 bytes: extraction reads every number of every text through here.
    private static func parseDigits(_ raw: Substring) -> Double? {
        var bytes = Array(raw.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes.removeFirst()
        } else if bytes.starts(with: [0xE2, 0x88, 0x92]) {  // U+2212 minus sign
            negative = true
            bytes.removeFirst(3)
        }
        let digit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        guard let first = bytes.first, let last = bytes.last, digit(first), digit(last) else { return nil }
        var comma: Int?
        var dots: [Int] = []
        for (i, b) in bytes.enumerated() {
            if digit(b) { continue }
            if b == UInt8(ascii: ",") {
                guard comma == nil else { return nil }
                comma = i
            } else if b == UInt8(ascii: ".") {
                guard comma == nil else { return nil }
                dots.append(i)
            } else {
                return nil
            }
        }
        let integerEnd = comma ?? bytes.count
        // "10.040" is ten thousand and forty: each dot is followed by exactly three digits and
        // the first group has at most three. A single dot otherwise ("1.5", English style) is
        // a decimal point when there is no comma.
        var literal: [UInt8] = []
        literal.reserveCapacity(bytes.count)
        if dots.isEmpty {
            literal.append(contentsOf: bytes[0..<integerEnd])
        } else {
            let bounds = [-1] + dots + [integerEnd]
            let groupLengths = zip(bounds, bounds.dropFirst()).map { $1 - $0 - 1 }
            guard groupLengths.allSatisfy({ $0 > 0 }) else { return nil }
            if groupLengths[0] <= 3, groupLengths.dropFirst().allSatisfy({ $0 == 3 }) {
                literal.append(contentsOf: bytes[0..<integerEnd].filter(digit))
            } else if comma == nil, dots.count == 1 {
                literal.append(contentsOf: bytes)
            } else {
                return nil
            }
        }
        if let comma {
            literal.append(UInt8(ascii: "."))
            literal.append(contentsOf: bytes[(comma + 1)...])
        }
        guard let value = Double(String(decoding: literal, as: UTF8.self)), value.isFinite else { return nil }
        return negative ? -value : value
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

/// Roman numerals as used for Party terms and congresses (khóa VIII, Đại hội lần thứ XVII).
public enum RomanNumeral {
    private static let table: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    public static func string(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        var rest = number
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// Reads `VIII`, `xvii`; nil for anything that is not a well-formed numeral.
    public static func parse(_ text: some StringProtocol) -> Int? {
        let upper = text.uppercased()
        guard !upper.isEmpty, upper.count <= 15 else { return nil }
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        var total = 0
        var previous = 0
        for c in upper.reversed() {
            guard let v = values[c] else { return nil }
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        return string(total) == upper ? total : nil
    }
}

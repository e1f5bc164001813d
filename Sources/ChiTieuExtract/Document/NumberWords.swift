import ChiTieuCore

/// Numbers written as words or Roman numerals, as conference numbers and terms are:
/// "lần thứ mười lăm" = 15, "lần thứ V" = 5, "khóa VIII" = 8.
enum NumberWords {
    private static let units: WordMap<Int> = [
        "nhất": 1, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
        "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
    ]

    /// Reads the number starting at token `i`: digits, a Roman numeral or words. Returns the
    /// number and how many tokens it took.
    static func read(_ tokens: [Token], _ keys: TokenKeys, at i: Int, limit: Int) -> (Int, Int)? {
        guard i < limit else { return nil }
        let t = tokens[i]
        if t.isNumber, let value = t.integer, value > 0 { return (value, 1) }
        if t.isWord, let roman = RomanNumeral.parse(keys[i]), roman > 0 {
            return (roman, 1)
        }
        // Words: [tens] [mươi] [unit] | mười [unit]
        var j = i
        var total = 0
        if tokens[j].key == "mười" {
            total = 10
            j += 1
        } else if j + 1 < limit, let tens = units[tokens[j].key], tokens[j + 1].key == "mươi" {
            total = tens * 10
            j += 2
        }
        if j < limit, let unit = units[tokens[j].key], !(total == 0 && ["mốt", "lăm", "nhăm"].contains(tokens[j].key)) {
            // "năm" alone is ambiguous with the year word; only accept it after tens.
            if tokens[j].key != "năm" || total > 0 {
                total += unit
                j += 1
            }
        }
        return total > 0 ? (total, j - i) : nil
    }
}

import Foundation

/// A figure as a person types it in a table or a form: `4.790,86`, `hơn 10.040`, `khoảng 1,2`.
public enum QualifiedNumber {
    private static let words: [(String, Qualifier)] = [
        ("hơn", .above), ("trên", .above), (">", .above), ("gần", .below), ("dưới", .below), ("<", .below),
        ("khoảng", .approximately), ("xấp xỉ", .approximately), ("~", .approximately),
    ]

    /// The value and its qualifier, or nil when the text is not a number in Vietnamese notation.
    public static func parse(_ text: String) -> (qualifier: Qualifier?, value: Double)? {
        // Nearly every cell of an imported table is plain digits: they need no composing,
        // lowercasing or qualifier words (a hundred thousand cells a file).
        if let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }),
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            text.utf8.allSatisfy({ $0 < 0x80 })
        {
            return VietnameseNumber.parse(text).map { (nil, $0) }
        }
        let lower = text.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
        for (word, qualifier) in words where lower.hasPrefix(word) {
            let rest = String(lower.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
            if let value = VietnameseNumber.parse(rest) { return (qualifier, value) }
        }
        return VietnameseNumber.parse(lower).map { (nil, $0) }
    }
}

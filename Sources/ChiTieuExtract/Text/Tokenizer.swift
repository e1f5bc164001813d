import ChiTieuCore
import Foundation

/// Splits scalars into words, numbers and punctuation. Linear in the text: every scalar
/// is looked at once or twice.
struct Tokenizer {
    let scalars: [Unicode.Scalar]
    let vocabulary: Vocabulary

    init(_ scalars: [Unicode.Scalar], vocabulary: Vocabulary) {
        self.scalars = scalars
        self.vocabulary = vocabulary
    }

    func tokens() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        var space = true
        var newline = true
        let n = scalars.count
        // Each spelling's key is made once: looked up among the words met before, then
        // among this text's new ones.
        let known = vocabulary.snapshot()
        var new = WordMap<Vocabulary.Entry>()
        while i < n {
            let c = scalars[i]
            if c == " " || c == "\t" {
                space = true
                i += 1
                continue
            }
            if c == "\n" || c == "\r" {
                space = true
                newline = true
                i += 1
                continue
            }
            let start = i
            let kind: Token.Kind
            if Self.isDigit(c) {
                kind = .number
                i += 1
                while i < n {
                    if Self.isDigit(scalars[i]) {
                        i += 1
                    } else if (scalars[i] == "." || scalars[i] == ","), i + 1 < n, Self.isDigit(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else if Self.isLetter(c) {
                kind = .word
                i += 1
                while i < n {
                    let d = scalars[i]
                    if Self.isDigit(d), startsNumber(at: i, afterWordFrom: start) { break }
                    if Self.isLetter(d) || Self.isDigit(d) || Self.isMark(d) {
                        i += 1
                    } else if (d == "'" || d == "’"), i + 1 < n, Self.isLetter(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .punct
                i += 1
            }
            let entry: Vocabulary.Entry
            // The kind is mixed in first, so "9" and ":" cannot share a spelling.
            var spelling: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rawValue)) &* 0x100_0000_01b3
            for s in scalars[start..<i] { spelling = (spelling ^ UInt64(s.value)) &* 0x100_0000_01b3 }
            if let found = known[fingerprint: spelling] ?? new[fingerprint: spelling] {
                entry = found
            } else {
                let text =
                    kind == .word
                    ? NameKey.word(scalars[start..<i]) : VietnameseLetters.string(Array(scalars[start..<i]))
                let key = Word(text)
                let number = kind == .number ? VietnameseNumber.parse(text) : nil
                // A whole number written without separators: "2024", "18", "02".
                let integer = number.flatMap {
                    $0 == $0.rounded() && abs($0) < 1e15 && !text.utf8.contains(46) ? Int($0) : nil
                }
                entry = (key, Traits.table[key] ?? [], number, integer)
                new[fingerprint: spelling] = entry
            }
            let capitalized = kind == .word && VietnameseLetters.isUppercase(c)
            tokens.append(
                Token(
                    kind: kind, start: start, end: i, key: entry.word, spaceBefore: space, newlineBefore: newline,
                    capitalized: capitalized, number: entry.number, integer: entry.integer, traits: entry.traits))
            space = false
            newline = false
        }
        vocabulary.add(new)
        return tokens
    }

    /// "đạt13,04%", "tăng12%": a number stuck to a lower-case word is its own token. Codes and
    /// units keep their digits: "H5N1", "QL1A" (upper case), "m2", "km3" (one digit, then no
    /// fraction or "%").
    private func startsNumber(at i: Int, afterWordFrom start: Int) -> Bool {
        let previous = scalars[i - 1]
        guard i - start >= 2, VietnameseLetters.isLetter(previous), !VietnameseLetters.isUppercase(previous) else {
            return false
        }
        var j = i
        while j < scalars.count, Self.isDigit(scalars[j]) { j += 1 }
        if j - i >= 2 { return true }
        guard j < scalars.count else { return false }
        if scalars[j] == "%" { return true }
        return (scalars[j] == "," || scalars[j] == ".") && j + 1 < scalars.count && Self.isDigit(scalars[j + 1])
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { VietnameseLetters.isLetter(c) && !isMark(c) }

    static func isMark(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && c.value <= 0x36F }
}

/// Keys for words of phrase lists, the same as the tokenizer gives.
enum WordKey {
    static func make(_ word: String) -> String {
        NameKey.word(ArraySlice(word.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}

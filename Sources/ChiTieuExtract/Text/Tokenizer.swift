import ChiTieuCore

/// Splits scalars into words, numbers and punctuation. Linear in the text: every scalar
/// is looked at once or twice.
struct Tokenizer {
    let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    func tokens() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        var space = true
        var newline = true
        let n = scalars.count
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
            let raw = String(String.UnicodeScalarView(scalars[start..<i]))
            let key: String
            switch kind {
            case .word: key = WordKey.make(raw)
            case .number, .punct: key = raw
            }
            let capitalized = kind == .word && c.properties.isUppercase
            tokens.append(
                Token(
                    kind: kind, start: start, end: i, key: key, spaceBefore: space, newlineBefore: newline,
                    capitalized: capitalized))
            space = false
            newline = false
        }
        return tokens
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return c.properties.isAlphabetic && !isMark(c)
    }

    static func isMark(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && c.value <= 0x36F }
}

/// Keys for words, cached: documents repeat a small vocabulary.
enum WordKey {
    static func make(_ word: String) -> String {
        // ASCII words only need lower-casing; the rest go through the shared name key.
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.lowercased() }
        return NameKey(word).rawValue
    }
}

import Foundation
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
        // A text repeats its words: each spelling's key is made once.
        var keys: [UInt64: (Word, Traits)] = [:]
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
            let key: Word
            let traits: Traits
            // The kind is mixed in first, so "9" and ":" cannot share a spelling.
            var spelling: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rawValue)) &* 0x100_0000_01b3
            for s in scalars[start..<i] { spelling = (spelling ^ UInt64(s.value)) &* 0x100_0000_01b3 }
            if let known = keys[spelling] {
                (key, traits) = known
            } else {
                switch kind {
                case .word: key = Word(NameKey.word(scalars[start..<i]))
                case .number, .punct: key = Word(VietnameseLetters.string(Array(scalars[start..<i])))
                }
                traits = Traits.table[key] ?? []
                keys[spelling] = (key, traits)
            }
            let capitalized = kind == .word && VietnameseLetters.isUppercase(c)
            tokens.append(
                Token(
                    kind: kind, start: start, end: i, key: key, spaceBefore: space, newlineBefore: newline,
                    capitalized: capitalized, number: kind == .number ? VietnameseNumber.parse(key.text) : nil, traits: traits))
            space = false
            newline = false
        }
        return tokens
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { VietnameseLetters.isLetter(c) && !isMark(c) }

    static func isMark(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && c.value <= 0x36F }
}

/// Keys for words of phrase lists, the same as the tokenizer gives.
enum WordKey {
    static func make(_ word: String) -> String { NameKey.word(ArraySlice(word.precomposedStringWithCanonicalMapping.unicodeScalars)) }
}

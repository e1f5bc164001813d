import Foundation

/// A comparison key for Vietnamese names: NFC, lower-case, single spaces, one tone-mark
/// placement (`hoà` and `hòa` give the same key), `tỉ` read as `tỷ`, and dashes unified
/// with no space around them.
///
/// Names are matched by key and displayed as written. The key is computed on Unicode
/// scalars with a lookup table, because extraction computes one for every word it reads.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: some StringProtocol) {
        rawValue = Self.normalise(String(text))
    }

    public var description: String { rawValue }

    public static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The key with diacritics removed (`chợ đồn` → `cho don`), for forgiving lookups
    /// typed on keyboards without a Vietnamese input method.
    public var folded: String {
        rawValue.replacingOccurrences(of: "đ", with: "d")
            .applyingTransform(.stripDiacritics, reverse: false) ?? rawValue
    }

    /// The key of one word given as NFC scalars, without building an intermediate string.
    public static func word(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var rework = false
        for s in scalars {
            let lower = VietnameseLetters.lowercase(s)
            if ToneMarkPlacement.movable(lower) || lower == "ỉ" { rework = true }
            out.append(lower)
        }
        if rework {
            ToneMarkPlacement.makeTraditional(&out)
            VietnameseLetters.spellTyWithY(&out)
        }
        return VietnameseLetters.string(out)
    }

    static func normalise(_ text: String) -> String {
        let composed =
            text.unicodeScalars.contains { $0.value >= 0x300 && $0.value <= 0x36F }
            ? text.precomposedStringWithCanonicalMapping : text
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(composed.unicodeScalars.count)
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            let c = VietnameseLetters.lowercase(VietnameseLetters.isDash(scalar) ? "-" : scalar)
            // "công nghiệp - xây dựng" and "công nghiệp-xây dựng" are one name.
            if pendingSpace, c != "-", out.last != "-" { out.append(" ") }
            pendingSpace = false
            if c == "-", out.last == " " { out.removeLast() }
            out.append(c)
        }
        ToneMarkPlacement.makeTraditional(&out)
        VietnameseLetters.spellTyWithY(&out)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }
}

/// Letter tables for Vietnamese, on Unicode scalars.
public enum VietnameseLetters {
    /// Scalars below this have their properties in the tables: Latin with every Vietnamese
    /// letter, and what comes before it.
    static let tableLimit: UInt32 = 0x1F00

    /// Lower-case of every scalar below `tableLimit`, computed once; indexing is cheaper than
    /// asking the Unicode properties for every letter of a text.
    private static let lower: [UInt32] = (0..<tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase else { return value }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : value
    }

    private static let letter: [Bool] = (0..<tableLimit).map { value in
        Unicode.Scalar(value).map { $0.properties.isAlphabetic } ?? false
    }

    /// A string from scalars through UTF-8, the cheapest way to build one.
    public static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func lowercase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : s }
        return v < tableLimit ? Unicode.Scalar(unsafe: lower[Int(v)]) : s
    }

    public static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 65 && v <= 90 }
        return v < tableLimit ? lower[Int(v)] != v : s.properties.isUppercase
    }

    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return v < tableLimit ? letter[Int(v)] : s.properties.isAlphabetic
    }

    static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "–" || s == "—" || s == "‑" || s == "−"
    }

    /// `tỉ` and `tỷ` are both standard spellings; keys use `tỷ`.
    static func spellTyWithY(_ s: inout [Unicode.Scalar]) {
        var i = 0
        while i + 1 < s.count {
            if s[i] == "t", s[i + 1] == "ỉ", i == 0 || s[i - 1] == " ", i + 2 == s.count || s[i + 2] == " " {
                s[i + 1] = "ỷ"
            }
            i += 1
        }
    }
}

extension Unicode.Scalar {
    /// For values taken from a table of valid scalars.
    init(unsafe value: UInt32) {
        self = Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

/// Vietnamese has two accepted places for the tone mark in open syllables ending in
/// `oa`, `oe`, `uy`: `hoà`/`hòa`, `thuỷ`/`thủy`. Both appear in one text, so keys use
/// the traditional placement (on the first vowel).
enum ToneMarkPlacement {
    /// Marked second vowel → (unmarked second vowel, required first vowel, marked first vowel).
    private static let moves: [Unicode.Scalar: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)] = [
        "à": ("a", "o", "ò"), "á": ("a", "o", "ó"), "ả": ("a", "o", "ỏ"), "ã": ("a", "o", "õ"), "ạ": ("a", "o", "ọ"),
        "è": ("e", "o", "ò"), "é": ("e", "o", "ó"), "ẻ": ("e", "o", "ỏ"), "ẽ": ("e", "o", "õ"), "ẹ": ("e", "o", "ọ"),
        "ỳ": ("y", "u", "ù"), "ý": ("y", "u", "ú"), "ỷ": ("y", "u", "ủ"), "ỹ": ("y", "u", "ũ"), "ỵ": ("y", "u", "ụ"),
    ]

    static func movable(_ s: Unicode.Scalar) -> Bool {
        // Every movable vowel is in Latin-1 Supplement or Latin Extended Additional.
        let v = s.value
        return v >= 0xC0 && moves[s] != nil
    }

    static func makeTraditional(_ s: inout [Unicode.Scalar]) {
        guard s.count >= 2 else { return }
        for i in 1..<s.count {
            guard let (base, first, moved) = moves[s[i]], s[i - 1] == first else { continue }
            let atWordEnd = i + 1 == s.count || !VietnameseLetters.isLetter(s[i + 1])
            // "quý" keeps its mark: the u of "qu" is part of the consonant.
            let afterQ = i >= 2 && s[i - 2] == "q"
            guard atWordEnd, !afterQ else { continue }
            s[i - 1] = moved
            s[i] = base
        }
    }
}

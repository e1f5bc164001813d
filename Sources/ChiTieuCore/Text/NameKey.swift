import Foundation

/// A comparison key for Vietnamese names: NFC, lower-case, single spaces, one tone-mark
/// placement (`hoà` and `hòa` give the same key), `tỉ` read as `tỷ`, and dashes unified
/// with no space around them.
///
/// Names are matched by key and displayed as written.
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

    static func normalise(_ text: String) -> String {
        let lower = text.precomposedStringWithCanonicalMapping.lowercased()
        var out = ""
        out.reserveCapacity(lower.count)
        var pendingSpace = false
        for c in lower {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(dashes.contains(c) ? "-" : c)
        }
        // "công nghiệp - xây dựng" and "công nghiệp-xây dựng" are one name.
        out = out.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: "- ", with: "-")
        let words = ToneMarkPlacement.traditional(out).split(separator: " ", omittingEmptySubsequences: false)
        return words.map { $0 == "tỉ" ? "tỷ" : String($0) }.joined(separator: " ")
    }

    private static let dashes: Set<Character> = ["–", "—", "‑", "−"]
}

/// Vietnamese has two accepted places for the tone mark in open syllables ending in
/// `oa`, `oe`, `uy`: `hoà`/`hòa`, `thuỷ`/`thủy`. Both appear in one text, so keys use
/// the traditional placement (on the first vowel).
enum ToneMarkPlacement {
    private static let moves: [Character: [Character: Character]] = [
        "a": ["à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"],
        "e": ["è": "ò", "é": "ó", "ẻ": "ỏ", "ẽ": "õ", "ẹ": "ọ"],
        "y": ["ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"],
    ]
    private static let marked: [Character: (base: Character, first: Character)] = {
        var table: [Character: (Character, Character)] = [:]
        for (base, pairs) in moves {
            for (markedSecond, _) in pairs { table[markedSecond] = (base, base == "y" ? "u" : "o") }
        }
        return table
    }()

    static func traditional(_ text: String) -> String {
        var chars = Array(text)
        guard chars.count >= 2 else { return text }
        for i in 1..<chars.count {
            guard let (base, first) = marked[chars[i]], chars[i - 1] == first else { continue }
            let atWordEnd = i + 1 == chars.count || !chars[i + 1].isLetter
            // "quý" keeps its mark: the u of "qu" is part of the consonant.
            let afterQ = i >= 2 && chars[i - 2] == "q"
            guard atWordEnd, !afterQ, let moved = moves[base]?[chars[i]] else { continue }
            chars[i - 1] = moved
            chars[i] = base
        }
        return String(chars)
    }
}

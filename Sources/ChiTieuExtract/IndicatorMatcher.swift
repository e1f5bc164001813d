import ChiTieuCore

/// Maps an indicator name as written to a catalogue indicator: the longest catalogue name
/// (or synonym) found inside it as whole words, else the closest by shared words.
public struct IndicatorMatcher: Sendable {
    private struct Entry: Sendable {
        let code: String
        let words: [String]
        let isRate: Bool
    }

    private let entries: [Entry]

    public init(catalogue: Catalogue) {
        var entries: [Entry] = []
        for indicator in catalogue.indicators {
            for name in indicator.allNames {
                entries.append(Entry(code: indicator.code, words: Self.words(name), isRate: indicator.isRate))
            }
        }
        self.entries = entries.sorted { $0.words.count > $1.words.count }
    }

    static func words(_ text: String) -> [String] {
        NameKey(text).rawValue.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "(" || $0 == ")" })
            .map(String.init)
    }

    /// The code of the indicator `name` names, or nil. `unit` keeps a rate from matching a
    /// count of the same thing.
    public func code(for name: String, unit: String?) -> String? {
        let words = Self.words(name)
        guard !words.isEmpty else { return nil }
        let isPercent = unit == "%"
        for entry in entries where entry.words.count <= words.count {
            if unit != nil, entry.isRate != isPercent { continue }
            if Self.contains(words, entry.words) { return entry.code }
        }
        var best: (score: Double, code: String)?
        let set = Set(words)
        for entry in entries {
            if unit != nil, entry.isRate != isPercent { continue }
            let other = Set(entry.words)
            let score = Double(set.intersection(other).count) / Double(set.union(other).count)
            if score >= 0.6, score > (best?.score ?? 0) { best = (score, entry.code) }
        }
        return best?.code
    }

    private static func contains(_ words: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= words.count else { return false }
        for start in 0...(words.count - part.count) where words[start] == part[0] {
            if Array(words[start..<(start + part.count)]) == part { return true }
        }
        return false
    }
}

import ChiTieuCore

/// Maps an indicator name as written to a catalogue indicator: the longest catalogue name
/// (or synonym) found inside it as whole words, else the one sharing most words with it
/// (Jaccard ≥ 0.6). Names are indexed by word, so a lookup touches only the catalogue names
/// that share a word with the name.
public struct IndicatorMatcher: Sendable {
    private struct Entry: Sendable {
        let code: String
        let words: [Word]
        let distinct: Int
        let isRate: Bool
    }

    private let entries: [Entry]
    /// Entries by their first word, longest first: candidates for containment.
    private let byFirstWord: WordMap<[Int]>
    /// Entries by every word they contain: candidates for shared words.
    private let byWord: WordMap<[Int]>

    public init(catalogue: Catalogue) {
        var entries: [Entry] = []
        for indicator in catalogue.indicators {
            for name in indicator.allNames {
                let words = Self.words(name)
                guard !words.isEmpty else { continue }
                entries.append(
                    Entry(code: indicator.code, words: words, distinct: Set(words).count, isRate: indicator.isRate))
            }
        }
        var byFirst = WordMap<[Int]>()
        var byWord = WordMap<[Int]>()
        for (index, entry) in entries.enumerated() {
            byFirst[entry.words[0], default: []].append(index)
            for word in Set(entry.words) { byWord[word, default: []].append(index) }
        }
        for key in byFirst.words { byFirst[key]!.sort { entries[$0].words.count > entries[$1].words.count } }
        self.entries = entries
        byFirstWord = byFirst
        self.byWord = byWord
    }

    static func words(_ text: String) -> [Word] {
        NameKey(text).rawValue.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "(" || $0 == ")" })
            .map { Word(String($0)) }
    }

    /// The code of the indicator `name` names, or nil. `unit` keeps a rate from matching a
    /// count of the same thing.
    public func code(for name: String, unit: String?) -> String? {
        code(words: Self.words(name), unit: unit)
    }

    func code(words: [Word], unit: String?) -> String? {
        guard !words.isEmpty else { return nil }
        let isPercent = unit == "%"
        let fits: (Entry) -> Bool = { unit == nil || $0.isRate == isPercent }
        // The longest catalogue name inside the name.
        var best: (length: Int, code: String)?
        for start in words.indices {
            for index in byFirstWord[words[start]] ?? [] {
                let entry = entries[index]
                guard entry.words.count > (best?.length ?? 0), start + entry.words.count <= words.count, fits(entry)
                else {
                    continue
                }
                if (0..<entry.words.count).allSatisfy({ words[start + $0] == entry.words[$0] }) {
                    best = (entry.words.count, entry.code)
                }
            }
        }
        if let best { return best.code }
        // Else the most words in common.
        let distinct = Set(words)
        var shared: [Int: Int] = [:]
        for word in distinct {
            for index in byWord[word] ?? [] { shared[index, default: 0] += 1 }
        }
        var closest: (score: Double, code: String)?
        for (index, common) in shared {
            let entry = entries[index]
            guard fits(entry) else { continue }
            let score = Double(common) / Double(distinct.count + entry.distinct - common)
            if score >= 0.6, score > (closest?.score ?? 0) { closest = (score, entry.code) }
        }
        return closest?.code
    }
}

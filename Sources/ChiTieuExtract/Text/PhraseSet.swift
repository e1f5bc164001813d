import ChiTieuCore

/// A set of multi-word phrases matched against tokens, longest first. Phrases are written
/// in plain Vietnamese and keyed like tokens, so `hoá`/`hóa` and `tỉ`/`tỷ` both match.
struct PhraseSet: Sendable {
    private var byFirst: [String: [[String]]] = [:]
    private var values: [String: String] = [:]

    init(_ phrases: [String]) {
        for phrase in phrases { add(phrase, value: phrase) }
    }

    init(_ pairs: [(String, String)]) {
        for (phrase, value) in pairs { add(phrase, value: value) }
    }

    private mutating func add(_ phrase: String, value: String) {
        let words = Self.keys(phrase)
        guard let first = words.first else { return }
        byFirst[first, default: []].append(words)
        byFirst[first]!.sort { $0.count > $1.count }
        values[words.joined(separator: " ")] = value
    }

    /// Splits a phrase into token keys: words, and `/`, `%`, `-` as their own keys.
    static func keys(_ phrase: String) -> [String] {
        var keys: [String] = []
        var word = ""
        for c in phrase {
            if c == " " || c == "/" || c == "%" || c == "-" {
                if !word.isEmpty { keys.append(WordKey.make(word)) }
                word = ""
                if c != " " { keys.append(String(c)) }
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { keys.append(WordKey.make(word)) }
        return keys
    }

    /// The longest phrase starting at `index`: its length in tokens and its value.
    func match(_ tokens: [Token], at index: Int, limit: Int? = nil) -> (length: Int, value: String)? {
        guard index < tokens.count, let candidates = byFirst[tokens[index].key] else { return nil }
        let end = min(limit ?? tokens.count, tokens.count)
        for words in candidates where index + words.count <= end {
            var ok = true
            for (offset, word) in words.enumerated().dropFirst() where tokens[index + offset].key != word {
                ok = false
                break
            }
            if ok { return (words.count, values[words.joined(separator: " ")] ?? "") }
        }
        return nil
    }

    func contains(_ tokens: [Token], at index: Int) -> Bool { match(tokens, at: index) != nil }

    /// Whether the phrase occurs anywhere in `range`.
    func occurs(in tokens: [Token], _ range: Range<Int>) -> Bool {
        range.contains { match(tokens, at: $0, limit: range.upperBound) != nil }
    }
}

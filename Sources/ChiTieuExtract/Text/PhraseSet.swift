import ChiTieuCore

/// A set of multi-word phrases matched against tokens, longest first. Phrases are written
/// in plain Vietnamese and keyed like tokens, so `hoá`/`hóa` and `tỉ`/`tỷ` both match.
struct PhraseSet: Sendable {
    private var byFirst = WordMap<[(words: [Word], value: String)]>()

    init(_ phrases: [String]) {
        for phrase in phrases { add(phrase, value: phrase) }
    }

    init(_ pairs: [(String, String)]) {
        for (phrase, value) in pairs { add(phrase, value: value) }
    }

    private mutating func add(_ phrase: String, value: String) {
        let words = Self.keys(phrase)
        guard let first = words.first else { return }
        byFirst[first, default: []].append((words, value))
        byFirst[first]!.sort { $0.words.count > $1.words.count }
    }

    /// Splits a phrase into token keys: words, and `/`, `%`, `-` as their own keys.
    static func keys(_ phrase: String) -> [Word] {
        var keys: [Word] = []
        var word = ""
        for c in phrase {
            if c == " " || c == "/" || c == "%" || c == "-" {
                if !word.isEmpty { keys.append(Word(WordKey.make(word))) }
                word = ""
                if c != " " { keys.append(Word(String(c))) }
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { keys.append(Word(WordKey.make(word))) }
        return keys
    }

    /// The longest phrase starting at `index`: its length in tokens and its value.
    func match(_ tokens: [Token], at index: Int, limit: Int? = nil) -> (length: Int, value: String)? {
        guard index < tokens.count, let candidates = byFirst[tokens[index].key] else { return nil }
        let end = min(limit ?? tokens.count, tokens.count)
        for candidate in candidates where index + candidate.words.count <= end {
            var ok = true
            var offset = 1
            while offset < candidate.words.count {
                if tokens[index + offset].key != candidate.words[offset] {
                    ok = false
                    break
                }
                offset += 1
            }
            if ok { return (candidate.words.count, candidate.value) }
        }
        return nil
    }

    /// The words phrases start with.
    var firstWords: [Word] { byFirst.words }

    func contains(_ tokens: [Token], at index: Int) -> Bool { match(tokens, at: index) != nil }

    /// Whether the phrase occurs anywhere in `range`.
    func occurs(in tokens: [Token], _ range: Range<Int>) -> Bool {
        range.contains { match(tokens, at: $0, limit: range.upperBound) != nil }
    }
}

/// A sentence: a run of tokens ended by `.`, `!`, `?`, `…` before a capital, or by a line break.
struct Sentence: Sendable {
    /// Token indices.
    var range: Range<Int>
    /// Lines are paragraphs in these texts; sentences of one line share a number.
    var paragraph: Int
}

struct SentenceSplitter {
    let tokens: [Token]

    private static let stops: WordSet = [".", "!", "?", "…"]
    private static let openers: WordSet = ["“", "\"", "(", "-", "–"]

    /// Words after which a full stop does not end a sentence.
    static let abbreviations: WordSet = [
        "tp", "ths", "ts", "pgs", "gs", "bs", "th.s", "q", "p", "tt", "kts", "ks", "đc", "ông", "bà",
    ]

    func sentences() -> [Sentence] {
        var result: [Sentence] = []
        var start = 0
        var paragraph = 0
        func close(_ end: Int) {
            if end > start { result.append(Sentence(range: start..<end, paragraph: paragraph)) }
            start = end
        }
        for i in tokens.indices {
            if i > start, tokens[i].newlineBefore {
                close(i)
                paragraph += 1
            } else if i > 0, tokens[i].newlineBefore {
                paragraph += 1
            }
            guard i > start, endsSentence(at: i) else { continue }
            close(i + 1)
        }
        close(tokens.count)
        return result
    }

    private func endsSentence(at i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punct, Self.stops.contains(t.key) else { return false }
        guard i + 1 < tokens.count else { return true }
        let next = tokens[i + 1]
        guard next.spaceBefore else { return false }
        if t.key == ".", i > 0, tokens[i - 1].isWord, Self.abbreviations.contains(tokens[i - 1].key),
            !tokens[i].spaceBefore
        {
            return false
        }
        switch next.kind {
        case .word: return next.capitalized
        case .number: return true
        case .punct: return Self.openers.contains(next.key)
        }
    }
}

import ChiTieuCore

/// Tracks where the goals of a later period begin: "Về mục tiêu năm 2025, …", "phấn đấu …",
/// "phương hướng … năm 2024 với mục tiêu chính: …". An opener with a later year makes the
/// rest of its paragraph goals; "phấn đấu" alone makes the rest of its sentence goals.
struct GoalContext {
    let tokens: [Token]
    let reviewYear: Int?
    private var paragraph = -1
    private var activeYear: Int?

    init(tokens: [Token], reviewYear: Int?) {
        self.tokens = tokens
        self.reviewYear = reviewYear
    }

    struct Opener {
        var index: Int
        var year: Int
        var sticky: Bool
    }

    mutating func enter(_ sentence: Sentence) {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph
            activeYear = nil
        }
    }

    mutating func leave(_ sentence: Sentence, opener: Opener?) {
        if let opener, opener.sticky { activeYear = opener.year }
    }

    func opener(in range: Range<Int>) -> Opener? {
        var later: Int??
        for i in range where tokens[i].has(.goal) {
            guard let match = Lexicon.targetOpeners.match(tokens, at: i, limit: range.upperBound) else { continue }
            if later == nil { later = laterYear(in: range) }
            if let year = later ?? nil { return Opener(index: i, year: year, sticky: true) }
            if match.value == "phấn đấu", let year = reviewYear { return Opener(index: i, year: year, sticky: false) }
        }
        return nil
    }

    /// The year goals are for at token `index`, or nil when it is a result.
    func targetYear(at index: Int, opener: Opener?) -> Int? {
        if let activeYear { return activeYear }
        if let opener, index >= opener.index { return opener.year }
        return nil
    }

    private func laterYear(in range: Range<Int>) -> Int? {
        guard let reviewYear else { return nil }
        var later: Int?
        for i in range where tokens[i].isNumber {
            if let y = tokens[i].integer, y > reviewYear, y <= reviewYear + 5, i > 0, tokens[i - 1].key == "năm" {
                later = max(later ?? y, y)
            }
        }
        return later
    }
}

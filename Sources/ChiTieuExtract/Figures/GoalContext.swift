import ChiTieuCore

/// Tracks where the goals of a later period begin: "Về mục tiêu năm 2025, …", "phấn đấu …",
/// "phương hướng … năm 2024 với mục tiêu chính: …". An opener with a later year makes the
/// rest of its paragraph goals; "phấn đấu" alone makes the rest of its sentence goals.
///
/// The later year is the one after "năm" («đến năm 2030») or the end of a term or stage
/// («nhiệm kỳ 2025–2030», «giai đoạn 2026 - 2030»). A sentence that introduces a list of
/// goals without a year of its own («Một số chỉ tiêu cụ thể như: …», «Tỉnh đề ra 15 chỉ tiêu:
/// …») takes the later year an earlier sentence of its paragraph named; «phấn đấu» alone
/// keeps the review year, for its sentence.
struct GoalContext {
    let tokens: [Token]
    let reviewYear: Int?
    private var paragraph = -1
    private var activeYear: Int?
    /// The latest later year a sentence of this paragraph has named so far.
    private var paragraphYear: Int?

    /// Paragraphs that speak of the review period or before: «năm 2025», «nhiệm kỳ 2020-2025»,
    /// «cùng kỳ», «đã», «ước», «kết quả», «60% dự toán». Goals never carry into one.
    private var lookingBack: Set<Int> = []

    init(tokens: [Token], sentences: [Sentence] = [], reviewYear: Int?) {
        self.tokens = tokens
        self.reviewYear = reviewYear
        for sentence in sentences where !lookingBack.contains(sentence.paragraph) {
            if looksBack(sentence.range) { lookingBack.insert(sentence.paragraph) }
        }
    }

    struct Opener {
        var index: Int
        var year: Int
        var sticky: Bool
        /// Where a past term under review is named after it, and results begin.
        var until: Int? = nil
    }

    /// Openers that only ever introduce goals, never a comparison with one («vượt mục tiêu»).
    private static let listOpeners: Set<String> = [
        "phấn đấu", "chỉ tiêu cụ thể", "các chỉ tiêu chủ yếu", "chỉ tiêu chủ yếu", "đề ra",
    ]

    /// A paragraph that follows goals and does not look back goes on with them: «… đặt mục tiêu
    /// đến năm 2030 …» then, on its own line, «Thu nhập bình quân đầu người đạt trên 85 triệu đồng; …».
    mutating func enter(_ sentence: Sentence) {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph
            if lookingBack.contains(paragraph) { activeYear = nil }
            paragraphYear = nil
        }
    }

    private static let backWords: WordSet = ["đã", "ước", "kết", "cùng", "%"]
    private static let planWords: WordSet = ["kế", "dự", "nghị", "kh"]

    /// Also a share of plan («bằng 60% dự toán») and an estimate («ước đạt»): said of results.
    private func looksBack(_ range: Range<Int>) -> Bool {
        for i in range {
            let t = tokens[i]
            if Self.backWords.contains(t.key), i + 1 < range.upperBound {
                let next = tokens[i + 1].key
                switch t.key {
                case "đã", "ước": return true
                case "kết" where next == "quả", "cùng" where next == "kỳ": return true
                case "%" where t.kind == .punct && Self.planWords.contains(next): return true
                default: break
                }
            }
            guard t.isNumber, let y = t.integer, (1945...2100).contains(y), let reviewYear, y <= reviewYear,
                i > range.lowerBound
            else { continue }
            if tokens[i - 1].key == "năm" || isTermEnd(i, from: range.lowerBound) { return true }
        }
        return false
    }

    mutating func leave(_ sentence: Sentence, opener: Opener?) {
        if let opener, opener.sticky { activeYear = opener.year }
        if let year = laterYear(in: sentence.range) { paragraphYear = max(paragraphYear ?? year, year) }
    }

    func opener(in range: Range<Int>) -> Opener? {
        var later: Int??
        for i in range where tokens[i].has(.goal) {
            guard let match = Lexicon.targetOpeners.match(tokens, at: i, limit: range.upperBound) else { continue }
            if later == nil { later = laterYear(in: range) }
            if let year = later ?? nil { return Opener(index: i, year: year, sticky: true) }
            guard Self.listOpeners.contains(match.value),
                match.value != "đề ra" || setsGoals(after: i + match.length, range)
            else { continue }
            // «phấn đấu đến cuối năm 2 xã về đích» after «giai đoạn 2016-2020» is this year's aim, for its sentence.
            if match.value == "phấn đấu" {
                // a headline run into the body: «Phấn đấu đạt … cuối 2025 Theo dự thảo …, kinh
                // tế trong nhiệm kỳ 2015 - 2020 tăng …» reviews from the past term on
                let until = (i..<range.upperBound).first { j in
                    tokens[j].isNumber && isTermEnd(j, from: range.lowerBound)
                        && reviewYear.map { tokens[j].integer! <= $0 } ?? false
                }
                if let year = reviewYear { return Opener(index: i, year: year, sticky: false, until: until) }
            } else if let year = paragraphYear {
                return Opener(index: i, year: year, sticky: true)
            }
        }
        return nil
    }

    /// The year goals are for at token `index`, or nil when it is a result.
    func targetYear(at index: Int, opener: Opener?) -> Int? {
        if let activeYear { return activeYear }
        if let opener, index >= opener.index, index < opener.until ?? Int.max { return opener.year }
        return nil
    }

    /// «đề ra 15 chỉ tiêu», «đề ra mục tiêu»: not «vượt kế hoạch đề ra năm 2023» nor «đề ra các giải pháp».
    private func setsGoals(after i: Int, _ range: Range<Int>) -> Bool {
        guard i < range.upperBound else { return false }
        if tokens[i].isNumber || tokens[i].key == "các" {
            return i + 1 < range.upperBound && tokens[i + 1].key == "chỉ"
        }
        return tokens[i].key == "mục" || tokens[i].key == "chỉ"
    }

    /// Without a review year only a term's end counts: «(nhiệm kỳ 2020 - 2025) … chỉ tiêu cụ thể».
    /// A sentence that also names the term under review («… nhiệm kỳ 2020 - 2025, kinh tế trong
    /// nhiệm kỳ 2015 - 2020 tăng …») reports results: its later term is only the congress's name.
    private func laterYear(in range: Range<Int>) -> Int? {
        var later: Int?
        let terms = Set(range.filter { tokens[$0].isNumber && isTermEnd($0, from: range.lowerBound) })
        let reviewsATerm = terms.contains { i in reviewYear.map { tokens[i].integer! <= $0 } ?? false }
        for i in range where tokens[i].isNumber && i > range.lowerBound {
            guard let y = tokens[i].integer, (1945...2100).contains(y) else { continue }
            let termEnd = !reviewsATerm && terms.contains(i)
            guard termEnd || tokens[i - 1].key == "năm" else { continue }
            if let reviewYear {
                guard y > reviewYear, y <= reviewYear + 5 else { continue }
            } else if !termEnd {
                continue
            }
            later = max(later ?? y, y)
        }
        return later
    }

    private static let termWords: Set<Word> = ["kỳ", "kì", "đoạn", "khóa"]

    /// The second year of «nhiệm kỳ 2025-2030» / «giai đoạn 2026 – 2030».
    private func isTermEnd(_ i: Int, from start: Int) -> Bool {
        guard i - 3 >= start, tokens[i - 1].isPunct("-") || tokens[i - 1].isPunct("–"),
            let first = tokens[i - 2].integer, let y = tokens[i].integer, y > first, y - first <= 10
        else { return false }
        return Self.termWords.contains(tokens[i - 3].key)
    }
}

import ChiTieuCore

/// Finds the period a document reviews: "9 tháng năm 2024", "6 tháng đầu năm 2023",
/// "quý I/2023", "năm 2024". Candidates are scored by their context — review words
/// ("đánh giá", "kết quả") raise, plan words ("triển khai", "phương hướng", "cuối năm") lower —
/// and a part of a year without its year takes it from the same sentence ("so với cùng kỳ
/// năm 2022" → 2023), from the text's other mentions, or from its date.
struct PeriodFinder {
    let source: TextSource
    let documentYear: Int?
    var tokens: [Token] { source.tokens }

    private struct Candidate {
        var fromMonth: Int
        var toMonth: Int
        var year: Int?
        var score: Double
        var sentence: Int
    }

    /// Words that say the period is being reviewed, and words that say it lies ahead. The
    /// nearest one before a period phrase, within its clause, decides.
    static let reviewCues = PhraseSet([
        "đánh giá", "kết quả", "tình hình", "sơ kết", "tổng kết", "báo cáo", "trong", "qua", "đã", "đạt",
        "thực hiện được",
    ])
    static let planCues = PhraseSet([
        "triển khai", "phương hướng", "mục tiêu", "phấn đấu", "đề ra", "dự toán", "cuối năm", "trước",
        "tới", "sắp tới", "chuẩn bị", "định hướng", "đến năm",
    ])

    func find() -> Period? {
        var candidates: [Candidate] = []
        for (index, sentence) in source.sentences.enumerated() {
            var i = sentence.range.lowerBound
            while i < sentence.range.upperBound {
                if let (c, length) = candidate(at: i, in: sentence, index: index) {
                    candidates.append(c)
                    i += length
                } else {
                    i += 1
                }
            }
        }
        guard !candidates.isEmpty else { return nil }
        let fallbackYear = documentYear ?? mostCommonYear()
        var totals: [String: (Candidate, Double)] = [:]
        for var c in candidates {
            c.year = c.year ?? fallbackYear
            guard let year = c.year else { continue }
            // A text dated 27/12/2022 reviews 2022 however often it names the plan for 2023: no
            // result is from after the day it was written.
            if let documentYear, year > documentYear { c.score -= 5 }
            let key = "\(year)-\(c.fromMonth)-\(c.toMonth)"
            let earlier = totals[key]
            totals[key] = (earlier?.0 ?? c, (earlier?.1 ?? 0) + c.score)
        }
        guard let best = totals.values.max(by: { ($0.1, -$0.0.sentence) < ($1.1, -$1.0.sentence) })?.0,
            let year = best.year
        else { return nil }
        // Only later years named («nghị quyết về nhiệm vụ năm 2023» at a session of 27/12/2022):
        // the year it was written is the one reviewed.
        if let documentYear, year > documentYear { return try? Period.yearToDate(documentYear, through: 12) }
        return try? Period(year: year, fromMonth: best.fromMonth, toMonth: best.toMonth)
    }

    /// "sau hơn 4 tháng vận hành", "gần 5 tháng", "trong vòng 3 tháng": a time taken, not months reported.
    private func isDuration(before i: Int, from start: Int) -> Bool {
        guard i > start else { return false }
        let previous = tokens[i - 1].key
        if previous == "sau" || previous == "gần" || previous == "vòng" || previous == "mất" { return true }
        return previous == "hơn" && i - 1 > start && tokens[i - 2].key == "sau"
    }

    private func candidate(at i: Int, in sentence: Sentence, index: Int) -> (Candidate, Int)? {
        let end = sentence.range.upperBound
        let t = tokens[i]
        guard t.isNumber || t.has(.period) else { return nil }
        var from = 1
        var to = 12
        var length = 0
        var partial = true
        var upcoming = false
        if t.isNumber, let n = t.integer, (1...11).contains(n), i + 1 < end, tokens[i + 1].key == "tháng",
            !isDuration(before: i, from: sentence.range.lowerBound)
        {
            // "9 tháng (đầu năm)", "6 tháng cuối năm"
            length = 2
            to = n
            if i + 2 < end, tokens[i + 2].key == "đầu" { length += 1 }
            if i + 2 < end, tokens[i + 2].key == "cuối" {
                upcoming = true
                from = 13 - n
                to = 12
                length += 1
            }
        } else if t.key == "quý" || t.key == "quí", i + 1 < end,
            let (q, _) = NumberWords.read(tokens, source.keys, at: i + 1, limit: end), (1...4).contains(q)
        {
            from = (q - 1) * 3 + 1
            to = q * 3
            length = 2
        } else if t.key == "tháng", i + 1 < end, tokens[i + 1].isNumber, let m = tokens[i + 1].integer,
            (1...12).contains(m),
            i + 2 < end, tokens[i + 2].isPunct("/") || tokens[i + 2].key == "năm"
        {
            from = m
            to = m
            length = 2
        } else if t.key == "năm", i + 1 < end, tokens[i + 1].isNumber, let y = tokens[i + 1].integer,
            (1945...2100).contains(y),
            !excludedYearContext(before: i)
        {
            partial = false
            length = 2
            return (
                Candidate(
                    fromMonth: 1, toMonth: 12, year: y,
                    score: score(i, length, sentence, index, partial: false, upcoming: false), sentence: index), length
            )
        } else {
            return nil
        }
        var year: Int?
        var j = i + length
        if j + 1 < end, tokens[j].key == "năm", tokens[j + 1].isNumber { j += 1 }
        if j + 1 < end, tokens[j].isPunct("/"), tokens[j + 1].isNumber { j += 1 }
        if j < end, tokens[j].isNumber, let y = tokens[j].integer, (1945...2100).contains(y) {
            year = y
            length = j + 1 - i
        } else {
            year = sentenceYear(sentence, near: i)
        }
        let s = score(i, length, sentence, index, partial: true, upcoming: upcoming)
        return (Candidate(fromMonth: from, toMonth: to, year: year, score: s, sentence: index), length)
    }

    /// "giá so sánh năm 2010", "nhiệm kỳ 2020-2025", "so với (cùng kỳ) năm 2022": not the period.
    private func excludedYearContext(before i: Int) -> Bool {
        let window = tokens[max(0, i - 3)..<i].map(\.key)
        return window.contains("sánh") || window.contains("so") || window.contains("kỳ") && window.contains("cùng")
            || window.contains("với") || window.suffix(1) == ["kỳ"]
    }

    private func score(_ i: Int, _ length: Int, _ sentence: Sentence, _ index: Int, partial: Bool, upcoming: Bool)
        -> Double
    {
        var s = partial ? 2.0 : 1.0
        var clauseStart = sentence.range.lowerBound
        for k in stride(from: i - 1, through: max(sentence.range.lowerBound, i - 40), by: -1)
        where tokens[k].isPunct(";") {
            clauseStart = k + 1
            break
        }
        switch nearestCue(before: i, from: max(clauseStart, i - 15)) {
        case .review: s += 2
        case .plan: s -= 3
        case nil: if i == clauseStart { s += 1 }
        }
        let after = tokens[(i + length)..<min(sentence.range.upperBound, i + length + 5)].map(\.key)
        if after.contains("phấn") || after.contains("mục") { s -= 2 }
        if upcoming { s -= 3 }
        if index < 3 { s += 0.5 }
        return s
    }

    private enum Cue {
        case review
        case plan
    }

    private func nearestCue(before i: Int, from start: Int) -> Cue? {
        guard start < i else { return nil }
        for k in stride(from: i - 1, through: start, by: -1) where tokens[k].has(.cue) {
            if Self.planCues.match(tokens, at: k, limit: i) != nil { return .plan }
            if Self.reviewCues.match(tokens, at: k, limit: i) != nil { return .review }
        }
        return nil
    }

    /// A year for "9 tháng đầu năm" from the same sentence: the year of "cùng kỳ năm 2022"
    /// plus one, else another year written there.
    private func sentenceYear(_ sentence: Sentence, near position: Int) -> Int? {
        var other: Int?
        // Within a bounded window, so that a text with no full stops stays linear.
        let window = max(sentence.range.lowerBound, position - 40)..<min(sentence.range.upperBound, position + 40)
        for i in window where tokens[i].isNumber {
            guard let y = tokens[i].integer, (1945...2100).contains(y) else { continue }
            let window = tokens[max(sentence.range.lowerBound, i - 5)..<i].map(\.key)
            if window.contains("kỳ") && window.contains("cùng") || window.contains("so") { return y + 1 }
            if window.contains("nhiệm") || window.contains("sánh") || window.contains("giai") { continue }
            other = other ?? y
        }
        return other
    }

    private func mostCommonYear() -> Int? {
        var counts: [Int: Int] = [:]
        for (i, t) in tokens.enumerated() where t.isNumber {
            if let y = t.integer, (1945...2100).contains(y), i > 0, tokens[i - 1].key == "năm" {
                counts[y, default: 0] += 1
            }
        }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}

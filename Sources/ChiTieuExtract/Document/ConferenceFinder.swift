import ChiTieuCore

/// Finds the numbered meeting a document reports: "Hội nghị … lần thứ 18 (mở rộng), khóa
/// VIII", "hội nghị lần thứ mười lăm", "Kỳ họp thứ 2", "kỳ họp lần thứ 23". Central
/// conferences (Trung ương) are not it. A Party congress is it only when the document has no
/// meeting and reports the congress itself: "Đại hội đại biểu Đảng bộ xã … lần thứ I, nhiệm kỳ
/// 2025–2030" — its term named — and not "tiến tới Đại hội …", "Nghị quyết Đại hội …".
struct ConferenceFinder {
    let source: TextSource
    var tokens: [Token] { source.tokens }

    func find() -> ExtractionResult.ConferenceMention? {
        var found: [(ExtractionResult.ConferenceMention, Int)] = []
        for sentence in source.sentences {
            for i in sentence.range {
                if let c = mention(at: i, sentence: sentence) { found.append((c, i)) }
            }
        }
        guard var best = found.first?.0 else { return congress() }
        // The title often shortens what the body says: take the details from any mention of
        // the same meeting.
        for (other, _) in found.dropFirst()
        where other.number == best.number && other.isCouncilSession == best.isCouncilSession {
            best.extended = best.extended || other.extended
            best.term = best.term ?? other.term
        }
        return best
    }

    private func mention(at i: Int, sentence: Sentence) -> ExtractionResult.ConferenceMention? {
        let end = sentence.range.upperBound
        let t = tokens[i]
        guard t.has(.meeting) else { return nil }
        var numberAt: Int?
        var council = false
        if t.key == "kỳ", i + 1 < end, tokens[i + 1].key == "họp" {
            var j = i + 2
            if j < end, tokens[j].key == "lần" { j += 1 }
            guard j < end, tokens[j].key == "thứ" else { return nil }
            numberAt = j + 1
            council = true
        } else if t.key == "lần", i + 1 < end, tokens[i + 1].key == "thứ" {
            // "… hội nghị [Ban Chấp hành Đảng bộ huyện X khóa VIII] lần thứ 18": a meeting word
            // shortly before, no congress in between.
            let window = max(sentence.range.lowerBound, i - 16)..<i
            guard let meeting = window.last(where: { tokens[$0].key == "hội" }) else { return nil }
            if meeting > 0, tokens[meeting - 1].key == "đại" { return nil }
            if (meeting..<i).contains(where: { tokens[$0].key == "đại" && $0 + 1 < i && tokens[$0 + 1].key == "hội" }) {
                return nil
            }
            numberAt = i + 2
        }
        guard let at = numberAt, let (number, length) = NumberWords.read(tokens, source.keys, at: at, limit: end) else {
            return nil
        }
        // Windows around the mention, so that a text with no full stops stays linear.
        let scope = max(sentence.range.lowerBound, i - 30)..<min(end, i + 30)
        if scope.contains(where: {
            tokens[$0].key == "trung" && $0 + 1 < end && tokens[$0 + 1].key == "ương" && abs($0 - i) < 8
        }) {
            return nil
        }
        let after = at + length
        var extended = false
        for k in max(scope.lowerBound, i - 6)..<min(end, after + 8)
        where tokens[k].key == "mở" && k + 1 < end && tokens[k + 1].key == "rộng" {
            extended = true
        }
        return ExtractionResult.ConferenceMention(
            number: number, term: term(near: i, sentence: sentence), extended: extended, isCouncilSession: council)
    }

    /// The congress the document reports, if it names one with its term.
    private func congress() -> ExtractionResult.ConferenceMention? {
        for sentence in source.sentences {
            let end = sentence.range.upperBound
            for i in sentence.range where tokens[i].key == "đại" && i + 1 < end && tokens[i + 1].key == "hội" {
                let before = tokens[max(sentence.range.lowerBound, i - 4)..<i].map(\.key)
                if before.contains(where: { Self.notTheEvent.contains($0) }) { continue }
                let window = (i + 2)..<min(end, i + 18)
                guard
                    let ordinal = window.first(where: {
                        tokens[$0].key == "lần" && $0 + 1 < end && tokens[$0 + 1].key == "thứ"
                    }),
                    let (number, length) = NumberWords.read(tokens, source.keys, at: ordinal + 2, limit: end),
                    let from = termStart(after: ordinal + 2 + length, limit: min(end, ordinal + 2 + length + 8))
                else { continue }
                return ExtractionResult.ConferenceMention(
                    number: number, term: nil, extended: false, isCouncilSession: false, isCongress: true,
                    termFrom: from)
            }
        }
        return nil
    }

    /// Words before «Đại hội» that make it another event than the document's: one to come, one
    /// greeted, or its resolution.
    private static let notTheEvent: WordSet = [
        "tiến", "tới", "chào", "mừng", "hướng", "chuẩn", "bị", "nghị", "quyết",
    ]

    /// «nhiệm kỳ 2025 - 2030» / «nhiệm kỳ 2025–2030»: 2025.
    private func termStart(after start: Int, limit: Int) -> Int? {
        for k in start..<max(start, limit)
        where tokens[k].key == "nhiệm" && k + 2 < tokens.count && tokens[k + 1].key == "kỳ" {
            guard let year = tokens[k + 2].integer, (1945...2100).contains(year) else { return nil }
            return year
        }
        return nil
    }

    /// "khóa VIII", "khoá XX": the nearest in the sentence.
    private func term(near i: Int, sentence: Sentence) -> Int? {
        var best: (distance: Int, value: Int)?
        let window = max(sentence.range.lowerBound, i - 30)..<min(sentence.range.upperBound, i + 30)
        for k in window where (tokens[k].key == "khóa" || tokens[k].key == "khoá") && k + 1 < sentence.range.upperBound
        {
            guard let (value, _) = NumberWords.read(tokens, source.keys, at: k + 1, limit: sentence.range.upperBound)
            else { continue }
            // "Đại hội … khóa" names a congress, not the committee's term.
            let distance = abs(k - i)
            if best == nil || distance < best!.distance { best = (distance, value) }
        }
        return best?.value
    }
}

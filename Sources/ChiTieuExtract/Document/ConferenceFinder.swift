import ChiTieuCore

/// Finds the numbered meeting a document reports: "Hội nghị … lần thứ 18 (mở rộng), khóa
/// VIII", "hội nghị lần thứ mười lăm", "Kỳ họp thứ 2", "kỳ họp lần thứ 23". Party congresses
/// (Đại hội) and central conferences (Trung ương) are not it.
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
        guard var best = found.first?.0 else { return nil }
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

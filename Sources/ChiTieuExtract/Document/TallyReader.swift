import ChiTieuCore

/// Reads a count of targets by outcome. The constructions handled, each with a sentence of its
/// own in `DocumentReadingTests.talliesInTheirCommonShapes` / `talliesWithCompletionWords`:
/// - a total named by «tổng (số)» or «trong N chỉ tiêu»: "Trong tổng 42 chỉ tiêu đã có 10 chỉ
///   tiêu vượt kế hoạch, 22 chỉ tiêu đạt …", "Trong 30 chỉ tiêu đề ra, có 9 chỉ tiêu vượt …";
/// - a fraction N/M, the outcome after it ("15/20 chỉ tiêu đạt và vượt"), also past words that
///   say which targets ("16/19 chỉ tiêu kinh tế - xã hội đạt và vượt"), or before it ("hoàn
///   thành 38/43 chỉ tiêu", "hoàn thành và hoàn thành vượt mức 26/27 chỉ tiêu");
/// - several fractions in one sentence add up ("16/17 chỉ tiêu kinh tế … 22/22 chỉ tiêu văn
///   hóa - xã hội đạt và vượt": 38 of 39);
/// - counts with the verb before or after: "vượt 11 chỉ tiêu, 5 chỉ tiêu đạt 100%, 2 chỉ tiêu
///   cơ bản đạt và 1 chỉ tiêu không đạt", "17 chỉ tiêu hoàn thành";
/// - a count that is an aim is not a tally: "phấn đấu đạt 17 chỉ tiêu".
struct TallyReader {
    let source: TextSource
    var tokens: [Token] { source.tokens }

    private enum Outcome {
        case exceeded, met, metOrExceeded, missed, unevaluated, other
        /// Mid-year: đúng tiến độ, có nguy cơ không đạt, chậm tiến độ.
        case onTrack, atRisk, offTrack
    }

    /// Whether a clause counts targets ("N chỉ tiêu", "N tiêu chí vượt"): its numbers are
    /// not indicator results.
    func isTallyClause(_ range: Range<Int>) -> Bool {
        range.contains {
            tokens[$0].has(.tally) && countWord(at: $0, limit: range.upperBound) != nil && isCount(before: $0)
        }
    }

    /// The figures a tally clause goes on to give after its count: «phấn đấu đạt 17 chỉ tiêu,
    /// trong đó thu ngân sách đạt hơn 340 tỷ đồng», «có 30/32 chỉ tiêu đạt và vượt kế hoạch, đưa
    /// tốc độ tăng trưởng kinh tế đạt 7,36%». Nil when what follows counts targets too («…, 8
    /// chỉ tiêu đạt»).
    func listed(after clause: Range<Int>) -> Range<Int>? {
        guard let count = firstCount(in: clause),
            let comma = (count..<clause.upperBound).first(where: { tokens[$0].isPunct(",") })
        else { return nil }
        var rest = (comma + 1)..<clause.upperBound
        if rest.count > 2, tokens[rest.lowerBound].key == "trong", tokens[rest.lowerBound + 1].key == "đó" {
            rest = (rest.lowerBound + 2)..<rest.upperBound
        }
        guard !rest.isEmpty, !isTallyClause(rest) else { return nil }
        return rest
    }

    /// The figures a tally clause gives before its count, back to a comma outside brackets:
    /// «tổng thu ngân sách ước đạt hơn 520 tỷ đồng (vượt 12,4% kế hoạch, tăng 8%), 20/20 chỉ tiêu
    /// văn hóa - xã hội đạt và vượt». Nil when there is no such comma or that part counts too.
    func listed(before clause: Range<Int>) -> Range<Int>? {
        guard let count = firstCount(in: clause) else { return nil }
        var depth = 0
        var k = count - 1
        while k > clause.lowerBound {
            let t = tokens[k]
            if t.isPunct(")") {
                depth += 1
            } else if t.isPunct("(") {
                depth -= 1
            } else if depth <= 0, t.isPunct(",") {
                break
            }
            k -= 1
        }
        let part = clause.lowerBound..<k
        guard k > clause.lowerBound, !isTallyClause(part) else { return nil }
        return part
    }

    private func firstCount(in clause: Range<Int>) -> Int? {
        clause.first {
            tokens[$0].has(.tally) && countWord(at: $0, limit: clause.upperBound) != nil && isCount(before: $0)
        }
    }

    func find() -> ExtractionResult.ReadTally? {
        for sentence in source.sentences {
            if let tally = read(sentence.range) { return tally }
        }
        return nil
    }

    private func read(_ range: Range<Int>) -> ExtractionResult.ReadTally? {
        guard range.contains(where: { tokens[$0].has(.tally) }) else { return nil }
        var tally = ExtractionResult.ReadTally(
            span: .init(start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end))
        var parts = 0
        var other = 0
        var fractionTotal = 0
        for segment in segments(range) {
            // Words before a count belong to it only back to the previous count: in "Trong tổng
            // 42 chỉ tiêu có 10 chỉ tiêu vượt …" the "tổng" is the 42's, not the 10's.
            var previousCountEnd = segment.lowerBound
            for i in segment {
                guard let length = countWord(at: i, limit: segment.upperBound), i > segment.lowerBound,
                    tokens[i - 1].isNumber,
                    let count = tokens[i - 1].integer
                else { continue }
                var total: Int?
                var n = count
                // "13/14 chỉ tiêu": 13 of 14
                if i >= segment.lowerBound + 3, tokens[i - 2].isPunct("/"), tokens[i - 3].isNumber,
                    let first = tokens[i - 3].integer
                {
                    total = count
                    n = first
                }
                // Six words before the count's first number ("thành và hoàn thành vượt mức 26/27").
                let start = total == nil ? i - 1 : i - 3
                let from = min(start, max(segment.lowerBound, start - 6, previousCountEnd))
                let to = max(from, start)
                let before = tokens[from..<to].map(\.key)
                previousCountEnd = i + length
                // "phấn đấu đạt 17 chỉ tiêu", "mục tiêu 20 chỉ tiêu": an aim, not an outcome.
                if before.contains("phấn") || Self.has(["mục", "tiêu"], in: before) { continue }
                if total == nil, before.contains("tổng") || before.last == "trong" {
                    tally.total = count
                    continue
                }
                if let total { fractionTotal += total }
                // "18/21 chỉ tiêu chủ yếu đạt và vượt", "16/19 chỉ tiêu kinh tế - xã hội đạt …":
                // the words before the verb say which targets, not how they did.
                let following = tokens[(i + length)..<min(segment.upperBound, i + length + 10)].map(\.key)
                let verb = following.prefix(7).firstIndex { Self.outcomeWords.contains($0) } ?? following.count
                let after = Array(following[min(verb, following.count)...])
                guard let outcome = outcome(before: before, after: after, fraction: total != nil) else { continue }
                parts += 1
                switch outcome {
                case .exceeded: tally.exceeded = (tally.exceeded ?? 0) + n
                case .met: tally.met = (tally.met ?? 0) + n
                case .metOrExceeded: tally.metOrExceeded = (tally.metOrExceeded ?? 0) + n
                case .missed: tally.missed = (tally.missed ?? 0) + n
                case .unevaluated: tally.unevaluated = (tally.unevaluated ?? 0) + n
                case .other: other += n
                case .onTrack: tally.onTrack = (tally.onTrack ?? 0) + n
                case .atRisk: tally.atRisk = (tally.atRisk ?? 0) + n
                case .offTrack: tally.offTrack = (tally.offTrack ?? 0) + n
                }
            }
        }
        if tally.total == nil, fractionTotal > 0 { tally.total = fractionTotal }
        guard parts > 0 || tally.total != nil, parts > 0 else { return nil }
        if tally.total == nil, parts >= 2 {
            let achieved = tally.metOrExceeded ?? ((tally.exceeded ?? 0) + (tally.met ?? 0))
            let midYear = (tally.onTrack ?? 0) + (tally.atRisk ?? 0) + (tally.offTrack ?? 0)
            tally.total = achieved + midYear + (tally.missed ?? 0) + (tally.unevaluated ?? 0) + other
        }
        return tally
    }

    /// The words an outcome starts with, after the count.
    private static let outcomeWords: WordSet = [
        "đạt", "vượt", "hoàn", "không", "chưa", "cơ", "gần", "đúng", "chậm", "có",
    ]

    private static func has(_ words: [Word], in list: [Word]) -> Bool {
        guard words.count <= list.count else { return false }
        return (0...(list.count - words.count)).contains { Array(list[$0..<($0 + words.count)]) == words }
    }

    private func outcome(before: [Word], after: [Word], fraction: Bool) -> Outcome? {
        func has(_ words: [Word], in list: [Word]) -> Bool { Self.has(words, in: list) }
        let near = after.prefix(4)
        let list = Array(near)
        if has(["chưa", "đánh"], in: list) || has(["chưa", "có", "số"], in: list) { return .unevaluated }
        if has(["nguy", "cơ"], in: list) { return .atRisk }
        if has(["chậm", "tiến"], in: list) { return .offTrack }
        if has(["đúng", "tiến"], in: list) || has(["đạt", "tiến", "độ"], in: list) { return .onTrack }
        if has(["không", "đạt"], in: list) || has(["chưa", "đạt"], in: list) { return .missed }
        if has(["cơ", "bản"], in: list) || has(["gần", "đạt"], in: list) { return .other }
        if has(["đạt", "và", "vượt"], in: list) || has(["vượt", "và", "đạt"], in: list)
            || has(["đạt", "trở", "lên"], in: list)
            || has(["đạt", ",", "vượt"], in: list)
        {
            return .metOrExceeded
        }
        if has(["hoàn", "thành", "vượt"], in: list) { return .exceeded }
        if list.first == "vượt" { return .exceeded }
        if list.first == "đạt" || has(["hoàn", "thành"], in: Array(list.prefix(2))) {
            return fraction ? .metOrExceeded : .met
        }
        // The verb before the count: "vượt 6 chỉ tiêu", "hoàn thành vượt mức 30/30 chỉ tiêu"
        // (exceeded), "hoàn thành 38/43 chỉ tiêu", "hoàn thành và hoàn thành vượt mức 26/27 chỉ
        // tiêu", "đạt và vượt 18/20 chỉ tiêu" (met or exceeded).
        let completed = before.suffix(3).contains("đạt") || has(["hoàn", "thành"], in: before)
        if before.suffix(3).contains("vượt") {
            return completed && before.contains("và") ? .metOrExceeded : .exceeded
        }
        if completed { return fraction ? .metOrExceeded : .met }
        return nil
    }

    private func segments(_ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range
        where tokens[i].isPunct(",") || tokens[i].isPunct(";")
            || tokens[i].key == "và" && !(i > 0 && ["đạt", "thành"].contains(tokens[i - 1].key))
                && !(i + 1 < range.upperBound && tokens[i + 1].key == "vượt")
            || (tokens[i].key == "trong" && i + 1 < range.upperBound && tokens[i + 1].key == "đó")
        {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    /// "chỉ tiêu" always; "tiêu chí" when an outcome word follows ("09 tiêu chí vượt").
    private func countWord(at i: Int, limit: Int) -> Int? {
        guard i + 1 < limit else { return nil }
        if tokens[i].key == "chỉ", tokens[i + 1].key == "tiêu" { return 2 }
        if tokens[i].key == "tiêu", tokens[i + 1].key == "chí", i + 2 < limit,
            ["vượt", "đạt", "không", "chưa"].contains(tokens[i + 2].key)
        {
            return 2
        }
        return nil
    }

    private func isCount(before i: Int) -> Bool { i > 0 && tokens[i - 1].isNumber }
}

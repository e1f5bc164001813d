import ChiTieuCore

/// Reads a count of targets by outcome: "Trong tổng 42 chỉ tiêu đã có 10 chỉ tiêu vượt kế
/// hoạch, 22 chỉ tiêu đạt …", "15/20 chỉ tiêu đạt và vượt", "vượt 11 chỉ tiêu, 5 chỉ tiêu đạt
/// 100%, 2 chỉ tiêu cơ bản đạt và 1 chỉ tiêu không đạt".
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
                let from = max(segment.lowerBound, i - 6, previousCountEnd)
                let to = max(from, total == nil ? i - 1 : i - 3)
                let before = tokens[from..<to].map(\.key)
                previousCountEnd = i + length
                if before.contains("tổng") && total == nil {
                    tally.total = count
                    continue
                }
                if let total { tally.total = total }
                // "18/21 chỉ tiêu chủ yếu đạt và vượt": "chủ yếu" says which targets, not how they did.
                let after = Array(
                    tokens[(i + length)..<min(segment.upperBound, i + length + 7)].map(\.key).filter {
                        $0 != "chủ" && $0 != "yếu"
                    })
                guard let outcome = outcome(before: before, after: after, fraction: total != nil) else { continue }
                parts += 1
                switch outcome {
                case .exceeded: tally.exceeded = n
                case .met: tally.met = n
                case .metOrExceeded: tally.metOrExceeded = n
                case .missed: tally.missed = n
                case .unevaluated: tally.unevaluated = n
                case .other: other += n
                case .onTrack: tally.onTrack = n
                case .atRisk: tally.atRisk = n
                case .offTrack: tally.offTrack = n
                }
            }
        }
        guard parts > 0 || tally.total != nil, parts > 0 else { return nil }
        if tally.total == nil, parts >= 2 {
            let achieved = tally.metOrExceeded ?? ((tally.exceeded ?? 0) + (tally.met ?? 0))
            let midYear = (tally.onTrack ?? 0) + (tally.atRisk ?? 0) + (tally.offTrack ?? 0)
            tally.total = achieved + midYear + (tally.missed ?? 0) + (tally.unevaluated ?? 0) + other
        }
        return tally
    }

    private func outcome(before: [Word], after: [Word], fraction: Bool) -> Outcome? {
        func has(_ words: [Word], in list: [Word]) -> Bool {
            guard words.count <= list.count else { return false }
            return (0...(list.count - words.count)).contains { Array(list[$0..<($0 + words.count)]) == words }
        }
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
        if list.first == "vượt" { return .exceeded }
        if list.first == "đạt" { return fraction ? .metOrExceeded : .met }
        let last = before.suffix(2)
        if last.contains("vượt") { return .exceeded }
        if last.contains("đạt") { return fraction ? .metOrExceeded : .met }
        return nil
    }

    private func segments(_ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range
        where tokens[i].isPunct(",") || tokens[i].isPunct(";")
            || tokens[i].key == "và" && !(i > 0 && tokens[i - 1].key == "đạt")
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

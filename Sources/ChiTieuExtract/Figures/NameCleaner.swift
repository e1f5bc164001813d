import ChiTieuCore

/// Turns the tokens before a figure into an indicator name: drops discourse words, time
/// phrases, verbs of the figure, price bases and the unit's own name.
struct NameCleaner {
    let tokens: [Token]

    func dropLeadingNoise(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        let end = range.upperBound
        var changed = true
        while changed, start < end {
            changed = false
            let t = tokens[start]
            if t.kind == .punct || t.isNumber {
                start += 1
                changed = true
            } else if let time = timePhrase(at: start, limit: end) {
                start += time
                changed = true
            } else if let noise = Lexicon.leadingNoise.match(tokens, at: start, limit: end) {
                start += noise.length
                changed = true
            } else if let unitLead = unitWordLead(at: start, limit: end) {
                start += unitLead
                changed = true
            }
        }
        return start..<end
    }

    func dropTrailingNoise(_ range: Range<Int>) -> Range<Int> {
        let start = range.lowerBound
        var end = range.upperBound
        var changed = true
        while changed, end > start {
            changed = false
            if tokens[end - 1].kind == .punct || tokens[end - 1].isNumber {
                end -= 1
                changed = true
                continue
            }
            for length in (1...min(4, end - start)).reversed() {
                if let match = Lexicon.trailingNoise.match(tokens, at: end - length, limit: end), match.length == length {
                    end -= length
                    changed = true
                    break
                }
            }
        }
        return start..<end
    }

    /// The cleaned name's tokens, cut before a time phrase, a price basis, "của huyện …" or a
    /// parenthesis, and without the parts of "(giá hiện hành)".
    func clean(_ range: Range<Int>) -> [Int] {
        var r = dropLeadingNoise(range)
        var cut = r.upperBound
        var depth = 0
        var kept: [Int] = []
        var i = r.lowerBound
        while i < cut {
            let t = tokens[i]
            if t.isPunct("(") { depth += 1 }
            if t.isPunct(")") {
                depth = max(0, depth - 1)
                i += 1
                continue
            }
            if depth > 0 {
                i += 1
                continue
            }
            let wordsSoFar = kept.filter { tokens[$0].isWord }.count
            if wordsSoFar >= 2, timePhrase(at: i, limit: cut) != nil || startsTail(at: i, limit: cut) {
                cut = i
                break
            }
            kept.append(i)
            i += 1
        }
        guard let first = kept.first, let last = kept.last else { return [] }
        r = dropTrailingNoise(first..<(last + 1))
        return kept.filter { r.contains($0) }
    }

    /// "9 tháng", "6 tháng đầu năm", "năm 2023", "quý I", "đến ngày 26-6", "tính đến ngày …".
    func timePhrase(at i: Int, limit: Int) -> Int? {
        guard i < limit else { return nil }
        let t = tokens[i]
        if t.isNumber, i + 1 < limit, Lexicon.timeUnits.contains(tokens[i + 1].key) {
            var j = i + 2
            while j < limit, ["đầu", "cuối", "năm", "qua"].contains(tokens[j].key) { j += 1 }
            if j < limit, tokens[j].isNumber { j += 1 }
            return j - i
        }
        if ["năm", "quý", "quí", "tháng"].contains(t.key), i + 1 < limit {
            if tokens[i + 1].isNumber || RomanNumeral.parse(tokens[i].key == "năm" ? "" : tokens[i + 1].key) != nil {
                return 2
            }
        }
        if ["đến", "tính", "từ"].contains(t.key), i + 1 < limit {
            var j = i + 1
            if tokens[j].key == "đến" { j += 1 }
            if j < limit, ["ngày", "tháng", "hết", "nay", "cuối"].contains(tokens[j].key) {
                j += 1
                while j < limit, tokens[j].isNumber || ["-", "/", "năm", "tháng", "ngày"].contains(tokens[j].key) { j += 1 }
                return j - i
            }
        }
        return nil
    }

    /// Where a name's qualifying tail starts: "theo giá …", "của huyện …", "trên địa bàn huyện …".
    private func startsTail(at i: Int, limit: Int) -> Bool {
        let t = tokens[i]
        if t.key == "theo", i + 1 < limit, tokens[i + 1].key == "giá" { return true }
        if t.key == "của", i + 1 < limit, ["huyện", "tỉnh", "xã", "thị", "thành", "quận", "phường", "toàn"].contains(tokens[i + 1].key) {
            return true
        }
        return false
    }

    /// A leading place word: "huyện", "toàn huyện" followed by a proper name.
    private func unitWordLead(at i: Int, limit: Int) -> Int? {
        guard ["huyện", "xã", "tỉnh", "thị"].contains(tokens[i].key) else { return nil }
        var j = i + 1
        if tokens[i].key == "thị", j < limit, tokens[j].key == "xã" { j += 1 }
        guard j < limit, tokens[j].capitalized else { return nil }
        while j < limit, tokens[j].capitalized { j += 1 }
        return j - i
    }
}

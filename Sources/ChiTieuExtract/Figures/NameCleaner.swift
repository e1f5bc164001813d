import ChiTieuCore

/// Turns the tokens before a figure into an indicator name: drops discourse words, time
/// phrases, verbs of the figure, price bases and the unit's own name.
struct NameCleaner {
    let tokens: [Token]
    let keys: TokenKeys

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
                if let match = Lexicon.trailingNoise.match(tokens, at: end - length, limit: end), match.length == length
                {
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
        // Pieces between time phrases: "Qua rà soát | đến cuối năm | tỷ lệ hộ nghèo toàn huyện
        // còn" names "tỷ lệ hộ nghèo"; "Giá trị sản xuất công nghiệp | 9 tháng | đạt" keeps the first.
        var pieces: [[Int]] = [[]]
        var depth = 0
        var i = range.lowerBound
        while i < range.upperBound {
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
            if startsTail(at: i, limit: range.upperBound), pieces.last!.count >= 2 { break }
            if let time = timePhrase(at: i, limit: range.upperBound) {
                pieces.append([])
                i += time
                continue
            }
            // «giá trị sản xuất trên 1 ha đất canh tác»: what the figure is per, passed over by the scanner
            let perOne = t.integer == 1 && i > range.lowerBound && tokens[i - 1].key == "trên"
            if t.isNumber, !perOne, pieces.last!.filter({ tokens[$0].isWord }).count >= 2 {
                // A number inside a name is a reference ("Nghị quyết 12"): the name ends before it.
                break
            }
            pieces[pieces.count - 1].append(i)
            i += 1
        }
        for piece in pieces.reversed() {
            guard let first = piece.first, let last = piece.last else { continue }
            let r = dropTrailingNoise(dropLeadingNoise(first..<(last + 1)))
            let kept = piece.filter { r.contains($0) }
            if kept.contains(where: { tokens[$0].isWord }) { return kept }
        }
        return []
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
            if tokens[i + 1].isNumber || tokens[i].key != "năm" && RomanNumeral.parse(keys[i + 1]) != nil {
                return 2
            }
        }
        if ["đến", "tính", "từ"].contains(t.key), i + 1 < limit {
            var j = i + 1
            if tokens[j].key == "đến" { j += 1 }
            if j < limit, ["ngày", "tháng", "hết", "nay", "cuối"].contains(tokens[j].key) {
                j += 1
                while j < limit, tokens[j].isNumber || ["-", "/", "năm", "tháng", "ngày"].contains(tokens[j].key) {
                    j += 1
                }
                return j - i
            }
        }
        return nil
    }

    /// Where a name's qualifying tail starts: "theo giá …", "của huyện …", "trên địa bàn huyện …".
    private func startsTail(at i: Int, limit: Int) -> Bool {
        let t = tokens[i]
        if t.key == "theo", i + 1 < limit, tokens[i + 1].key == "giá" { return true }
        if t.key == "của", i + 1 < limit,
            ["huyện", "tỉnh", "xã", "thị", "thành", "quận", "phường", "toàn"].contains(tokens[i + 1].key)
        {
            return true
        }
        return false
    }

    /// A leading place word: "huyện", "toàn huyện" followed by a proper name.
    private func unitWordLead(at i: Int, limit: Int) -> Int? {
        var j = i
        let whole = tokens[j].key == "toàn"
        if whole { j += 1 }
        guard j < limit, ["huyện", "xã", "tỉnh", "thị", "thành", "phường", "quận"].contains(tokens[j].key) else {
            return nil
        }
        j += 1
        if j < limit, ["xã", "phố", "trấn"].contains(tokens[j].key) { j += 1 }
        // "toàn huyện …", "huyện Kông Chro …", and a bare "tỉnh" before a verb ("tỉnh phấn đấu").
        let beforeVerb = j < limit && Lexicon.leadingNoise.match(tokens, at: j, limit: limit) != nil
        guard whole || beforeVerb || (j < limit && tokens[j].capitalized) else { return nil }
        while j < limit, tokens[j].capitalized { j += 1 }
        return j - i
    }
}

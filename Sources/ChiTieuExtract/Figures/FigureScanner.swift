import ChiTieuCore

/// Finds the figures of one clause: quantities with their unit, percentages of plan and
/// changes on last year, and numbers to pass over (dates, ordinals, ranges, excesses).
struct FigureScanner {
    let tokens: [Token]
    /// Key texts of the tokens, for spelling out units.
    let keys: TokenKeys
    /// The text, for words kept as written.
    let scalars: [Unicode.Scalar]

    func figures(in range: Range<Int>) -> [Figure] {
        var found: [Figure] = []
        var i = range.lowerBound
        while i < range.upperBound {
            // Every pattern starts at a number or one of a few words.
            guard tokens[i].isNumber || tokens[i].has(.figure) else {
                i += 1
                continue
            }
            // part of the next figure's name: no figure, and the name reaches back over it
            if let per = perOneUnit(at: i, limit: range.upperBound) {
                i = per
                continue
            }
            if let f = ignored(at: i, limit: range.upperBound) ?? growth(at: i, limit: range.upperBound)
                ?? percentOfPlan(at: i, limit: range.upperBound) ?? value(at: i, limit: range.upperBound)
            {
                found.append(f)
                i = max(f.range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// Words a figure can start with: verbs of plan and change, qualifiers, "mốc", "gấp".
    static let starters: WordSet = {
        var words: WordSet = ["mốc", "gấp", "vượt", "đạt", "bằng", "được", "hoàn", "thực"]
        for phrase in [
            "hơn", "trên", "vượt", "gần", "dưới", "chưa", "khoảng", "xấp", "ước", "từ", "tăng", "giảm", "cao", "thấp",
        ] {
            words.insert(Word(WordKey.make(phrase)))
        }
        return words
    }()

    // MARK: numbers and units

    /// «giá trị sản xuất trên 1 ha đất canh tác đạt 160 triệu đồng»: what the figure after is
    /// per, part of its name, when more of the name and then a number follow in the clause;
    /// where such a phrase ends.
    private func perOneUnit(at start: Int, limit: Int) -> Int? {
        guard tokens[start].key == "trên", start + 2 < limit, tokens[start + 1].integer == 1,
            let u = unit(at: start + 2, limit: limit), u.end < limit, tokens[u.end].kind == .word,
            (u.end..<limit).contains(where: { tokens[$0].isNumber })
        else { return nil }
        return u.end
    }

    /// A number that can be a quantity: not glued to a word (`Covid-19`), not part of a date
    /// (`14/12/2018`, `20-6-2023`, `15:13`), not an ordinal or reference (`lần thứ 18`, `số 9`).
    func quantityNumber(at j: Int, limit: Int) -> Double? {
        guard j < limit, tokens[j].isNumber, let value = tokens[j].number else { return nil }
        if j > 0, !tokens[j].spaceBefore {
            let previous = tokens[j - 1]
            // The tokenizer parts a number from a lower-case word only when it is one ("đạt13,04%").
            let last = scalars[tokens[j].start - 1]
            if previous.isWord,
                previous.capitalized || !VietnameseLetters.isLetter(last) || VietnameseLetters.isUppercase(last)
            {
                return nil
            }
            if previous.kind == .punct, ["-", "/", ":", "."].contains(previous.key), j > 1, !previous.spaceBefore,
                tokens[j - 2].isWord || tokens[j - 2].isNumber
            {
                return nil
            }
        }
        // «Nghị quyết 12» is a reference; «giải quyết 2.150 hồ sơ» (resolved) is a count.
        if j > 0, tokens[j - 1].isWord, Lexicon.referenceWords.contains(tokens[j - 1].key),
            !(tokens[j - 1].key == "quyết" && j > 1 && tokens[j - 2].key == "giải")
        {
            return nil
        }
        // "26-27/12", "7:30": a date or a time; but "9-9,5%" is a range of rates.
        if j + 2 < tokens.count, !tokens[j + 1].spaceBefore, [":", "-"].contains(tokens[j + 1].key),
            tokens[j + 2].isNumber, !tokens[j + 2].spaceBefore,
            !(tokens[j + 1].key == "-" && j + 3 < tokens.count && tokens[j + 3].isPunct("%"))
        {
            return nil
        }
        if j + 2 < tokens.count, tokens[j + 1].isPunct("/"), tokens[j + 2].isNumber, j + 3 < tokens.count,
            tokens[j + 3].isPunct("/")
        {
            return nil
        }
        return value
    }

    /// A unit after a number: `%`, `tỷ đồng`, `ha`, `kg/người/năm`, `triệu đồng/ người/năm`.
    func unit(at start: Int, limit: Int) -> (unit: String, end: Int)? {
        guard start < limit else { return nil }
        if tokens[start].isPunct("%") { return ("%", start + 1) }
        var j = start
        var words: [String] = []
        while j < limit, tokens[j].isWord, Lexicon.scales.contains(tokens[j].key) {
            // "tỷ lệ" is a word of its own, not a scale.
            if tokens[j].key == "tỷ", j + 1 < limit, tokens[j + 1].key == "lệ" { break }
            words.append(keys[j])
            j += 1
        }
        if let base = Lexicon.baseUnits.match(tokens, at: j, limit: limit) {
            words.append(base.value.lowercased())
            j += base.length
        } else if words.isEmpty || j < limit && tokens[j].isWord && Lexicon.timeUnits.contains(tokens[j].key) {
            return nil
        }
        var unit = words.joined(separator: " ")
        // Per-unit parts: /người/năm, /xã, /ha.
        while j + 1 < limit, tokens[j].isPunct("/"), tokens[j + 1].isWord {
            unit += "/" + keys[j + 1]
            j += 2
            if j < limit, tokens[j - 1].key == "vạn", tokens[j].key == "dân" {
                unit += " dân"
                j += 1
            }
        }
        return (unit, j)
    }

    private func qualifier(at j: Int, limit: Int) -> (value: String, length: Int)? {
        guard let q = Lexicon.qualifiers.match(tokens, at: j, limit: limit), j + q.length < limit,
            tokens[j + q.length].isNumber
        else { return nil }
        return (q.value, q.length)
    }

    // MARK: patterns

    /// `[hơn|gần|khoảng|từ] N unit [/ M unit] [trở lên]`, and `N/M unit` (N of M things).
    func value(at start: Int, limit: Int) -> Figure? {
        var j = start
        var qualifierText: String?
        if let q = qualifier(at: j, limit: limit) {
            qualifierText = q.value
            j += q.length
        }
        guard var number = quantityNumber(at: j, limit: limit) else { return nil }
        j += 1
        // N/M things: 13/13 thôn, 6/6 xã — the second number is the total, not a plan.
        if j + 1 < limit, tokens[j].isPunct("/"), tokens[j + 1].isNumber, let u = unit(at: j + 2, limit: limit) {
            // "603,8/600 ha" is done over planned; "13/13 thôn" is so many of all.
            let measured = Lexicon.measureUnitKeys.contains(
                Word(u.unit.split(separator: " ").last.map(String.init) ?? u.unit))
            let plan = measured ? tokens[j + 1].number : nil
            return Figure(kind: .value(number, unit: u.unit, qualifier: nil, plan: plan), range: start..<u.end)
        }
        guard var u = unit(at: j, limit: limit) else {
            // "5.167 - 5.684 tỷ đồng", "6,5 đến 7%": the unit is said once, after the upper bound.
            if isRangeEnd(at: j, limit: limit), let upper = unit(at: j + 2, limit: limit),
                !Lexicon.timeUnits.contains(Word(upper.unit))
            {
                return Figure(
                    kind: .range(low: number, high: tokens[j + 1].number, unit: upper.unit), range: start..<upper.end)
            }
            return nil
        }
        if Lexicon.timeUnits.contains(Word(u.unit)) { return nil }
        if let compound = compoundAmount(number, u, limit: limit) { (number, u) = compound }
        j = u.end
        var plan: Double?
        if j + 1 < limit, tokens[j].isPunct("/"), let p = quantityNumberAfterSlash(j + 1, limit: limit) {
            if let pu = unit(at: j + 2, limit: limit), pu.unit == u.unit {
                plan = p
                j = pu.end
            }
        }
        var qualifier: Qualifier?
        switch qualifierText {
        case ">": qualifier = .above
        case "<": qualifier = .below
        case "~": qualifier = .approximately
        default: break
        }
        if let suffix = trailingQualifier(after: j, limit: limit) { qualifier = suffix }
        if qualifierText == "from", qualifier == nil, isRangeEnd(at: j, limit: limit) {
            // "từ N đến M": a range, a goal's bounds, not a result.
            return Figure(
                kind: .range(low: number, high: tokens[j + 1].number, unit: u.unit), range: start..<rangeEnd(j, limit))
        }
        return Figure(kind: .value(number, unit: u.unit, qualifier: qualifier, plan: plan), range: start..<j)
    }

    private func quantityNumberAfterSlash(_ j: Int, limit: Int) -> Double? {
        guard j < limit, tokens[j].isNumber else { return nil }
        return tokens[j].number
    }

    /// "trở lên" a few words after a value, with no other number in between.
    private func trailingQualifier(after j: Int, limit: Int) -> Qualifier? {
        var k = j
        while k < min(limit, j + 8) {
            let t = tokens[k]
            if t.isNumber || (t.kind == .punct && [",", ";", "(", ")", "."].contains(t.key)) { return nil }
            if t.key == "trở", k + 1 < limit {
                if tokens[k + 1].key == "lên" { return .above }
                if tokens[k + 1].key == "xuống" { return .below }
            }
            k += 1
        }
        return nil
    }

    private func isRangeEnd(at j: Int, limit: Int) -> Bool {
        j + 1 < limit && (tokens[j].key == "đến" || tokens[j].key == "tới" || Self.isDash(tokens[j]))
            && tokens[j + 1].isNumber
    }

    /// "12 - 13%", "12–13%": a hyphen or the en dash a word processor puts in its place.
    static func isDash(_ token: Token) -> Bool { token.isPunct("-") || token.isPunct("–") }

    private func rangeEnd(_ j: Int, _ limit: Int) -> Int {
        var k = j + 2
        if let u = unit(at: k, limit: limit) { k = u.end }
        return k
    }

    /// `tăng 3,81% so với cùng kỳ`, `giảm 2%`, `cao hơn 6,2%`, `bằng 95,27% so với cùng kỳ`.
    func growth(at start: Int, limit: Int) -> Figure? {
        var j = start
        var sign: Character
        if let g = Lexicon.growthWords.match(tokens, at: j, limit: limit) {
            guard g.value != "=" else { return nil }
            sign = g.value == "-" ? "-" : "+"
            j += g.length
        } else if tokens[j].key == "bằng" {
            sign = "="
            j += 1
        } else {
            return nil
        }
        if let q = qualifier(at: j, limit: limit) { j += q.length }
        // "giảm 0,5 điểm phần trăm", "tăng 1,2 điểm %": a change in points.
        if j + 1 < limit, tokens[j].isNumber, tokens[j + 1].key == "điểm", let number = tokens[j].number {
            var end = j + 2
            if end < limit, tokens[end].isPunct("%") { end += 1 }
            if end + 1 < limit, tokens[end].key == "phần", tokens[end + 1].key == "trăm" { end += 2 }
            let (comparison, after) = self.comparison(at: end, limit: limit)
            return Figure(
                kind: .growth(sign == "-" ? -number : number, comparison: comparison, rawSign: sign, points: true),
                range: start..<after)
        }
        guard j + 1 < limit, tokens[j].isNumber, tokens[j + 1].isPunct("%"),
            let number = tokens[j].number
        else {
            // "tăng 2 bậc", "giảm 120 hộ": absolute changes are passed over, unless a share of
            // plan follows: "giảm 14 hộ nghèo, đạt 175% kế hoạch" judges the reduction itself,
            // which is then read as the value.
            if sign != "=", j < limit, tokens[j].isNumber, let u = unit(at: j + 1, limit: limit) {
                return judgedAgainstAPlan(after: u.end, limit: limit)
                    ? nil : Figure(kind: .ignored, range: start..<u.end)
            }
            return nil
        }
        j += 2
        let (comparison, end) = self.comparison(at: j, limit: limit)
        switch sign {
        case "=":
            guard comparison == .samePeriod else { return nil }
            return Figure(
                kind: .growth(Self.offset(number, -100), comparison: comparison, rawSign: "="), range: start..<end)
        case "-":
            return Figure(kind: .growth(-number, comparison: comparison, rawSign: "-"), range: start..<end)
        default:
            return Figure(kind: .growth(number, comparison: comparison, rawSign: "+"), range: start..<end)
        }
    }

    /// ", đạt 175% kế hoạch" within a few words (what is counted may come first: "hộ nghèo").
    private func judgedAgainstAPlan(after end: Int, limit: Int) -> Bool {
        for k in end..<min(limit, end + 5) {
            if tokens[k].isNumber { return false }
            if let f = percentOfPlan(at: k, limit: limit), case .percentOfPlan(_, let plan) = f.kind, plan != nil {
                return true
            }
        }
        return false
    }

    /// "so với cùng kỳ năm 2022", "so năm trước", "so với đầu năm" and what follows them.
    func comparison(at start: Int, limit: Int) -> (Figure.Comparison, Int) {
        guard let c = Lexicon.comparisons.match(tokens, at: start, limit: limit) else { return (.unstated, start) }
        var j = start + c.length
        if c.value == "plan" { return (.unstated, start) }
        // the rest: "năm 2022", "năm trước", "năm ngoái", "2022"
        if j < limit, tokens[j].key == "năm" { j += 1 }
        if j < limit, tokens[j].isNumber || ["trước", "ngoái"].contains(tokens[j].key) { j += 1 }
        switch c.value {
        case "period": return (.samePeriod, j)
        case "start": return (.startOfYear, j)
        default: return (.unstated, j)
        }
    }

    /// `bằng 70,76% kế hoạch`, `đạt 26,6% dự toán tỉnh giao`, `vượt 42,46% dự toán`, `vượt 1,8%`.
    func percentOfPlan(at start: Int, limit: Int) -> Figure? {
        var j = start
        let verb = tokens[j].key
        var exceeds = false
        switch verb {
        case "vượt":
            exceeds = true
            j += 1
        case "đạt", "bằng", "được":
            j += 1
        case "hoàn", "thực":
            guard j + 1 < limit, ["thành", "hiện"].contains(tokens[j + 1].key) else { return nil }
            j += 2
            if j < limit, tokens[j].key == "đạt" { j += 1 }
        default:
            if tokens[j].isNumber || qualifier(at: j, limit: limit) != nil { break }
            return nil
        }
        if j < limit, tokens[j].key == "được" { j += 1 }
        if let q = qualifier(at: j, limit: limit) { j += q.length }
        guard j + 1 < limit, tokens[j].isNumber, tokens[j + 1].isPunct("%"),
            let number = tokens[j].number
        else {
            if exceeds, j < limit, tokens[j].isNumber, let u = unit(at: j + 1, limit: limit) {
                // "vượt 9 triệu đồng": an excess in units, not a share of plan.
                return Figure(kind: .ignored, range: start..<u.end)
            }
            return nil
        }
        j += 2
        var k = j
        if k < limit, tokens[k].key == "so" {
            k += 1
            if k < limit, tokens[k].key == "với" { k += 1 }
        }
        if let plan = Lexicon.planWords.match(tokens, at: k, limit: limit) {
            let end = k + plan.length
            return Figure(
                kind: .percentOfPlan(
                    exceeds ? Self.offset(number, 100) : number, plan: planWords(k, end, limit: limit)),
                range: start..<end)
        }
        if exceeds {
            let (comparison, end) = self.comparison(at: j, limit: limit)
            if comparison == .samePeriod {
                return Figure(kind: .growth(number, comparison: comparison, rawSign: "+"), range: start..<end)
            }
            return Figure(kind: .percentOfPlan(Self.offset(number, 100), plan: nil), range: start..<j)
        }
        return nil
    }

    /// The plan's words as written, with who assigned it when the text says so:
    /// "dự toán", "dự toán tỉnh giao", "kế hoạch HĐND huyện giao".
    private func planWords(_ start: Int, _ end: Int, limit: Int) -> String {
        var last = end
        for k in end..<min(limit, end + 4) where tokens[k].key == "giao" {
            last = k + 1
            break
        }
        return VietnameseLetters.string(Array(scalars[tokens[start].start..<tokens[last - 1].end]))
    }

    /// Passed over: a milestone ("vượt mốc 1 tỷ USD"), a price range ("từ 10.000 đến 30.000 đồng/kg").
    func ignored(at start: Int, limit: Int) -> Figure? {
        // "tăng gấp 2 lần": a multiple, not a quantity.
        if tokens[start].key == "gấp", start + 1 < limit, tokens[start + 1].isNumber {
            let end = start + 2 < limit && tokens[start + 2].key == "lần" ? start + 3 : start + 2
            return Figure(kind: .ignored, range: start..<end)
        }
        // "100% đại biểu nhất trí": votes of the meeting.
        if tokens[start].isNumber, start + 2 < limit, tokens[start + 1].isPunct("%"),
            tokens[start + 2].key == "đại" || tokens[start + 2].key == "số"
        {
            return Figure(kind: .ignored, range: start..<(start + 2))
        }
        if tokens[start].key == "mốc" {
            var j = start + 1
            if let q = qualifier(at: j, limit: limit) { j += q.length }
            if quantityNumber(at: j, limit: limit) != nil, let u = unit(at: j + 1, limit: limit) {
                return Figure(kind: .ignored, range: start..<u.end)
            }
        }
        if tokens[start].isNumber, start + 2 < limit, Self.isDash(tokens[start + 1]) || tokens[start + 1].key == "đến",
            tokens[start + 2].isNumber, tokens[start + 1].spaceBefore || tokens[start + 1].key == "đến"
        {
            // "6,5 - 7%", "5.167 - 5.684 tỷ đồng": bounds, which a goal keeps; "2021 - 2025",
            // "3 - 5 năm": spans of time, nothing to keep.
            if let low = tokens[start].number, let u = unit(at: start + 3, limit: limit),
                !Lexicon.timeUnits.contains(Word(u.unit))
            {
                return Figure(
                    kind: .range(low: low, high: tokens[start + 2].number, unit: u.unit), range: start..<u.end)
            }
            return Figure(kind: .ignored, range: start..<rangeEnd(start + 1, limit))
        }
        return nil
    }
}

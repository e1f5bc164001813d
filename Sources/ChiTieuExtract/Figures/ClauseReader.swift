import ChiTieuCore

/// Reads the indicator results of one sentence: splits it into clauses, finds the figures,
/// and groups each indicator's figures under its name.
struct ClauseReader {
    let source: TextSource
    var tokens: [Token] { source.tokens }
    let scanner: FigureScanner
    /// The year under review: figures said of earlier years are comparisons, not results.
    let reviewYear: Int?

    init(source: TextSource, reviewYear: Int?) {
        self.source = source
        self.reviewYear = reviewYear
        scanner = FigureScanner(tokens: source.tokens, keys: source.keys, scalars: source.scalars)
    }

    /// The words of a clause that ends at a colon and has no figure of its own: a heading that
    /// names the figure after the colon.
    func heading(_ clause: Range<Int>, hasFigures: Bool) -> Range<Int>? {
        guard !hasFigures, clause.upperBound < tokens.count, tokens[clause.upperBound].isPunct(":"),
            clause.count <= 12, hasContent(clause)
        else { return nil }
        return clause
    }

    /// Clauses of a sentence: split at `;` and `:`.
    func clauses(of range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where tokens[i].kind == .punct && (tokens[i].key == ";" || tokens[i].key == ":") {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    func groups(in clause: Range<Int>) -> [FigureGroup] {
        let figures = scanner.figures(in: clause)
        var groups: [FigureGroup] = []
        var previousEnd = clause.lowerBound
        for figure in figures {
            defer { previousEnd = figure.range.upperBound }
            if case .ignored = figure.kind { continue }
            let gap = previousEnd..<figure.range.lowerBound
            // "(cùng kỳ tăng 10%)", "(năm 2022 đạt 50 tỷ đồng)": last year's figure, said for comparison.
            if aboutAnEarlierPeriod(previousEnd..<figure.range.lowerBound) { continue }
            // Before the first figure, "và" joins words of one name ("bán lẻ hàng hóa và dịch vụ").
            let (head, tail) = split(gap, andSeparates: !groups.isEmpty)
            if !groups.isEmpty, let head, groups[groups.count - 1].trailing == nil {
                groups[groups.count - 1].trailing = head
            }
            let startsNew = groups.isEmpty || hasContent(tail) || groups[groups.count - 1].conflicts(with: figure)
            if startsNew {
                var group = FigureGroup(start: figure.range.lowerBound, end: figure.range.upperBound)
                group.name = nameRange(gap: gap, tail: tail, clauseStart: clause.lowerBound, isFirst: groups.isEmpty)
                groups.append(group)
            }
            var group = groups.removeLast()
            if Lexicon.estimateWords.occurs(in: tokens, tail)
                || Lexicon.estimateWords.occurs(in: group.name ?? 0..<0, tokens: tokens)
            {
                group.estimated = true
            }
            if group.priceBasis == nil {
                group.priceBasis = priceBasis(in: (group.name?.lowerBound ?? gap.lowerBound)..<figure.range.upperBound)
            }
            apply(figure, to: &group)
            group.end = figure.range.upperBound
            groups.append(group)
        }
        // Words after the last figure, up to the end of the clause.
        if !groups.isEmpty, groups[groups.count - 1].trailing == nil, previousEnd < clause.upperBound {
            let (head, _) = split(previousEnd..<clause.upperBound)
            groups[groups.count - 1].trailing = head ?? previousEnd..<clause.upperBound
        }
        if !groups.isEmpty, let price = priceBasis(in: clause), groups[0].priceBasis == nil, groups.count == 1 {
            groups[0].priceBasis = price
        }
        return groups.filter(\.hasFacts)
    }

    private func aboutAnEarlierPeriod(_ gap: Range<Int>) -> Bool {
        // "gấp 1,3 lần năm 2015 (5.104 USD)": that year's figure, in brackets after it.
        if let last = gap.last, last - 2 >= gap.lowerBound, tokens[last].isPunct("("), tokens[last - 2].key == "năm",
            let reviewYear, let y = tokens[last - 1].integer, y < reviewYear, y > reviewYear - 10
        {
            return true
        }
        let (_, tail) = split(gap)
        for i in tail {
            // "dự báo cả năm còn thiếu 3,95%": a forecast or a shortfall, not a result either.
            if tokens[i].key == "thiếu"
                || (tokens[i].key == "dự" && i + 1 < tail.upperBound && tokens[i + 1].key == "báo")
            {
                return true
            }
            if tokens[i].key == "cùng", i + 1 < tail.upperBound, tokens[i + 1].key == "kỳ" { return true }
            if tokens[i].key == "năm", i + 1 < tail.upperBound {
                if ["trước", "ngoái"].contains(tokens[i + 1].key) { return true }
                if let reviewYear, let y = tokens[i + 1].integer, y < reviewYear, y > reviewYear - 10 { return true }
            }
        }
        return false
    }

    private func apply(_ figure: Figure, to group: inout FigureGroup) {
        let nameKeys = group.name.map { tokens[$0].map(\.key) } ?? []
        switch figure.kind {
        case .value(let value, let unit, let qualifier, let plan):
            // "tốc độ tăng trưởng GRDP ước đạt 9,2%": a growth rate named as such.
            if unit == "%", group.growth == nil, Self.namesGrowthRate(nameKeys) {
                group.growth = value
                group.qualifier = qualifier
                return
            }
            group.value = value
            group.unit = unit
            group.qualifier = qualifier
            group.planValue = plan
        case .percentOfPlan(let percent, let plan):
            if group.percentOfPlan != nil {
                group.otherPlans.append((percent, plan))
            } else {
                group.percentOfPlan = percent
                group.planWords = plan
            }
        case .growth(let change, let comparison, let sign, let points):
            // "tỷ lệ hộ nghèo giảm 4,07%": a fall in a rate is the result itself.
            if group.value == nil, group.percentOfPlan == nil, comparison != .samePeriod, Self.namesRate(nameKeys) {
                group.value = abs(change)
                group.unit = "%"
                group.fall = sign == "-"
                return
            }
            // "thu ngân sách 40 tỷ đồng, tăng 3 điểm phần trăm": points are the change of a rate;
            // for an amount they are no growth of it (read as +3% they would be wrong).
            if points, group.unit != "%", !Self.namesRate(nameKeys) { return }
            // "tổng vốn huy động tăng 12,5% so với đầu năm": a change since 1 January, not
            // against the same period last year; stored as growth it would be judged as one.
            if comparison == .startOfYear { return }
            group.growth = change
        case .range(let low, let high, let unit):
            // "Giá lúa dao động từ 7.000 đến 8.000 đồng/kg": a price the market moves in, no goal.
            if !Self.isPrice(unit) {
                group.rangeLow = (low, unit)
                group.rangeHigh = high.flatMap { $0 > low ? $0 : nil }
            }
        case .ignored:
            break
        }
    }

    /// So much money per kilogram, litre, tonne … of a good; money per person or household is income.
    static func isPrice(_ unit: String) -> Bool {
        guard let slash = unit.firstIndex(of: "/"), unit[..<slash].hasSuffix("đồng") else { return false }
        let per = unit[unit.index(after: slash)...].split(separator: "/").first.map(String.init) ?? ""
        return ["kg", "tấn", "tạ", "lít", "m2", "m3", "m²", "m³", "kwh", "con", "cây", "quả", "gói", "sản phẩm"]
            .contains(per)
    }

    static func namesGrowthRate(_ keys: [Word]) -> Bool {
        for i in keys.indices.dropLast()
        where (keys[i] == "tăng" && keys[i + 1] == "trưởng") || (keys[i] == "tốc" && keys[i + 1] == "độ") {
            return true
        }
        return false
    }

    static func namesRate(_ keys: [Word]) -> Bool {
        keys.contains("nghèo") || zip(keys, keys.dropFirst()).contains { $0 == "tỷ" && $1 == "lệ" }
    }

    // MARK: names

    private static let separators: WordSet = [",", ";", "(", ")", "–", "—"]

    func isSeparator(_ i: Int, andSeparates: Bool = true) -> Bool {
        let t = tokens[i]
        return (t.kind == .punct && Self.separators.contains(t.key)) || (andSeparates && t.isWord && t.key == "và")
    }

    /// Splits a gap at its last separator: what comes before belongs to the previous
    /// indicator, what comes after may name the next.
    func split(_ gap: Range<Int>, andSeparates: Bool = true) -> (head: Range<Int>?, tail: Range<Int>) {
        // "…, tỷ lệ trả kết quả đúng và trước hạn gần 95%": after a comma, "và" joins words of
        // the next name; alone between two figures it parts them ("5 hợp tác xã và 21 tổ hợp tác").
        let andSeparates = andSeparates && !gap.contains { isSeparator($0, andSeparates: false) }
        guard let last = gap.last(where: { isSeparator($0, andSeparates: andSeparates) }) else {
            // "95 hộ dân với nguồn vốn giải ngân hơn 4,8 tỷ đồng": a preposition parts them; not
            // the «so với» of a ratio's name («tỷ lệ vốn đầu tư so với GRDP đạt 34%»).
            if let preposition = gap.first(where: {
                Self.prepositions.contains(tokens[$0].key) && ($0 == gap.lowerBound || tokens[$0 - 1].key != "so")
            }),
                preposition > gap.lowerBound
            {
                return (gap.lowerBound..<preposition, (preposition + 1)..<gap.upperBound)
            }
            return (nil, gap)
        }
        let head = gap.lowerBound..<last
        return (head.isEmpty ? nil : head, (last + 1)..<gap.upperBound)
    }

    private static let prepositions: WordSet = ["với", "cùng"]

    /// Whether tokens hold a word that can name an indicator (not a verb of the figure, a
    /// connector or a qualifier).
    func hasContent(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if t.isWord {
                guard t.has(.noise) else { return true }
                if let noise = Lexicon.valueVerbs.match(tokens, at: i, limit: range.upperBound)
                    ?? Lexicon.estimateWords.match(tokens, at: i, limit: range.upperBound)
                    ?? Lexicon.qualifiers.match(tokens, at: i, limit: range.upperBound)
                    ?? Self.fillers.match(tokens, at: i, limit: range.upperBound)
                {
                    i += noise.length
                    continue
                }
                return true
            }
            i += 1
        }
        return false
    }

    /// Words between figures that do not name anything.
    static let fillers = PhraseSet([
        "và", "với", "so với", "so", "cùng kỳ", "năm trước", "năm ngoái", "bằng", "vượt", "tăng", "giảm", "đã",
        "trong đó", "riêng", "năm", "tỉnh giao", "huyện giao", "giao", "đề ra", "nghị quyết", "kế hoạch", "dự toán",
        "chỉ tiêu", "cả năm", "đến nay", "nâng", "lên", "tổng số", "như", "trở lên", "kịch bản",
    ])

    /// The tokens naming a new group: the last segment of the gap with a content word,
    /// extended back over short comma-separated fragments ("Giá trị sản lượng công nghiệp,
    /// tiểu thủ công nghiệp").
    private func nameRange(gap: Range<Int>, tail: Range<Int>, clauseStart: Int, isFirst: Bool) -> Range<Int>? {
        var name: Range<Int>
        if hasContent(tail) {
            name = tail
        } else if isFirst, let segment = lastContentSegment(in: gap) {
            name = segment
        } else {
            return nil
        }
        // "Trọng tâm là, GRDP tăng hơn 10%": a fragment ending in "là" introduces the name, never ends one.
        while isFirst, name.lowerBound - 1 > clauseStart, tokens[name.lowerBound - 1].isPunct(","),
            tokens[name.lowerBound - 2].key != "là"
        {
            let (_, previous) = split(gap.lowerBound..<(name.lowerBound - 1))
            // A longer second part joins only a fragment that opens a rate ("Tỷ lệ điều tra, khám
            // phá các vụ án hình sự"): elsewhere it is more likely a new name.
            // "Khu vực nông, lâm nghiệp và thủy sản": a sector stem before the comma waits for its "nghiệp".
            let stem = previous.last.map { Self.sectorStems.contains(tokens[$0].key) } ?? false
            let limit = stem ? 12 : opensRate(previous) ? 8 : 4
            guard wordCount(NameCleaner(tokens: tokens, keys: source.keys).dropTrailingNoise(name)) <= limit,
                !previous.isEmpty, wordCount(previous) <= 6, !previous.contains(where: { tokens[$0].isNumber }),
                hasContent(previous)
            else { break }
            let trimmed = NameCleaner(tokens: tokens, keys: source.keys).dropLeadingNoise(previous)
            if trimmed.isEmpty { break }
            name = trimmed.lowerBound..<name.upperBound
            if trimmed.lowerBound != previous.lowerBound { break }
        }
        return name
    }

    private static let sectorStems: WordSet = ["nông", "lâm", "ngư", "công", "thương", "diêm"]

    private func opensRate(_ range: Range<Int>) -> Bool {
        let words = NameCleaner(tokens: tokens, keys: source.keys).dropLeadingNoise(range).filter { tokens[$0].isWord }
        return words.count > 2 && tokens[words[0]].key == "tỷ" && tokens[words[1]].key == "lệ"
    }

    private func lastContentSegment(in gap: Range<Int>) -> Range<Int>? {
        var end = gap.upperBound
        while end > gap.lowerBound {
            let separator = (gap.lowerBound..<end).last(where: { isSeparator($0) })
            let segment = (separator.map { $0 + 1 } ?? gap.lowerBound)..<end
            let parenthesised = separator.map { tokens[$0].isPunct("(") } ?? false
            if hasContent(segment), !parenthesised { return segment }
            guard let separator else { return nil }
            end = separator
        }
        return nil
    }

    private func wordCount(_ range: Range<Int>) -> Int { range.filter { tokens[$0].isWord }.count }

    /// `giá so sánh (năm) 2010` → `so sánh 2010`; `giá hiện hành` → `hiện hành`.
    func priceBasis(in range: Range<Int>) -> String? {
        for i in range where tokens[i].key == "giá" && i + 1 < range.upperBound {
            if tokens[i + 1].key == "hiện", i + 2 < range.upperBound, tokens[i + 2].key == "hành" { return "hiện hành" }
            if tokens[i + 1].key == "so", i + 2 < range.upperBound, tokens[i + 2].key == "sánh" {
                var j = i + 3
                if j < range.upperBound, tokens[j].key == "năm" { j += 1 }
                if j < range.upperBound, tokens[j].isNumber { return "so sánh \(source.keys[j])" }
                return "so sánh"
            }
        }
        return nil
    }
}

extension PhraseSet {
    func occurs(in range: Range<Int>, tokens: [Token]) -> Bool { occurs(in: tokens, range) }
}

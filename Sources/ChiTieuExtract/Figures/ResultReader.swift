import ChiTieuCore

/// Reads every sentence's figures into observations (results of the period) and targets
/// (goals set for a later period), skipping captions, page furniture, prizes and tallies.
struct ResultReader {
    let source: TextSource
    let reviewYear: Int?
    let skipUntil: Int
    private(set) var observations: [ExtractionResult.ReadObservation] = []
    private(set) var targets: [ExtractionResult.ReadTarget] = []
    private var tokens: [Token] { source.tokens }

    init(source: TextSource, reviewYear: Int?, skipUntil: Int) {
        self.source = source
        self.reviewYear = reviewYear
        self.skipUntil = skipUntil
    }

    mutating func read() {
        let clauses = ClauseReader(source: source, reviewYear: reviewYear)
        let tally = TallyReader(source: source)
        var goals = GoalContext(tokens: tokens, sentences: source.sentences, reviewYear: reviewYear)
        for sentence in source.sentences {
            let range = max(sentence.range.lowerBound, skipUntil)..<sentence.range.upperBound
            guard !range.isEmpty else { continue }
            goals.enter(sentence)
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                growthTopic = false
            }
            if isFurniture(range)
                || range.contains(where: { tokens[$0].has(.award) }) && Lexicon.awardWords.occurs(in: tokens, range)
            {
                continue
            }
            let opener = goals.opener(in: range)
            let span = ExtractionResult.Span(
                start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
            let breakdown = self.breakdown(in: range)
            var heading: Range<Int>?
            var previousName: Range<Int>?
            let readable = clauses.clauses(of: range).flatMap { clause in
                tally.isTallyClause(clause)
                    ? [tally.listed(before: clause), tally.listed(after: clause)].compactMap { $0 } : [clause]
            }
            for clause in readable {
                var groups = clauses.groups(in: clause)
                // "- Thu ngân sách: 45 tỷ đồng": the name stands before the colon.
                if let heading, !groups.isEmpty, groups[0].name == nil { groups[0].name = heading }
                heading = clauses.heading(clause, hasFigures: !groups.isEmpty)
                for index in groups.indices {
                    // "…; lũy kế 10 tháng đạt 58,4 tỷ đồng": the running total of the indicator just named.
                    if let name = groups[index].name, isGeneric(name), let previousName {
                        groups[index].name = previousName
                    }
                    previousName = groups[index].name ?? previousName
                }
                for var group in groups where !isBackground(group) {
                    if let year = goals.targetYear(at: group.start, opener: opener) {
                        addTarget(group, year: year, span: span)
                        continue
                    }
                    if group.isBarePercent,
                        namesItsRise(group) || growthTopic && breakdown.map { $0 < group.start } ?? false
                    {
                        group.growth = group.value
                        group.value = nil
                    } else if group.name != nil {
                        growthTopic =
                            namesGrowth(group) && (group.isBarePercent || group.value == nil && group.growth != nil)
                    }
                    addObservation(group, span: span, inHeadline: isHeadline(sentence))
                }
            }
            goals.leave(sentence, opener: opener)
        }
        foldHeadline()
    }

    /// A name that only says how a figure is counted: "lũy kế", "cộng dồn", "tính chung".
    private func isGeneric(_ name: Range<Int>) -> Bool {
        let words = NameCleaner(tokens: tokens, keys: source.keys).clean(name).filter { tokens[$0].isWord }
        return !words.isEmpty && words.allSatisfy { Self.genericWords.contains(tokens[$0].key) }
    }

    private static let genericWords: WordSet = [
        "lũy", "luỹ", "kế", "cộng", "dồn", "tính", "chung", "riêng", "tổng", "cộng",
    ]

    /// The unit's profile ("diện tích tự nhiên 16.500 ha, dân số hơn 18.000 người"), not a
    /// result of the period.
    private func isBackground(_ group: FigureGroup) -> Bool {
        // "Dự đại hội có 200 đại biểu đại diện cho 1.450 đảng viên": who came, and the size of
        // the party they stand for, not results.
        if group.unit == "đại biểu", group.percentOfPlan == nil, group.growth == nil { return true }
        if group.start >= 2, tokens[group.start - 1].key == "cho", tokens[group.start - 2].key == "diện" { return true }
        guard let name = group.name else { return false }
        let keys = tokens[name].filter(\.isWord).map(\.key)
        // "diện tích tự nhiên", but not "tỷ lệ tăng dân số tự nhiên", a result.
        return zip(keys, zip(keys.dropFirst(), keys.dropFirst(2))).contains {
            $0 == "tích" && $1.0 == "tự" && $1.1 == "nhiên"
        }
            || (keys.first == "dân" && keys.dropFirst().first == "số" && keys.count <= 3 && group.percentOfPlan == nil
                && group.growth == nil)
    }

    /// A headline: the first line of the text, with no full stop.
    private func isHeadline(_ sentence: Sentence) -> Bool {
        guard sentence.paragraph == source.sentences.first?.paragraph, let last = sentence.range.last else {
            return false
        }
        return !(tokens[last].kind == .punct && [".", "!", "?", "…"].contains(tokens[last].key))
    }

    /// A headline repeats a figure of the body, often rounded: its figures join the body's
    /// observation that shares one of them.
    private mutating func foldHeadline() {
        for index in headlineObservations.sorted(by: >) {
            let headline = observations[index]
            guard
                let body = observations.indices.first(where: { i in
                    i != index && !headlineObservations.contains(i) && Self.sharesAFact(observations[i], headline)
                })
            else { continue }
            observations[body] = Self.merged(observations[body], headline)
            observations.remove(at: index)
        }
    }

    private var headlineObservations: Set<Int> = []
    /// The paragraph being read, and whether its last result was a growth rate named as one.
    private var paragraph = -1
    private var growthTopic = false

    private static func sharesAFact(_ a: ExtractionResult.ReadObservation, _ b: ExtractionResult.ReadObservation)
        -> Bool
    {
        let pairs: [(Double?, Double?)] = [
            (a.value, b.value), (a.percentOfPlan, b.percentOfPlan), (a.growthPercent, b.growthPercent),
        ]
        return pairs.contains { x, y in
            guard let x, let y else { return false }
            return abs(x - y) < max(1, abs(x) * 0.01)
        }
    }

    // MARK: furniture

    /// Captions ("Quang cảnh hội nghị. Ảnh: …"), "Tin liên quan …", "Xem thêm", players' "0:00".
    private func isFurniture(_ range: Range<Int>) -> Bool {
        let first = tokens[range.lowerBound].key
        let second = range.count > 1 ? tokens[range.lowerBound + 1].key : ""
        if ["ảnh", "tags", "video"].contains(first) { return true }
        if (first == "quang" && second == "cảnh") || (first == "toàn" && second == "cảnh") { return true }
        if (first == "tin" && second == "liên") || (first == "xem" && second == "thêm")
            || (first == "cập" && second == "nhật")
        {
            return true
        }
        return range.contains { tokens[$0].key == "ảnh" && $0 + 1 < range.upperBound && tokens[$0 + 1].isPunct(":") }
    }

    // MARK: building results

    /// «Tăng trưởng GRDP ước đạt 6,9%. Trong đó: khu vực dịch vụ ước đạt 7,22%; …»: after a
    /// growth rate, the percentages of its breakdown are growth rates too.
    private func breakdown(in sentence: Range<Int>) -> Int? {
        sentence.dropLast().first { tokens[$0].key == "trong" && tokens[$0 + 1].key == "đó" }
    }

    /// «GRDP tăng bình quân đạt 8,3%/năm»: a name ending in its rise; the bare percentage is the rise.
    private func namesItsRise(_ group: FigureGroup) -> Bool {
        guard let name = group.name else { return false }
        let words = NameCleaner(tokens: tokens, keys: source.keys).dropTrailingNoise(name)
            .filter { tokens[$0].isWord }.map { tokens[$0].key }
        guard let rise = words.lastIndex(of: "tăng"), rise > 0 else { return false }
        let rest = Array(words[(rise + 1)...])
        return rest.isEmpty || rest == ["bình", "quân"]
    }

    private func namesGrowth(_ group: FigureGroup) -> Bool {
        group.name.map { ClauseReader.namesGrowthRate(tokens[$0].map(\.key)) } ?? false
    }

    private mutating func addObservation(_ group: FigureGroup, span: ExtractionResult.Span, inHeadline: Bool) {
        // "giá cà phê dao động từ 95.000 đến 110.000 đồng/kg": bounds are no result.
        guard group.value != nil || group.percentOfPlan != nil || group.growth != nil else { return }
        let (name, words) = name(of: group)
        // ", bằng 72,5%." after a result, or a text cut before its name: a figure of nothing
        // named cannot be stored or judged, and counted it would only lower precision.
        guard !name.isEmpty else { return }
        let group = Self.shareOfPlanIfAmount(group, words: words)
        var observation = ExtractionResult.ReadObservation(
            indicator: name, value: group.value, unit: group.value == nil ? nil : group.unit,
            qualifier: group.qualifier, estimated: group.estimated, percentOfPlan: group.percentOfPlan,
            planValue: group.planValue, growthPercent: group.growth, priceBasis: group.priceBasis, span: span)
        observation.nameWords = words
        observation.planWords = group.planWords
        observation.otherPlans = group.otherPlans.map { .init(percent: $0.percent, planWords: $0.plan) }
        if let index = repeats.candidates(for: observation).first(where: {
            Self.sameResult(observations[$0], observation)
        }) {
            observations[index] = Self.merged(observations[index], observation)
            repeats.index(observations[index], at: index)
            // Said again in the body: no longer a headline's figure alone.
            if !inHeadline { headlineObservations.remove(index) }
        } else {
            if inHeadline { headlineObservations.insert(observations.count) }
            repeats.index(observation, at: observations.count)
            observations.append(observation)
        }
    }

    /// "thu ngân sách đạt hơn 81%", "giải ngân vốn đầu tư công đạt 72,9%", "…; vốn huyện đạt
    /// 64%": revenue, disbursement and capital are amounts of money, so a bare percentage of them is the share of the
    /// year's estimate or plan (dự toán, kế hoạch vốn), never the figure itself.
    static func shareOfPlanIfAmount(_ group: FigureGroup, words: [Word]) -> FigureGroup {
        guard group.unit == "%", let value = group.value, group.percentOfPlan == nil, group.growth == nil else {
            return group
        }
        let amount =
            words.first == "thu" || (words.first == "tổng" && words.dropFirst().first == "thu")
            || (words.first == "giải" && words.dropFirst().first == "ngân") || words.first == "vốn"
        guard amount else { return group }
        var share = group
        share.percentOfPlan = value
        share.value = nil
        return share
    }

    private var repeats = RepeatIndex()
    /// The names of the goals kept, by figure, unit and year.
    private var targetKeys: [String: [[Word]]] = [:]

    private mutating func addTarget(_ group: FigureGroup, year: Int, span: ExtractionResult.Span) {
        var value = group.value
        var unit = group.unit
        // "giao quân đạt 100% chỉ tiêu" among goals: the goal is 100%.
        if value == nil, let percent = group.percentOfPlan {
            value = percent
            unit = "%"
        }
        // "phấn đấu tốc độ tăng trưởng kinh tế đạt 8%", "GRDP tăng hơn 10%", "doanh nghiệp thành
        // lập mới tăng 10%": among goals, a growth rate is the goal itself.
        var isGrowth = false
        if value == nil, let rate = group.growth, group.name != nil {
            value = rate
            unit = "%"
            isGrowth = !namesGrowth(group)
        }
        var qualifier = group.qualifier
        var high: Double?
        if value == nil, let range = group.rangeLow {
            value = range.value
            unit = range.unit
            qualifier = .above
            high = group.rangeHigh
            // "thu ngân sách hằng năm tăng 10 - 12%": a rise given as a range.
            isGrowth =
                range.unit == "%" && group.start > 0 && tokens[group.start - 1].key == "tăng" && !namesGrowth(group)
        }
        guard let value else { return }
        let (name, words) = name(of: group)
        var target = ExtractionResult.ReadTarget(
            indicator: name, value: value, unit: unit, qualifier: qualifier, year: year, span: span)
        target.nameWords = words
        target.isGrowth = isGrowth
        target.rangeHigh = high
        // a goal said twice (headline and body) once; «GRDP tăng hơn 10%; … doanh nghiệp thành
        // lập mới tăng 10%» are two goals of the same figure
        let key = "\(target.value)|\(target.unit ?? "")|\(target.year)"
        guard !(targetKeys[key] ?? []).contains(where: { Self.namedAlike($0, words) }) else { return }
        targetKeys[key, default: []].append(words)
        targets.append(target)
    }

    /// The name as written, cleaned; for counted things, with what is counted:
    /// "kết nạp" + "đảng viên" + "mới".
    /// Also the name's word keys, taken from the tokens, for matching it to the catalogue
    /// without normalising the text again.
    private func name(of group: FigureGroup) -> (text: String, words: [Word]) {
        let cleaner = NameCleaner(tokens: tokens, keys: source.keys)
        var parts: [String] = []
        var words: [Word] = []
        func add(_ indices: [Int]) {
            parts.append(render(indices))
            words += indices.filter { tokens[$0].isWord }.map { tokens[$0].key }
        }
        if let name = group.name { add(cleaner.clean(name)) }
        if group.fall, words.last != "giảm" {
            parts.append("giảm")
            words.append("giảm")
        }
        let unitWords = group.unit.map { $0.split(separator: " ").map { Word(String($0)) } } ?? []
        // What is counted names the result when it says something ("kết nạp" + "đảng viên");
        // measures and generic counters ("con", "người") do not, nor a unit the name has.
        if let unit = group.unit, Lexicon.namingCounts.contains(unit), !unitWords.allSatisfy(words.contains) {
            // "64 THT": named by what the letters stand for, «tổ hợp tác», not «Tht».
            let counted = Lexicon.abbreviatedCounts[unit] ?? unit
            parts.append(counted)
            words += counted.split(separator: " ").map { Word(String($0)) }
            if let trailing = group.trailing { add(trailingWords(trailing)) }
        } else if parts.allSatisfy(\.isEmpty), let trailing = group.trailing {
            add(trailingWords(trailing))
        }
        let text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        guard let first = text.first else { return ("", words) }
        return (first.uppercased() + text.dropFirst(), words)
    }

    /// Words after a count up to the next number, comma or preposition.
    private func trailingWords(_ range: Range<Int>) -> [Int] {
        var kept: [Int] = []
        for i in range {
            let t = tokens[i]
            // "95% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ": the qualifier sits inside.
            if t.key == "trở" || (t.key == "lên" && i > range.lowerBound && tokens[i - 1].key == "trở") { continue }
            if t.isNumber || (t.kind == .punct && !["-", "–"].contains(t.key)) { break }
            if kept.count > 0, ["từ", "với", "tại", "theo", "để", "nhằm", "do", "của"].contains(t.key) { break }
            if kept.count >= 10 { break }
            kept.append(i)
        }
        return kept
    }

    private func render(_ indices: [Int]) -> String {
        var out: [Unicode.Scalar] = []
        for (n, i) in indices.enumerated() {
            if n > 0, tokens[i].spaceBefore { out.append(" ") }
            out.append(contentsOf: source.scalars[tokens[i].start..<tokens[i].end])
        }
        return VietnameseLetters.string(out)
    }

    // MARK: merging repeats

    /// The same result said twice (a headline and the body, or a summary sentence): same
    /// figure and unit, or the same name with figures that agree.
    static func sameResult(_ a: ExtractionResult.ReadObservation, _ b: ExtractionResult.ReadObservation) -> Bool {
        // The same figure and unit, named with a word in common ("kim ngạch xuất khẩu", "giá trị
        // xuất khẩu hàng hóa"): one result said twice.
        if let va = a.value, let vb = b.value {
            // Two rates of 100% judged against different plans are two results.
            return va == vb && a.unit == b.unit && agree(a.percentOfPlan, b.percentOfPlan)
                && agree(a.growthPercent, b.growthPercent)
                && namedAlike(a.nameWords, b.nameWords)
        }
        // Figures first: comparing names costs more, and most pairs differ in a figure. A
        // repeat shares at least one figure.
        guard agree(a.percentOfPlan, b.percentOfPlan), agree(a.growthPercent, b.growthPercent),
            (a.percentOfPlan != nil && b.percentOfPlan != nil) || (a.growthPercent != nil && b.growthPercent != nil)
        else { return false }
        return sharesName(a.nameWords, b.nameWords)
    }

    /// Names with a word in common beyond the words that open many names, or one unnamed.
    static func namedAlike(_ a: [Word], _ b: [Word]) -> Bool {
        a.isEmpty || b.isEmpty || !Set(a).subtracting(Self.commonNameWords).isDisjoint(with: b)
    }

    private static func sharesName(_ a: [Word], _ b: [Word]) -> Bool {
        let wa = Set(a)
        let wb = Set(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        return Double(wa.intersection(wb).count) / Double(min(wa.count, wb.count)) >= 0.75
    }

    /// Words that open many names: sharing one says nothing about being the same result.
    private static let commonNameWords: WordSet = [
        "tỷ", "lệ", "số", "tổng", "giá", "trị", "tốc", "độ", "mức", "chỉ", "tiêu",
    ]

    /// Two statements of a figure agree when one is the other rounded: 8 and 8,3, 70,8 and
    /// 70,76; not 8,3 and 7,59.
    private static func agree(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return true }
        let scale = placeScales[min(decimals(a), decimals(b))]
        return (a * scale).rounded() == (b * scale).rounded()
    }

    /// Decimal places as written (up to four): 8 → 0, 70,76 → 2.
    private static func decimals(_ x: Double) -> Int {
        placeScales.indices.first { abs(x * placeScales[$0] - (x * placeScales[$0]).rounded()) < 1e-6 } ?? 4
    }

    private static let placeScales: [Double] = [1, 10, 100, 1_000, 10_000]

    static func merged(_ a: ExtractionResult.ReadObservation, _ b: ExtractionResult.ReadObservation)
        -> ExtractionResult.ReadObservation
    {
        var m = a
        m.value = a.value ?? b.value
        m.unit = a.unit ?? b.unit
        m.qualifier = a.qualifier ?? b.qualifier
        m.estimated = a.estimated || b.estimated
        m.percentOfPlan = precise(a.percentOfPlan, b.percentOfPlan)
        m.planWords = a.planWords ?? b.planWords
        m.planValue = a.planValue ?? b.planValue
        m.growthPercent = precise(a.growthPercent, b.growthPercent)
        m.priceBasis = a.priceBasis ?? b.priceBasis
        if a.indicator.count < b.indicator.count, a.value == nil {
            m.indicator = b.indicator
            m.nameWords = b.nameWords
        }
        return m
    }

    /// Of two statements of one figure, the one with more decimals.
    private static func precise(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return a ?? b }
        let decimals: (Double) -> Int = { v in
            var n = 0
            var x = v
            while n < 6, abs(x - x.rounded()) > 1e-9 {
                x *= 10
                n += 1
            }
            return n
        }
        return decimals(b) > decimals(a) ? b : a
    }
}

import ChiTieuCore

/// Reads a Vietnamese review report or news article into structured results.
///
/// Rule-based and linear in the text: tokens are scanned a bounded number of times, and each
/// pattern looks at a bounded window, so any input gives a result in time proportional to
/// its length.
public struct Extractor: Sendable {
    public let matcher: IndicatorMatcher?
    public let years: YearPlausibility
    private let vocabulary = Vocabulary()

    public init(catalogue: Catalogue? = nil, currentYear: Int) {
        matcher = catalogue.map(IndicatorMatcher.init)
        years = YearPlausibility(currentYear: currentYear)
    }

    public func extract(_ text: String) -> ExtractionResult {
        let source = TextSource(text, vocabulary: vocabulary)
        var result = ExtractionResult()
        let dateline = Dateline(source: source)
        result.period = PeriodFinder(source: source, documentYear: dateline.year).find()
        result.unit = UnitFinder(source: source).find()
        result.conference = ConferenceFinder(source: source).find()
        // A congress reviews the term that ends as its own begins: «Đại hội … nhiệm kỳ
        // 2025–2030» reports on 2020–2025, read as the whole of 2025, whatever later years
        // («đến năm 2030», «tầm nhìn 2045») its goals name.
        if let congress = result.conference, congress.isCongress, let from = congress.termFrom,
            let whole = try? Period.yearToDate(from, through: 12)
        {
            result.period = whole
        }
        result.tally = TallyReader(source: source).find()
        let places = [result.unit?.name, result.unit?.province].compactMap { $0 }.map(PhraseSet.keys)
        result.people = PeopleFinder(source: source, places: places).find()
        result.tasks = ConclusionReader(source: source, year: result.period?.year ?? dateline.year).find()
        var reader = ResultReader(source: source, reviewYear: result.period?.year, skipUntil: dateline.end)
        reader.read()
        result.observations = reader.observations.map { observation in
            var o = observation
            o.indicatorCode = code(o.nameWords, o.unit)
            return o
        }
        result.targets = reader.targets.map { target in
            var t = target
            // A rise is of the indicator itself, whatever its unit: «thu ngân sách tăng 12%».
            t.indicatorCode = code(t.nameWords, t.isGrowth ? nil : t.unit)
            return t
        }
        result.findings = implausibleYears(source, about: result.period?.year ?? dateline.year)
        return result
    }

    /// A fall in a rate maps to the catalogue's reduction indicator when it has one, else to the rate.
    private func code(_ words: [Word], _ unit: String?) -> String? {
        guard let matcher else { return nil }
        if let code = matcher.code(words: words, unit: unit) { return code }
        guard words.last == "giảm" else { return nil }
        return matcher.code(words: Array(words.dropLast()), unit: unit)
    }

    /// "năm 2924" in a report about 2024.
    private func implausibleYears(_ source: TextSource, about year: Int?) -> [ExtractionResult.TextFinding] {
        guard let year else { return [] }
        var findings: [ExtractionResult.TextFinding] = []
        let tokens = source.tokens
        for sentence in source.sentences {
            for i in sentence.range where tokens[i].isNumber && i > 0 && tokens[i - 1].key == "năm" {
                guard let y = tokens[i].integer, (1000...9999).contains(y), !years.isPlausible(y, inDocumentAbout: year)
                else {
                    continue
                }
                let span = ExtractionResult.Span(
                    start: tokens[sentence.range.lowerBound].start, end: tokens[sentence.range.upperBound - 1].end)
                findings.append(
                    .init(
                        kind: .implausibleYear,
                        message:
                            "Văn bản ghi «năm \(y)» trong báo cáo về năm \(year): năm không hợp lý, có thể gõ nhầm.",
                        span: span))
            }
        }
        return findings
    }
}

/// The date some texts open with (" date 2023-06 …") or carry near the top ("05/01/2019").
struct Dateline {
    var year: Int?
    var month: Int?
    /// First token after the dateline marker.
    var end = 0

    init(source: TextSource) {
        let tokens = source.tokens
        if tokens.count >= 4, tokens[0].key == "date", let y = tokens[1].integer, tokens[2].isPunct("-"),
            let m = tokens[3].integer
        {
            year = y
            month = m
            end = 4
            return
        }
        // A full date in the first sentences: d/m/yyyy.
        for sentence in source.sentences.prefix(3) {
            for i in sentence.range where i + 4 < sentence.range.upperBound && tokens[i].isNumber {
                if tokens[i + 1].isPunct("/"), tokens[i + 3].isPunct("/"), let y = tokens[i + 4].integer,
                    (1945...2100).contains(y),
                    let m = tokens[i + 2].integer, (1...12).contains(m)
                {
                    year = y
                    month = m
                    return
                }
            }
        }
    }
}

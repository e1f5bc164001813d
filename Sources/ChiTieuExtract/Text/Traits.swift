/// What a word can start, looked up once per distinct word of a text: each finder scans
/// every token, and a bit test lets it pass over the words that cannot begin its pattern.
struct Traits: OptionSet, Sendable {
    let rawValue: UInt32

    /// A figure: verbs of plan and change, qualifiers.
    static let figure = Traits(rawValue: 1 << 0)
    /// A unit: kind words and the bodies of a unit ("huyện", "Huyện ủy", "HĐND").
    static let unit = Traits(rawValue: 1 << 1)
    /// A period: "tháng", "quý", "năm".
    static let period = Traits(rawValue: 1 << 2)
    /// A meeting: "kỳ", "lần", "hội".
    static let meeting = Traits(rawValue: 1 << 3)
    /// A count of targets: "chỉ", "tiêu".
    static let tally = Traits(rawValue: 1 << 4)
    /// Goals of a later period.
    static let goal = Traits(rawValue: 1 << 5)
    /// Prizes handed out.
    static let award = Traits(rawValue: 1 << 6)
    /// A family name.
    static let surname = Traits(rawValue: 1 << 7)
    /// A word that never names an indicator on its own: a verb of the figure, a connector.
    static let noise = Traits(rawValue: 1 << 8)
    /// A word saying a period is reviewed or lies ahead.
    static let cue = Traits(rawValue: 1 << 9)

    /// Traits of every word that has any, from the lexicon's lists.
    static let table: WordMap<Traits> = {
        var table = WordMap<Traits>()
        func mark(_ words: some Sequence<Word>, _ trait: Traits) {
            for word in words { table[word, default: []].insert(trait) }
        }
        mark(FigureScanner.starters, .figure)
        mark(UnitFinder.starters, .unit)
        mark(["tháng", "quý", "quí", "năm"].map(Self.key), .period)
        mark(["kỳ", "lần", "hội"].map(Self.key), .meeting)
        mark(["chỉ", "tiêu"].map(Self.key), .tally)
        mark(Lexicon.targetOpeners.firstWords, .goal)
        mark(Lexicon.awardWords.firstWords, .award)
        mark(PeopleFinder.surnames, .surname)
        mark(PeriodFinder.reviewCues.firstWords + PeriodFinder.planCues.firstWords, .cue)
        for set in [Lexicon.valueVerbs, Lexicon.estimateWords, Lexicon.qualifiers, ClauseReader.fillers] {
            mark(set.firstWords, .noise)
        }
        return table
    }()

    private static func key(_ text: String) -> Word { Word(WordKey.make(text)) }
}

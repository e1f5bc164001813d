import ChiTieuCore

/// What was read from one document, in the shape of `shared/extraction/SCHEMA.md`, with
/// spans, catalogue codes and findings added.
public struct ExtractionResult: Sendable, Equatable {
    public struct UnitMention: Sendable, Equatable {
        public var kind: UnitKind
        public var name: String
        public var province: String?
    }

    public struct ConferenceMention: Sendable, Equatable {
        public var number: Int
        public var term: Int?
        public var extended: Bool
        /// `hội nghị` (Party committee) or `kỳ họp` (People's Council session).
        public var isCouncilSession: Bool
        /// `đại hội`: the Party congress the document reports («Đại hội đại biểu Đảng bộ xã …
        /// lần thứ I, nhiệm kỳ 2025–2030»), with the first year of its term.
        public var isCongress = false
        public var termFrom: Int?
    }

    public struct Span: Sendable, Equatable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public struct ReadObservation: Sendable, Equatable {
        public var indicator: String
        public var value: Double?
        public var unit: String?
        public var qualifier: Qualifier?
        public var estimated: Bool
        public var percentOfPlan: Double?
        public var planValue: Double?
        public var growthPercent: Double?
        public var priceBasis: String?
        /// The sentence the figures came from.
        public var span: Span
        /// The catalogue indicator the name maps to, when one fits.
        public var indicatorCode: String?
        /// What the percentage of plan is of: "kế hoạch", "dự toán tỉnh giao".
        public var planWords: String?
        /// Percentages of other plans the result was judged against, with their plan words.
        public var otherPlans: [OtherPlan] = []
        /// The name's word keys, as read from the tokens.
        var nameWords: [Word] = []

        public init(
            indicator: String, value: Double?, unit: String?, qualifier: Qualifier? = nil, estimated: Bool = false,
            percentOfPlan: Double? = nil, planValue: Double? = nil, growthPercent: Double? = nil,
            priceBasis: String? = nil, span: Span, indicatorCode: String? = nil
        ) {
            (self.indicator, self.value, self.unit, self.qualifier, self.estimated) = (
                indicator, value, unit, qualifier, estimated
            )
            (self.percentOfPlan, self.planValue, self.growthPercent, self.priceBasis) = (
                percentOfPlan, planValue, growthPercent, priceBasis
            )
            (self.span, self.indicatorCode) = (span, indicatorCode)
        }
    }

    public struct OtherPlan: Sendable, Equatable {
        public var percent: Double
        public var planWords: String?
    }

    public struct ReadTarget: Sendable, Equatable {
        public var indicator: String
        public var value: Double
        public var unit: String?
        public var qualifier: Qualifier?
        public var year: Int
        public var span: Span
        public var indicatorCode: String?
        /// The goal is a rise of the named indicator, not its level: «thu ngân sách tăng 10%»
        /// (beyond the schema, which has no field for it).
        public var isGrowth = false
        /// The upper bound of a range goal («10 - 12%»: 12), whose lower bound is `value` with «>».
        public var rangeHigh: Double?
        var nameWords: [Word] = []

        public init(
            indicator: String, value: Double, unit: String?, qualifier: Qualifier?, year: Int, span: Span,
            indicatorCode: String? = nil
        ) {
            (self.indicator, self.value, self.unit, self.qualifier, self.year) = (
                indicator, value, unit, qualifier, year
            )
            (self.span, self.indicatorCode) = (span, indicatorCode)
        }
    }

    public struct ReadTally: Sendable, Equatable {
        public var total: Int?
        public var exceeded: Int?
        public var met: Int?
        public var metOrExceeded: Int?
        public var missed: Int?
        public var unevaluated: Int?
        /// Mid-year counts, beyond the schema: on track, at risk, off track.
        public var onTrack: Int?
        public var atRisk: Int?
        public var offTrack: Int?
        public var span: Span
    }

    public struct Person: Sendable, Equatable {
        public var name: String
        public var positions: [String]
    }

    /// A task a conference's conclusions set («đề nghị: Ủy ban nhân dân thị xã chỉ đạo công tác
    /// thu ngân sách»), for the user to confirm.
    public struct TaskDraft: Sendable, Equatable {
        public var text: String
        /// Who is to do it, when the clause names it first: «Ủy ban nhân dân thị xã».
        public var addressee: String?
        /// The deadline as written («trong quý IV»), and its last day.
        public var deadline: String?
        public var deadlineDay: CalendarDay?
        public var span: Span
    }

    /// Something in the text that cannot be right, like "năm 2924" in a report on 2024.
    public struct TextFinding: Sendable, Equatable {
        public var kind: Finding.Kind
        public var message: String
        public var span: Span
    }

    public var unit: UnitMention?
    public var period: Period?
    public var conference: ConferenceMention?
    public var observations: [ReadObservation] = []
    public var tally: ReadTally?
    public var targets: [ReadTarget] = []
    public var people: [Person] = []
    public var tasks: [TaskDraft] = []
    public var findings: [TextFinding] = []
    public init() {}

    public static func == (lhs: ExtractionResult, rhs: ExtractionResult) -> Bool {
        lhs.unit == rhs.unit && lhs.period == rhs.period && lhs.conference == rhs.conference
            && lhs.observations == rhs.observations && lhs.tally == rhs.tally && lhs.targets == rhs.targets
            && lhs.people == rhs.people && lhs.findings == rhs.findings
    }
}

import ChiTieuCore
import Foundation

/// The overview of a unit for a period as JSON (`chitieu status --json`, `GET /api/v1/units/{id}/overview`):
/// `{"unit", "period", "tally", "assessments"}` and, for resolution targets, `"term_tally"`.
public struct OverviewJSON: Encodable, Sendable {
    public struct UnitJSON: Encodable, Sendable {
        public let id: UnitID
        public let kind: String
        public let name: String
        public let title: String
    }

    public struct PeriodJSON: Encodable, Sendable {
        public let year: Int
        public let from_month: Int
        public let to_month: Int
        public let label: String
    }

    public struct AssessmentJSON: Encodable, Sendable {
        public let indicator: String
        public let name: String
        public let measure_unit: String
        public let scope: String
        public let first_year: Int
        public let last_year: Int
        public let measure: String
        public let issuer: String
        public let comparator: String
        public let value: Double?
        public let estimated: Bool
        public let target: Double
        public let target_upper: Double?
        public let achieved: Double?
        public let percent_of_plan: Double?
        public let growth_percent: Double?
        public let growth_source: String?
        /// «cùng kỳ 2024 tính từ 3 đơn vị cũ: …» or «không so sánh được với cùng kỳ 2024: …».
        public let growth_note: String?
        public let expected_share: Double?
        public let forecast: Double?
        public let shortfall_percent: Double?
        public let status: String
        public let status_label: String
        public let note: String?
        /// The target's number in its set and the group it opens; nil outside a set.
        public let number: String?
        public let group: String?
        /// `entered` (typed, imported or read), `derived` (from the units below) or
        /// `reconstructed`, null without a figure; for the last two, how many units gave a figure and how many lack one.
        public let origin: String?
        public let from_units: Int?
        public let missing_units: Int?
        public let derivation: String?

        public init(_ a: Assessment, item: TargetSet.Item? = nil) {
            number = item?.number
            group = item?.heading
            indicator = a.target.indicatorCode
            name = a.indicator.name
            measure_unit = a.indicator.measureUnit
            scope = a.target.isAnnual ? "year" : "term"
            first_year = a.target.scope.firstYear
            last_year = a.target.scope.lastYear
            measure = a.target.measure.rawValue
            issuer = a.target.issuer
            comparator = a.target.bound.comparatorCode
            value = a.value
            estimated = a.estimated
            target = a.targetValue
            if case .between(_, let high) = a.target.bound { target_upper = high } else { target_upper = nil }
            achieved = a.achieved.map { $0.rounded(places: 4) }
            percent_of_plan = a.percentOfPlan.map { $0.rounded(places: 2) }
            growth_percent = a.growthPercent.map { $0.rounded(places: 2) }
            growth_source = a.growthSource?.rawValue
            growth_note = a.growthNote
            expected_share = a.expectedShare.map { $0.rounded(places: 4) }
            forecast = a.forecast.map { $0.rounded(places: 2) }
            shortfall_percent = a.shortfallPercent.map { $0.rounded(places: 2) }
            status = a.status.rawValue
            status_label = a.status.label
            note = a.note
            let derivation = a.observation?.derivation
            origin = derivation?.origin.rawValue ?? (a.value ?? a.achieved == nil ? nil : "entered")
            from_units = derivation?.fromUnits.count
            missing_units = derivation?.missingUnits.count
            self.derivation = derivation?.sentence
        }
    }

    public struct ResultJSON: Encodable, Sendable {
        public let indicator: String
        public let name: String
        public let value: Double?
        public let qualifier: String?
        public let estimated: Bool
        public let growth_percent: Double?
    }

    /// The set a tally counts over: every item, one without a result as chưa đánh giá.
    public struct TargetSetJSON: Encodable, Sendable {
        public let title: String
        public let first_year: Int
        public let last_year: Int
        public let items: Int
        /// Numbers of the items no stored target answers.
        public let unplaced: [String]

        init?(_ set: TargetSet?, overview: Overview) {
            guard let set else { return nil }
            title = set.title
            first_year = set.scope.firstYear
            last_year = set.scope.lastYear
            items = set.items.count
            let missing = Set(overview.unplacedItems.map { set.targetKey(of: $0) })
            unplaced = set.items.filter { missing.contains(set.targetKey(of: $0)) }.map(\.number)
        }
    }

    public let unit: UnitJSON
    public let period: PeriodJSON
    public let target_set: TargetSetJSON?
    public let term_target_set: TargetSetJSON?
    public let conference: String?
    public let tally: Tally
    public let tally_sentence: String
    public let assessments: [AssessmentJSON]
    public let term_tally: Tally
    public let other_results: [ResultJSON]

    public init(overview: Overview, conference: Conference?, otherResults: [ReviewMaterial.OtherResult]) {
        let u = overview.unit
        unit = UnitJSON(id: u.id, kind: u.kind.rawValue, name: u.name, title: u.title)
        let p = overview.period
        period = PeriodJSON(year: p.year, from_month: p.fromMonth, to_month: p.toMonth, label: p.label)
        self.conference = conference?.title(unitKind: u.kind)
        tally = overview.tally
        tally_sentence = overview.tally.sentence(over: overview.annualSet)
        assessments = overview.all.map { AssessmentJSON($0, item: overview.item(of: $0)) }
        target_set = TargetSetJSON(overview.annualSet, overview: overview)
        term_target_set = TargetSetJSON(overview.termSet, overview: overview)
        term_tally = overview.termTally
        other_results = otherResults.map { r in
            let o = r.observation
            return ResultJSON(
                indicator: r.indicator.code, name: r.indicator.name, value: o.value, qualifier: o.qualifier?.rawValue,
                estimated: o.estimated, growth_percent: o.statedGrowthPercent)
        }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension Double {
    /// Rounded to `places` decimals. Total: a figure past 1e15 has no decimals left to round
    /// (and `self * scale` would overflow to infinity, which JSON cannot carry), so it comes
    /// back as it is; so do NaN and infinities, which callers must not encode.
    public func rounded(places: Int) -> Double {
        guard isFinite, abs(self) < 1e15 else { return self }
        var scale = 1.0
        for _ in 0..<min(max(places, 0), 15) { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

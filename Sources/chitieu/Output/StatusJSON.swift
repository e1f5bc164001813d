import ChiTieuCore
import Foundation

/// The `status --json` object: `{"unit", "period", "tally", "assessments"}` and, for
/// resolution targets, `"term_tally"`.
struct StatusJSON: Encodable {
    struct UnitJSON: Encodable {
        let id: UnitID
        let kind: String
        let name: String
        let title: String
    }

    struct PeriodJSON: Encodable {
        let year: Int
        let from_month: Int
        let to_month: Int
        let label: String
    }

    struct AssessmentJSON: Encodable {
        let indicator: String
        let name: String
        let measure_unit: String
        let scope: String
        let first_year: Int
        let last_year: Int
        let measure: String
        let issuer: String
        let comparator: String
        let value: Double?
        let estimated: Bool
        let target: Double
        let target_upper: Double?
        let achieved: Double?
        let percent_of_plan: Double?
        let growth_percent: Double?
        let growth_source: String?
        let expected_share: Double?
        let forecast: Double?
        let shortfall_percent: Double?
        let status: String
        let status_label: String
        let note: String?

        init(_ a: Assessment) {
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
            expected_share = a.expectedShare.map { $0.rounded(places: 4) }
            forecast = a.forecast.map { $0.rounded(places: 2) }
            shortfall_percent = a.shortfallPercent.map { $0.rounded(places: 2) }
            status = a.status.rawValue
            status_label = a.status.label
            note = a.note
        }
    }

    struct ResultJSON: Encodable {
        let indicator: String
        let name: String
        let value: Double?
        let qualifier: String?
        let estimated: Bool
        let growth_percent: Double?
    }

    let unit: UnitJSON
    let period: PeriodJSON
    let conference: String?
    let tally: Tally
    let tally_sentence: String
    let assessments: [AssessmentJSON]
    let term_tally: Tally
    let other_results: [ResultJSON]

    init(overview: Overview, conference: Conference?, untargeted: [(Indicator, Observation)]) {
        let u = overview.unit
        unit = UnitJSON(id: u.id, kind: u.kind.rawValue, name: u.name, title: u.title)
        let p = overview.period
        period = PeriodJSON(year: p.year, from_month: p.fromMonth, to_month: p.toMonth, label: p.label)
        self.conference = conference?.title(unitKind: u.kind)
        tally = overview.tally
        tally_sentence = overview.tally.sentence
        assessments = overview.all.map(AssessmentJSON.init)
        term_tally = overview.termTally
        other_results = untargeted.map { indicator, o in
            ResultJSON(
                indicator: indicator.code, name: indicator.name, value: o.value, qualifier: o.qualifier?.rawValue,
                estimated: o.estimated, growth_percent: o.statedGrowthPercent)
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension Double {
    func rounded(places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

import ChiTieuCore
import Hummingbird

/// The JSON shapes of the API, with snake_case keys as the OpenAPI document describes them.
enum APIModels {
    struct Unit: ResponseEncodable {
        let id: UnitID
        /// The official code (mã đơn vị hành chính); reused across 1 July 2025, so not an identifier.
        let code: String?
        let kind: String
        let name: String
        let title: String
        let parent_id: UnitID?
        let valid_from: String?
        let valid_to: String?
        let successor_ids: [UnitID]

        init(_ u: AdministrativeUnit) {
            id = u.id
            code = u.code
            kind = u.kind.rawValue
            name = u.name
            title = u.capitalizedTitle
            parent_id = u.parentID
            valid_from = u.validFrom?.iso
            valid_to = u.validTo?.iso
            successor_ids = u.successors
        }
    }

    struct UnitDetail: ResponseEncodable {
        let unit: Unit
        let children: [Unit]
        let committee: String
        let terms: [Term]

        struct Term: Encodable {
            let number: Int
            let from_year: Int
            let to_year: Int
            let title: String
        }
    }

    struct Indicator: ResponseEncodable {
        let code: String
        let name: String
        let unit: String
        let kind: String
        let direction: String
        let field: String
        let field_title: String
        let frequency: String
        let synonyms: [String]
        let rollup: String

        init(_ i: ChiTieuCore.Indicator) {
            code = i.code
            name = i.name
            unit = i.measureUnit
            kind = i.kind.rawValue
            direction = i.direction.rawValue
            field = i.field.rawValue
            field_title = i.field.title
            frequency = i.frequency.rawValue
            synonyms = i.synonyms
            rollup = i.rollUp.text
        }
    }

    struct Target: ResponseEncodable {
        let id: TargetID
        let indicator: String
        let scope: String
        let first_year: Int
        let last_year: Int
        let measure: String
        let comparator: String
        let value: Double
        let upper: Double?
        let issuer: String

        init(_ t: ChiTieuCore.Target) {
            id = t.id
            indicator = t.indicatorCode
            scope = t.isAnnual ? "year" : "term"
            first_year = t.scope.firstYear
            last_year = t.scope.lastYear
            measure = t.measure.rawValue
            comparator = t.bound.comparatorCode
            (value, upper) = t.bound.values
            issuer = t.issuer
        }
    }

    struct Result: ResponseEncodable {
        let id: ObservationID
        let indicator: String
        let year: Int
        let from_month: Int
        let to_month: Int
        let period: String
        let value: Double?
        let qualifier: String?
        let estimated: Bool
        let stated_percent_of_plan: Double?
        let stated_growth_percent: Double?
        let version: Int
        let recorded_at: String?
        let source: String
        let entered_by: String?
        let document: String?
        let excerpt: String?

        init(_ o: Observation) {
            id = o.id
            indicator = o.indicatorCode
            year = o.period.year
            from_month = o.period.fromMonth
            to_month = o.period.toMonth
            period = o.period.label
            value = o.value
            qualifier = o.qualifier?.rawValue
            estimated = o.estimated
            stated_percent_of_plan = o.statedPercentOfPlan
            stated_growth_percent = o.statedGrowthPercent
            version = o.version
            recorded_at = o.recordedAt
            source = o.source.label
            entered_by = o.source.enteredBy
            document = o.source.document
            excerpt = o.source.excerpt
        }
    }

    struct Saved: ResponseEncodable {
        let message: String
        let targets_added: Int
        let targets_updated: Int
        let results_added: Int
        let results_corrected: Int
        let results_unchanged: Int
    }

    struct List<Item: Encodable & Sendable>: ResponseEncodable {
        let items: [Item]
    }
}

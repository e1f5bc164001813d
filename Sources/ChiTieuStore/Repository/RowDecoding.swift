import ChiTieuCore
import SQLKit

/// Turns rows of the store's tables into domain values.
enum RowDecoding {
    static func indicator(_ row: any SQLRow, synonyms: [String: [String]]) throws -> Indicator {
        let code = try row.decode(column: "code", as: String.self)
        var indicator = Indicator(
            code: code,
            name: try row.decode(column: "name", as: String.self),
            measureUnit: try row.decode(column: "measure_unit", as: String.self),
            kind: try enumValue(row, "kind"),
            direction: try enumValue(row, "direction"),
            field: try enumValue(row, "field"),
            frequency: try enumValue(row, "frequency"),
            synonyms: synonyms[code, default: []],
            parentCode: try row.decodeOptional(column: "parent_code", as: String.self))
        // Read before migration 7 too (an upgrade reads the catalogue it upgrades).
        if row.contains(column: "owner_unit_id") {
            indicator.ownerUnitID = try row.decodeOptional(column: "owner_unit_id", as: UnitID.self)
        }
        if row.contains(column: "roll_up"), let text = try row.decodeOptional(column: "roll_up", as: String.self) {
            indicator.rollUpRule = RollUpRule(text: text)
        }
        return indicator
    }

    static func unit(_ row: any SQLRow) throws -> AdministrativeUnit {
        AdministrativeUnit(
            id: try row.decode(column: "id", as: UnitID.self),
            kind: try enumValue(row, "kind"),
            name: try row.decode(column: "name", as: String.self),
            parentID: try row.decodeOptional(column: "parent_id", as: UnitID.self),
            code: try row.decodeOptional(column: "official_code", as: String.self),
            validFrom: try row.decodeOptional(column: "valid_from", as: String.self).flatMap(CalendarDay.init),
            validTo: try row.decodeOptional(column: "valid_to", as: String.self).flatMap(CalendarDay.init))
    }

    static func target(_ row: any SQLRow) throws -> Target {
        let first = try row.decode(column: "first_year", as: Int.self)
        let last = try row.decode(column: "last_year", as: Int.self)
        let annual = try row.decode(column: "is_annual", as: Bool.self)
        let value = try row.decode(column: "value", as: Double.self)
        let upper = try row.decodeOptional(column: "upper_value", as: Double.self)
        let comparator = try row.decode(column: "comparator", as: String.self)
        let bound: TargetBound =
            switch comparator {
            case "<=": .atMost(value)
            case "between": .between(value, upper ?? value)
            default: .atLeast(value)
            }
        return Target(
            id: try row.decode(column: "id", as: TargetID.self),
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            indicatorCode: try row.decode(column: "indicator_code", as: String.self),
            scope: annual ? .year(first) : .term(from: first, to: last),
            measure: try enumValue(row, "measure"),
            bound: bound,
            issuer: try row.decode(column: "issuer", as: String.self),
            exceedMargin: try row.decodeOptional(column: "exceed_margin", as: Double.self),
            denominator: try row.decodeOptional(column: "denominator", as: Int.self),
            note: try row.decodeOptional(column: "note", as: String.self))
    }

    static func observation(_ row: any SQLRow) throws -> Observation {
        Observation(
            id: try row.decode(column: "id", as: ObservationID.self),
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            indicatorCode: try row.decode(column: "indicator_code", as: String.self),
            period: try period(row),
            value: try row.decodeOptional(column: "value", as: Double.self),
            qualifier: try row.decodeOptional(column: "qualifier", as: String.self).flatMap(Qualifier.init(rawValue:)),
            estimated: try row.decode(column: "estimated", as: Bool.self),
            statedPercentOfPlan: try row.decodeOptional(column: "stated_percent_of_plan", as: Double.self),
            statedGrowthPercent: try row.decodeOptional(column: "stated_growth_percent", as: Double.self),
            priceBasis: try row.decodeOptional(column: "price_basis", as: String.self),
            source: Provenance(
                document: try row.decodeOptional(column: "source_document", as: String.self),
                spanStart: try row.decodeOptional(column: "span_start", as: Int.self),
                spanEnd: try row.decodeOptional(column: "span_end", as: Int.self),
                excerpt: try row.decodeOptional(column: "excerpt", as: String.self),
                enteredBy: try row.decodeOptional(column: "entered_by", as: String.self)),
            version: try row.decode(column: "version", as: Int.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }

    static func conference(_ row: any SQLRow) throws -> Conference {
        let year = try row.decodeOptional(column: "year", as: Int.self)
        let from = try row.decodeOptional(column: "from_month", as: Int.self)
        let to = try row.decodeOptional(column: "to_month", as: Int.self)
        var period: Period?
        if let year, let from, let to { period = try Period(year: year, fromMonth: from, toMonth: to) }
        return Conference(
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            number: try row.decode(column: "number", as: Int.self),
            term: try row.decodeOptional(column: "term", as: Int.self),
            extended: try row.decode(column: "extended", as: Bool.self),
            date: try row.decodeOptional(column: "held_on", as: String.self).flatMap(CalendarDay.init),
            period: period)
    }

    static func statedTally(_ row: any SQLRow) throws -> StatedTally {
        StatedTally(
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            period: try period(row),
            total: try row.decodeOptional(column: "total", as: Int.self),
            exceeded: try row.decodeOptional(column: "exceeded", as: Int.self),
            met: try row.decodeOptional(column: "met", as: Int.self),
            metOrExceeded: try row.decodeOptional(column: "met_or_exceeded", as: Int.self),
            missed: try row.decodeOptional(column: "missed", as: Int.self),
            unassessed: try row.decodeOptional(column: "unassessed", as: Int.self),
            source: Provenance(
                document: try row.decodeOptional(column: "source_document", as: String.self),
                excerpt: try row.decodeOptional(column: "excerpt", as: String.self)))
    }

    private static func period(_ row: any SQLRow) throws -> Period {
        try Period(
            year: try row.decode(column: "year", as: Int.self),
            fromMonth: try row.decode(column: "from_month", as: Int.self),
            toMonth: try row.decode(column: "to_month", as: Int.self))
    }

    private static func enumValue<E: RawRepresentable>(_ row: any SQLRow, _ column: String) throws -> E
    where E.RawValue == String {
        let raw = try row.decode(column: column, as: String.self)
        guard let value = E(rawValue: raw) else {
            throw StoreError.internalFailure("giá trị \"\(raw)\" không hợp lệ ở cột \(column)")
        }
        return value
    }

    static func auditEntry(_ row: any SQLRow) throws -> AuditEntry {
        var entry = AuditEntry(
            action: AuditEntry.Action(rawValue: try row.decode(column: "action", as: String.self)) ?? .changed,
            subject: AuditEntry.Subject(rawValue: try row.decode(column: "subject", as: String.self)) ?? .result,
            unitID: try row.decodeOptional(column: "unit_id", as: UnitID.self),
            recordKey: try row.decode(column: "record_key", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            oldValue: try row.decodeOptional(column: "old_value", as: String.self),
            newValue: try row.decodeOptional(column: "new_value", as: String.self))
        entry.id = try row.decode(column: "id", as: Int64.self)
        entry.at = try row.decode(column: "at", as: String.self)
        entry.author = ChangeAuthor(
            name: try row.decode(column: "author", as: String.self),
            address: try row.decodeOptional(column: "address", as: String.self))
        return entry
    }
}

extension SQLRow {
    /// `decode(column:as: T?.self)` without the general `Decoder` that SQLiteKit takes an optional
    /// through (an allocation and several dynamic casts): a quarter of the time of reading results.
    func decodeOptional<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: type)
    }
}

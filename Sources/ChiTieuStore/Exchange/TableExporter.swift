import CSV
import ChiTieuCore
import Foundation

/// Writes stored plans and results as the table `TableImporter` reads, so an export can
/// be edited in Excel and imported back; or as JSON for other programs.
public struct TableExporter: Sendable {
    public let repository: any ChiTieuRepository

    public init(repository: any ChiTieuRepository) {
        self.repository = repository
    }

    /// One row of the export, already in the table's words.
    public struct Row: Sendable, Equatable {
        public var values: [TableColumn: String]
    }

    public func rows(unitIDs: [UnitID]? = nil) async throws -> [Row] {
        let units = try await unitList(unitIDs)
        let names = try await displayNames(units)
        var rows: [Row] = []
        for unit in units {
            let name = names[unit.id] ?? unit.title
            let targets = try await repository.targets(unitIDs: [unit.id], years: Period.yearRange)
            for t in targets { rows.append(Self.row(t, unitName: name)) }
            let observations = try await repository.observations(unitIDs: [unit.id], years: Period.yearRange)
            for o in observations { rows.append(Self.row(o, unitName: name)) }
        }
        return rows
    }

    /// CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly.
    public func csv(unitIDs: [UnitID]? = nil, codeHeaders: Bool = false) async throws -> String {
        let rows = try await rows(unitIDs: unitIDs)
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: TableColumn.exported.map { codeHeaders ? $0.rawValue : $0.vietnamese })
        for row in rows {
            try writer.write(row: TableColumn.exported.map { SpreadsheetCell.neutralised(row.values[$0] ?? "") })
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw StoreError.internalFailure("không ghi được CSV")
        }
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self)
    }

    public func json(unitIDs: [UnitID]? = nil) async throws -> Data {
        let units = try await unitList(unitIDs)
        var document = ExportDocument(units: [], targets: [], observations: [])
        for unit in units {
            document.units.append(.init(unit))
            document.targets += try await repository.targets(unitIDs: [unit.id], years: Period.yearRange).map(
                ExportDocument.TargetRecord.init)
            document.observations += try await repository.observations(unitIDs: [unit.id], years: Period.yearRange)
                .map(ExportDocument.ObservationRecord.init)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    private func unitList(_ ids: [UnitID]?) async throws -> [AdministrativeUnit] {
        guard let ids else { return try await repository.allUnits() }
        var units: [AdministrativeUnit] = []
        for id in ids { if let unit = try await repository.unit(id: id) { units.append(unit) } }
        return units
    }

    /// `huyện Kông Chro, tỉnh Gia Lai`: with the parent, so the name resolves on import.
    private func displayNames(_ units: [AdministrativeUnit]) async throws -> [UnitID: String] {
        var names: [UnitID: String] = [:]
        for unit in units {
            if let parentID = unit.parentID, let parent = try await repository.unit(id: parentID) {
                names[unit.id] = "\(unit.title), \(parent.title)"
            } else {
                names[unit.id] = unit.title
            }
        }
        return names
    }

    static func row(_ t: Target, unitName: String) -> Row {
        var v: [TableColumn: String] = [
            .kind: t.isAnnual ? RowKind.plan.vietnamese : RowKind.resolution.vietnamese,
            .unit: unitName, .indicator: t.indicatorCode, .issuer: t.issuer,
        ]
        if t.isAnnual {
            v[.year] = String(t.scope.firstYear)
        } else {
            v[.fromYear] = String(t.scope.firstYear)
            v[.toYear] = String(t.scope.lastYear)
            v[.measure] = t.measure.tableWord
        }
        switch t.bound {
        case .atLeast(let x):
            v[.value] = x.exportText
            v[.comparator] = ">="
        case .atMost(let x):
            v[.value] = x.exportText
            v[.comparator] = "<="
        case .between(let low, let high):
            v[.value] = low.exportText
            v[.upperValue] = high.exportText
        }
        if let margin = t.exceedMargin { v[.exceedMargin] = margin.exportText }
        if let denominator = t.denominator { v[.denominator] = String(denominator) }
        if let note = t.note { v[.source] = note }
        return Row(values: v)
    }

    static func row(_ o: Observation, unitName: String) -> Row {
        var v: [TableColumn: String] = [
            .kind: RowKind.result.vietnamese, .unit: unitName, .indicator: o.indicatorCode,
            .year: String(o.period.year),
            .fromMonth: String(o.period.fromMonth), .toMonth: String(o.period.toMonth),
        ]
        if let value = o.value { v[.value] = (o.qualifier.map { $0.word + " " } ?? "") + value.exportText }
        if o.estimated { v[.estimated] = "x" }
        if let p = o.statedPercentOfPlan { v[.percentOfPlan] = p.exportText }
        if let g = o.statedGrowthPercent { v[.growth] = g.exportText }
        if let basis = o.priceBasis { v[.priceBasis] = basis }
        if let document = o.source.document { v[.source] = document }
        return Row(values: v)
    }
}

extension Double {
    /// Full precision in Vietnamese notation, so an export imports back to the same figure.
    var exportText: String { VietnameseNumberFormat(maximumFractionDigits: 6).string(self) }
}

/// The JSON shape of `chitieu export --format json`.
struct ExportDocument: Encodable {
    struct UnitRecord: Encodable {
        var id: UnitID
        var kind: String
        var name: String
        var parent_id: UnitID?
        var valid_from: String?
        var valid_to: String?
        var successors: [UnitID]

        init(_ u: AdministrativeUnit) {
            id = u.id
            kind = u.kind.rawValue
            name = u.name
            parent_id = u.parentID
            valid_from = u.validFrom?.iso
            valid_to = u.validTo?.iso
            successors = u.successors
        }
    }

    struct TargetRecord: Encodable {
        var id: TargetID
        var unit_id: UnitID
        var indicator: String
        var scope: String
        var first_year: Int
        var last_year: Int
        var measure: String
        var comparator: String
        var value: Double
        var upper_value: Double?
        var issuer: String

        init(_ t: Target) {
            id = t.id
            unit_id = t.unitID
            indicator = t.indicatorCode
            scope = t.isAnnual ? "year" : "term"
            first_year = t.scope.firstYear
            last_year = t.scope.lastYear
            measure = t.measure.rawValue
            comparator = t.bound.comparatorCode
            (value, upper_value) = t.bound.values
            issuer = t.issuer
        }
    }

    struct ObservationRecord: Encodable {
        var id: ObservationID
        var unit_id: UnitID
        var indicator: String
        var period: Period
        var value: Double?
        var qualifier: String?
        var estimated: Bool
        var stated_percent_of_plan: Double?
        var stated_growth_percent: Double?
        var price_basis: String?
        var source: String?
        var version: Int
        var recorded_at: String?

        init(_ o: Observation) {
            id = o.id
            unit_id = o.unitID
            indicator = o.indicatorCode
            period = o.period
            value = o.value
            qualifier = o.qualifier?.rawValue
            estimated = o.estimated
            stated_percent_of_plan = o.statedPercentOfPlan
            stated_growth_percent = o.statedGrowthPercent
            price_basis = o.priceBasis
            source = o.source.document
            version = o.version
            recorded_at = o.recordedAt
        }
    }

    var units: [UnitRecord]
    var targets: [TargetRecord]
    var observations: [ObservationRecord]
}

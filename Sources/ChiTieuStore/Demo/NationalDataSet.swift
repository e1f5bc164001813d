import ChiTieuCore
import Foundation
import SQLKit

/// A database at national size, for measuring (`chitieu demo --national`): every commune, ward
/// and special zone of the registry after 1 July 2025 with an annual plan and monthly results
/// (January to each month) for 40 indicators from 2025 on, each province with the plans of its
/// communes added up, and the 10.035 communes of before the reform with 2024's results for ten
/// of them, so that a new commune's growth against 2024 is reconstructed from its predecessors.
///
/// The figures are invented and the same on every run: each is drawn from its unit's and
/// indicator's numbers, so a benchmark run twice measures the same database.
public struct NationalDataSet: Sendable {
    public static let source = "Số liệu mô phỏng toàn quốc (chitieu demo --national), không phải số thật"
    public static let indicatorCount = 40
    public static let legacyIndicatorCount = 10

    /// The last year with figures (this year, to its last ended month) and how many years before it.
    public let lastYear: Int
    public let lastMonth: Int
    public let years: Int

    public init(today: CalendarDay, years: Int) {
        // This year's figures go up to last month: a month's result is reported after it ends.
        lastYear = today.month == 1 ? today.year - 1 : today.year
        lastMonth = today.month == 1 ? 12 : today.month - 1
        self.years = max(1, years)
    }

    public struct Summary: Sendable {
        public var communes = 0
        public var legacyCommunes = 0
        public var provinces = 0
        public var targets = 0
        public var results = 0
        public var seconds = 0.0
    }

    /// The 40 indicators: those the catalogue can add up from communes to a province (flows, and
    /// levels with a rule), without the counts of communes that only a province has.
    public static func indicators(of catalogue: Catalogue) -> [Indicator] {
        let candidates = catalogue.indicators.filter {
            $0.measureUnit != "xã" && ($0.kind == .flow || !$0.rollUp.methods.isEmpty)
        }
        return Array(candidates.prefix(indicatorCount))
    }

    /// Fills `repository`, which must have no results yet, in one transaction.
    public func load(into repository: SQLRepository) async throws -> Summary {
        let started = ContinuousClock.now
        // refused before the registry is loaded: a database with figures is left as it was
        try await repository.database.withSession { try await Self.refuseStoredResults($0) }
        _ = try await repository.ensureCatalogue()
        _ = try await repository.ensureRegistry()
        let indicators = Self.indicators(of: try StandardCatalogue.load())
        let plan = SyntheticFigures(indicators: indicators, firstYear: lastYear - years + 1, lastYear: lastYear)
        let lastMonth = lastMonth
        // with a first year before the reform, the old communes get 2024 to reconstruct from
        let hasLegacyYear = plan.firstYear < 2025
        let recordedAt = repository.clock.timestamp()
        var summary = try await repository.database.writerTransaction { db in
            try await Self.refuseStoredResults(db)
            let units = try await NationalUnits.read(db)
            var summary = Summary()
            var provincePlans = ProvincePlans()
            try await Self.write(
                units.communes, recordedAt: recordedAt, db: db,
                rows: {
                    plan.rows(
                        for: $0.id, province: $0.parent, years: max(2025, plan.firstYear)...plan.lastYear,
                        lastMonth: lastMonth)
                },
                each: { commune, rows in
                    provincePlans.add(rows.targets, province: commune.parent)
                    summary.targets += rows.targets.count
                    summary.results += rows.results.count
                })
            if hasLegacyYear {
                let legacy = SyntheticFigures(
                    indicators: Array(indicators.prefix(Self.legacyIndicatorCount)), firstYear: plan.firstYear,
                    lastYear: plan.lastYear)
                try await Self.write(
                    units.legacyCommunes, recordedAt: recordedAt, db: db,
                    rows: { [units] commune in
                        let successor = units.successor(of: commune)
                        let rows = legacy.rows(
                            for: commune.id, province: successor.province, sizedAs: successor.id,
                            share: successor.share, years: legacy.firstYear...2024, lastMonth: lastMonth)
                        return SyntheticFigures.Rows(targets: [], results: rows.results)
                    },
                    each: { _, rows in summary.results += rows.results.count })
            }
            let provinceTargets = provincePlans.targets(indicators: indicators)
            try await SQLRepository.insertRows(provinceTargets, into: "targets", columns: TargetColumns.names, db: db) {
                TargetColumns.values($0, updatedAt: recordedAt)
            }
            summary.targets += provinceTargets.count
            summary.communes = units.communes.count
            summary.legacyCommunes = hasLegacyYear ? units.legacyCommunes.count : 0
            summary.provinces = Set(units.communes.map(\.parent)).count
            return summary
        }
        let took = ContinuousClock.now - started
        summary.seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
        return summary
    }

    private static func refuseStoredResults(_ db: any SQLDatabase) async throws {
        let stored =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("observations").first()?.decode(column: "n", as: Int.self) ?? 0
        guard stored == 0 else { throw NationalDataSetError.notEmpty(stored) }
    }

    /// Units whose rows go in one write (about 18.000 results: one `COPY` on PostgreSQL).
    static let unitsPerWrite = 40

    /// Writes the rows of `units` a group at a time, working out the next group's figures
    /// while the database takes the last: on two cores the load then waits on neither alone.
    private static func write<Source: Sendable>(
        _ units: [Source], recordedAt: String, db: any SQLDatabase,
        rows: @escaping @Sendable (Source) -> SyntheticFigures.Rows,
        each: (Source, SyntheticFigures.Rows) -> Void
    ) async throws {
        let groups = units.chunked(unitsPerWrite).map(Array.init)
        let made = { (group: [Source]) in Task { group.map(rows) } }
        var next = groups.first.map(made)
        for (n, group) in groups.enumerated() {
            guard let figures = await next?.value else { break }
            next = n + 1 < groups.count ? made(groups[n + 1]) : nil
            try await SQLRepository.insertRows(
                figures.flatMap(\.targets), into: "targets", columns: TargetColumns.names, db: db
            ) { TargetColumns.values($0, updatedAt: recordedAt) }
            try await SQLRepository.insertRows(
                figures.flatMap(\.results), into: "observations", columns: ObservationColumns.names, db: db
            ) { ObservationColumns.values($0, recordedAt: recordedAt) }
            for (unit, rows) in zip(group, figures) { each(unit, rows) }
        }
    }
}

public enum NationalDataSetError: UserFacingError, Equatable {
    case notEmpty(Int)
    case noRegistry

    public var message: String {
        switch self {
        case .notEmpty(let count):
            "Cơ sở dữ liệu đã có \(VietnameseNumberFormat.standard.string(Double(count))) kết quả; dữ liệu mô phỏng toàn quốc chỉ nạp vào một cơ sở dữ liệu mới (--db tệp-mới.sqlite)."
        case .noRegistry: "Chưa có danh mục đơn vị hành chính sau ngày 1/7/2025 nên không tạo được dữ liệu toàn quốc."
        }
    }
}

/// The registry's communes after the reform (with their province) and before it.
struct NationalUnits: Sendable {
    struct Unit: Sendable {
        let id: UnitID
        let parent: UnitID
    }
    var communes: [Unit] = []
    var legacyCommunes: [Unit] = []
    /// An old commune's first successor, and how many old units each new one was formed from.
    var successors: [UnitID: UnitID] = [:]
    var predecessorCounts: [UnitID: Int] = [:]
    /// Each new commune's province.
    var provinces: [UnitID: UnitID] = [:]

    /// Whose figures an old commune's are a part of, and which part: its new commune's, shared
    /// evenly among the old units it was formed from (an old commune with no recorded successor:
    /// a third of a commune of its own size, the national average).
    func successor(of legacy: Unit) -> (id: UnitID, province: UnitID, share: Double) {
        guard let id = successors[legacy.id], let province = provinces[id] else {
            return (legacy.id, legacy.parent, 1.0 / 3)
        }
        return (id, province, 1 / Double(max(1, predecessorCounts[id] ?? 1)))
    }

    static let communeKinds = [UnitKind.commune, .ward, .townlet, .specialZone].map(\.rawValue)

    static func read(_ db: any SQLDatabase) async throws -> NationalUnits {
        let reform = CalendarDay.reform2025.iso
        var units = NationalUnits()
        let rows = try await db.select().columns("id", "parent_id", "valid_from", "valid_to").from("units")
            .where("kind", .in, communeKinds).where("parent_id", .isNot, SQLLiteral.null).orderBy("id").all()
        for row in rows {
            let unit = Unit(
                id: try row.decode(column: "id", as: UnitID.self),
                parent: try row.decode(column: "parent_id", as: UnitID.self))
            if try row.decodeOptional(column: "valid_from", as: String.self) == reform {
                units.communes.append(unit)
                units.provinces[unit.id] = unit.parent
            } else if try row.decodeOptional(column: "valid_to", as: String.self) == reform {
                units.legacyCommunes.append(unit)
            }
        }
        guard !units.communes.isEmpty else { throw NationalDataSetError.noRegistry }
        for row in try await db.select().columns("predecessor_id", "successor_id").from("unit_successions")
            .orderBy("predecessor_id").orderBy("successor_id").all()
        {
            let (old, new) = (
                try row.decode(column: "predecessor_id", as: UnitID.self),
                try row.decode(column: "successor_id", as: UnitID.self)
            )
            if units.successors[old] == nil { units.successors[old] = new }
            units.predecessorCounts[new, default: 0] += 1
        }
        return units
    }
}

/// Each province's plan: its communes' plans added up (a rate's: their mean).
struct ProvincePlans {
    private var sums:
        [String: (province: UnitID, code: String, year: Int, bound: TargetBound, total: Double, count: Int)] = [:]

    mutating func add(_ targets: [Target], province: UnitID) {
        for t in targets {
            let key = "\(province)|\(t.indicatorCode)|\(t.scope.firstYear)"
            let value = t.bound.reference(for: .higherIsBetter)
            if let entry = sums[key] {
                sums[key] = (
                    province, t.indicatorCode, t.scope.firstYear, t.bound, entry.total + value, entry.count + 1
                )
            } else {
                sums[key] = (province, t.indicatorCode, t.scope.firstYear, t.bound, value, 1)
            }
        }
    }

    func targets(indicators: [Indicator]) -> [Target] {
        // a plan adds up where the figure does; a per-head figure or a rate takes the mean
        let added = Set(indicators.filter { $0.rollUp.methods.contains(.sum) }.map(\.code))
        return sums.values.sorted { ($0.province, $0.code, $0.year) < ($1.province, $1.code, $1.year) }.map { entry in
            let value = added.contains(entry.code) ? entry.total : entry.total / Double(entry.count)
            let bound: TargetBound =
                if case .atMost = entry.bound { .atMost(value) } else { .atLeast(value) }
            return Target(
                unitID: entry.province, indicatorCode: entry.code, scope: .year(entry.year), bound: bound,
                issuer: "Kế hoạch mô phỏng")
        }
    }
}

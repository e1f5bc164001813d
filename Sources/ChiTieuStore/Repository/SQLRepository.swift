import ChiTieuCore
import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The repository on SQL: SQLite by default, PostgreSQL in multi-user deployments.
/// All SQL here is written once for both engines.
public struct SQLRepository: ChiTieuRepository {
    public let database: StoreDatabase
    /// The schema versions this opening brought the database to (empty when it was current).
    public internal(set) var migrationsApplied: [Int] = []
    /// The time stamped on saved records, sessions and the audit trail.
    public let clock: WallClock

    public init(database: StoreDatabase, clock: WallClock = .system) {
        self.database = database
        self.clock = clock
    }

    /// The schema version this program writes.
    public static var schemaVersion: Int { Migrator.currentVersion }

    /// Opens an SQLite file, creating it and bringing its schema up to date.
    public static func openSQLite(
        path: String, logger: Logger = Logger(label: "chitieu.store"), clock: WallClock = .system
    ) async throws
        -> SQLRepository
    {
        let database = try StoreDatabase.sqlite(path: path, logger: logger)
        var applied: [Int] = []
        do {
            applied = try await Migrator(database: database).migrate()
        } catch let error as SQLiteError where error.reason == .notADatabase {
            await database.close()
            throw StoreError.notADatabase(path)
        } catch let error as SQLiteError {
            await database.close()
            throw StoreError.cannotOpen(path, error.message)
        } catch {
            await database.close()
            throw error
        }
        var repository = SQLRepository(database: database, clock: clock)
        repository.migrationsApplied = applied
        return repository
    }

    /// Connects to PostgreSQL and brings its schema up to date.
    public static func openPostgres(
        url: String, logger: Logger = Logger(label: "chitieu.store"), clock: WallClock = .system
    ) async throws
        -> SQLRepository
    {
        let database = try StoreDatabase.postgres(url: url, logger: logger)
        var applied: [Int] = []
        do {
            applied = try await Migrator(database: database).migrate()
        } catch let error as StoreError {
            await database.close()
            throw error
        } catch {
            await database.close()
            throw StoreError.cannotOpen(database.location, String(reflecting: error).prefix(300).description)
        }
        var repository = SQLRepository(database: database, clock: clock)
        repository.migrationsApplied = applied
        return repository
    }

    /// The database chosen by `--db` and the environment (`DatabaseChoice`).
    public static func open(
        _ choice: DatabaseChoice, logger: Logger = Logger(label: "chitieu.store"), clock: WallClock = .system
    ) async throws
        -> SQLRepository
    {
        switch choice {
        case .postgres(let url): try await openPostgres(url: url, logger: logger, clock: clock)
        case .sqlite(let path): try await openSQLite(path: path, logger: logger, clock: clock)
        }
    }

    /// PostgreSQL when `DATABASE_URL` is set (and not empty), else the SQLite file at `path`.
    public static func open(
        sqlitePath path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "chitieu.store")
    ) async throws -> SQLRepository {
        try await open(DatabaseChoice(option: path, environment: environment), logger: logger)
    }

    public func close() async { await database.close() }

    public func auditTrail(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await database.withSession { db in
            let select = db.select().column("*").from("audit_log")
            if let unit = query.unitID { select.where("unit_id", .equal, unit) }
            if let key = query.recordKey { select.where("record_key", .equal, key) }
            return try await select.orderBy("id", .descending).limit(query.limit).all().map(RowDecoding.auditEntry)
        }
    }

    public func schemaVersions() async throws -> Set<Int> { try await Migrator(database: database).appliedVersions() }

    // MARK: catalogue

    public func indicators() async throws -> [Indicator] {
        try await database.withSession { db in try await Self.indicators(db) }
    }

    static func indicators(_ db: any SQLDatabase) async throws -> [Indicator] {
        let rows = try await db.select().column("*").from("indicators").orderBy("position").all()
        let names = try await db.select().columns("indicator_code", "name").from("indicator_names").all()
        var synonyms: [String: [String]] = [:]
        for row in names {
            synonyms[try row.decode(column: "indicator_code", as: String.self), default: []]
                .append(try row.decode(column: "name", as: String.self))
        }
        return try rows.map { try RowDecoding.indicator($0, synonyms: synonyms) }
    }

    public func catalogueVersion() async throws -> String? {
        try await database.withSession { db in
            // Own indicators have none: the standard catalogue's version is the one.
            try await db.select().column("catalogue_version").from("indicators")
                .where("catalogue_version", .isNot, SQLLiteral.null).orderBy("position").limit(1).first()?
                .decodeOptional(column: "catalogue_version", as: String.self)
        }
    }

    // MARK: units

    public func unit(id: UnitID) async throws -> AdministrativeUnit? {
        try await fetchUnits { $0.where("id", .equal, id) }.first
    }

    public func units(named key: NameKey) async throws -> [AdministrativeUnit] {
        let exact = try await fetchUnits { $0.where("name_key", .equal, key.rawValue) }
        if !exact.isEmpty { return exact }
        return try await fetchUnits { $0.where("folded_key", .equal, key.folded) }
    }

    public func units(code: String) async throws -> [AdministrativeUnit] {
        try await fetchUnits { $0.where("official_code", .equal, code) }
    }

    public func unitIDsInUse() async throws -> Set<UnitID> {
        try await database.withSession { db in
            var ids = Set<UnitID>()
            // Each table's units are found by stepping through its unit index from one unit to
            // the next: a UNION of the tables read every result (4,3 million rows at national
            // size, 1,4 s on the first page of a new server); this reads one entry per unit.
            for table in ["targets", "observations", "conferences", "stated_tallies", "committee_terms", "target_sets"]
            {
                let query = """
                    WITH RECURSIVE seen(id) AS (SELECT MIN(unit_id) FROM \(table) UNION ALL \
                    SELECT (SELECT MIN(unit_id) FROM \(table) WHERE unit_id > seen.id) FROM seen WHERE seen.id IS NOT NULL) \
                    SELECT id FROM seen WHERE id IS NOT NULL
                    """
                for row in try await db.raw(SQLQueryString(query)).all() {
                    ids.insert(try row.decode(column: "id", as: UnitID.self))
                }
            }
            let others =
                "SELECT unit_id AS id FROM users WHERE unit_id IS NOT NULL UNION SELECT id FROM units WHERE official_code IS NULL"
            for row in try await db.raw(SQLQueryString(others)).all() {
                ids.insert(try row.decode(column: "id", as: UnitID.self))
            }
            return ids
        }
    }

    public func successions() async throws -> [UnitSuccession] {
        try await database.withSession { db in
            try await db.select().columns("predecessor_id", "successor_id", "share", "share_basis")
                .from("unit_successions").orderBy("successor_id").orderBy("predecessor_id").all()
                .map {
                    UnitSuccession(
                        predecessorID: try $0.decode(column: "predecessor_id", as: UnitID.self),
                        successorID: try $0.decode(column: "successor_id", as: UnitID.self),
                        share: try $0.decodeOptional(column: "share", as: Double.self),
                        shareBasis: try $0.decodeOptional(column: "share_basis", as: String.self))
                }
        }
    }

    /// Every unit, with its successors read in one query (not 14.000 bound IDs).
    public func allUnits() async throws -> [AdministrativeUnit] {
        try await database.withSession { db in try await Self.allUnits(db) }
    }

    static func allUnits(_ db: any SQLDatabase) async throws -> [AdministrativeUnit] {
        var units = try await db.select().column("*").from("units").orderBy("id").all().map(RowDecoding.unit)
        var successors: [UnitID: [UnitID]] = [:]
        for row in try await db.select().columns("predecessor_id", "successor_id").from("unit_successions").all() {
            successors[try row.decode(column: "predecessor_id", as: UnitID.self), default: []]
                .append(try row.decode(column: "successor_id", as: UnitID.self))
        }
        for i in units.indices { units[i].successors = successors[units[i].id, default: []].sorted() }
        return units
    }

    public func children(of id: UnitID) async throws -> [AdministrativeUnit] {
        try await fetchUnits { $0.where("parent_id", .equal, id) }
    }

    public func committeeTerms(of id: UnitID) async throws -> [CommitteeTerm] {
        try await database.withSession { db in
            try await db.select().columns("number", "from_year", "to_year").from("committee_terms")
                .where("unit_id", .equal, id).orderBy("number").all()
                .map {
                    CommitteeTerm(
                        number: try $0.decode(column: "number", as: Int.self),
                        fromYear: try $0.decode(column: "from_year", as: Int.self),
                        toYear: try $0.decode(column: "to_year", as: Int.self))
                }
        }
    }

    private func fetchUnits(
        _ filter: @escaping @Sendable (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [AdministrativeUnit] {
        try await database.withSession { db in
            let rows = try await filter(db.select().column("*").from("units")).orderBy("id").all()
            var units = try rows.map(RowDecoding.unit)
            guard !units.isEmpty else { return [] }
            let successions = try await db.select().columns("predecessor_id", "successor_id").from("unit_successions")
                .where("predecessor_id", .in, units.map(\.id)).all()
            var successors: [UnitID: [UnitID]] = [:]
            for row in successions {
                successors[try row.decode(column: "predecessor_id", as: UnitID.self), default: []]
                    .append(try row.decode(column: "successor_id", as: UnitID.self))
            }
            for i in units.indices { units[i].successors = successors[units[i].id, default: []].sorted() }
            return units
        }
    }

    // MARK: targets and results

    public func targets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [Target] {
        guard !unitIDs.isEmpty else { return [] }
        return try await database.withSession { db in
            try await db.select().column("*").from("targets")
                .where("unit_id", .in, unitIDs)
                .where("last_year", .greaterThanOrEqual, years.lowerBound)
                .where("first_year", .lessThanOrEqual, years.upperBound)
                .orderBy("id").all().map(RowDecoding.target)
        }
    }

    public func observations(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [Observation] {
        guard !unitIDs.isEmpty else { return [] }
        let all = try await database.withSession { db in
            try await db.select().column("*").from("observations")
                .where("unit_id", .in, unitIDs)
                .where("year", .greaterThanOrEqual, years.lowerBound)
                .where("year", .lessThanOrEqual, years.upperBound)
                .all().map(RowDecoding.observation)
        }
        return Self.latestVersions(all)
    }

    public func observations(
        unitIDs: [UnitID], codes: Set<String>, years: ClosedRange<Int>, periods: Set<Period>?
    ) async throws -> [Observation] {
        guard !unitIDs.isEmpty, !codes.isEmpty, periods?.isEmpty != true else { return [] }
        let periods = periods?.sorted()
        let all = try await database.withSession { db in
            let query = db.select().column("*").from("observations")
                .where("unit_id", .in, unitIDs).where("indicator_code", .in, codes.sorted())
                .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
            if let periods {
                query.where { group in
                    periods.reduce(group) { group, p in
                        group.orWhere {
                            $0.where("year", .equal, p.year).where("from_month", .equal, p.fromMonth)
                                .where("to_month", .equal, p.toMonth)
                        }
                    }
                }
            }
            return try await query.all().map(RowDecoding.observation)
        }
        return Self.latestVersions(all)
    }

    public func versions(of key: SeriesKey) async throws -> [Observation] {
        try await database.withSession { db in
            try await db.select().column("*").from("observations")
                .where("unit_id", .equal, key.unitID).where("year", .equal, key.period.year)
                .where("indicator_code", .equal, key.indicatorCode)
                .where("from_month", .equal, key.period.fromMonth).where("to_month", .equal, key.period.toMonth)
                .orderBy("version").all().map(RowDecoding.observation)
        }
    }

    public func conferences(unitID: UnitID) async throws -> [Conference] {
        try await database.withSession { db in
            try await db.select().column("*").from("conferences").where("unit_id", .equal, unitID)
                .orderBy("id").all().map(RowDecoding.conference)
        }
    }

    public func statedTallies(unitID: UnitID) async throws -> [StatedTally] {
        try await database.withSession { db in
            try await db.select().column("*").from("stated_tallies").where("unit_id", .equal, unitID)
                .orderBy("id").all().map(RowDecoding.statedTally)
        }
    }

    /// Each series' latest version, in order of unit, indicator and period. Sorts positions,
    /// not observations (a dozen fields each, copied at every move), newest version first, and
    /// keeps the first of each run: a province's glance page reads 150.000 of them.
    static func latestVersions(_ observations: [Observation]) -> [Observation] {
        func key(_ i: Int) -> (UnitID, String, Period, Int) {
            (observations[i].unitID, observations[i].indicatorCode, observations[i].period, -observations[i].version)
        }
        let order = observations.indices.sorted { key($0) < key($1) }
        var latest: [Observation] = []
        latest.reserveCapacity(order.count)
        for (n, i) in order.enumerated() where observations[i].version > 0 {
            if n > 0, observations[order[n - 1]].seriesKey == observations[i].seriesKey { continue }
            latest.append(observations[i])
        }
        return latest
    }
}

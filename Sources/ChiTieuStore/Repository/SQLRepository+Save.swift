import ChiTieuCore
import SQLKit

extension SQLRepository {
    public func save(_ batch: DataBatch) async throws -> SaveSummary {
        guard !batch.isEmpty else { return SaveSummary() }
        // Writers take turns: two people saving the same figure get versions 1 and 2, not a
        // unique-key failure.
        let clock = clock
        return try await database.writerTransaction { db in
            let now = clock.timestamp()
            let plan = try BatchPlan(batch, stored: try await Self.storedState(for: batch, db: db))
            return try await Self.write(plan, of: batch, at: now, db: db)
        }
    }

    /// Writes what `plan` came to for `batch`, inside the caller's transaction.
    static func write(_ plan: BatchPlan, of batch: DataBatch, at now: String, db: any SQLDatabase) async throws
        -> SaveSummary
    {
        var summary = plan.summary
        try await Self.writeCatalogue(batch, db: db)
        if !batch.ownIndicators.isEmpty {
            let position =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("indicators").first()?.decode(column: "n", as: Int.self) ?? 0
            for (offset, indicator) in batch.ownIndicators.enumerated() {
                try await Self.insertOwnIndicator(indicator, position: position + offset, db: db)
                try await Self.insertNames(of: indicator, db: db)
            }
        }
        summary.unitIDs = try await Self.insertUnits(batch, reusing: plan.reusedUnits, db: db)
        let ids = summary.unitIDs
        let realID: @Sendable (UnitID) -> UnitID = { $0 < 0 ? ids[$0]! : $0 }
        try await writeTargets(plan, realID: realID, author: batch.author, at: now, db: db)
        try await Self.insertRows(
            plan.observationsToInsert, into: "observations", columns: ObservationColumns.names, db: db
        ) {
            var o = $0
            o.unitID = realID(o.unitID)
            return ObservationColumns.values(o, recordedAt: now)
        }
        try await writeMeetings(plan, of: batch, realID: realID, at: now, db: db)
        try await Self.writeTargetSets(plan.targetSetsToWrite, realID: realID, now: now, db: db)
        for task in batch.tasks {
            _ = try await Self.insertTask(task, author: batch.author, now: now, db)
        }
        summary.tasksAdded = batch.tasks.count
        try await Self.insertRows(
            plan.audit.map { $0.stamped(realID: realID, author: batch.author, at: now) }, into: "audit_log",
            columns: AuditColumns.names, db: db, values: AuditColumns.values)
        return summary
    }

    private static func writeTargets(
        _ plan: BatchPlan, realID: (UnitID) -> UnitID, author: ChangeAuthor, at now: String, db: any SQLDatabase
    ) async throws {
        try await Self.insertRows(plan.targetsToInsert, into: "targets", columns: TargetColumns.names, db: db) {
            var t = $0
            t.unitID = realID(t.unitID)
            return TargetColumns.values(t, updatedAt: now)
        }
        for target in plan.targetsToUpdate {
            let (low, high) = target.bound.values
            try await db.update("targets")
                .set("comparator", to: target.bound.comparatorCode).set("value", to: low).set(
                    "upper_value", to: high
                )
                .set("issuer", to: target.issuer).set("exceed_margin", to: target.exceedMargin)
                .set("denominator", to: target.denominator).set("note", to: target.note).set("updated_at", to: now)
                .where("id", .equal, target.id).run()
        }
        try await Self.removeTargets(plan.targetsToRemove, author: author, now: now, db: db)
    }

    /// The batch's conferences and the tallies of targets they stated.
    private static func writeMeetings(
        _ plan: BatchPlan, of batch: DataBatch, realID: (UnitID) -> UnitID, at now: String, db: any SQLDatabase
    ) async throws {
        for c in plan.conferencesToInsert {
            try await db.insert(into: "conferences")
                .columns("unit_id", "number", "term", "extended", "held_on", "year", "from_month", "to_month")
                .values(
                    SQLBind(realID(c.unitID)), SQLBind(c.number), SQLBind(c.term), SQLBind(c.extended),
                    SQLBind(c.date?.iso), SQLBind(c.period?.year), SQLBind(c.period?.fromMonth),
                    SQLBind(c.period?.toMonth)
                ).run()
        }
        for entry in batch.statedTallies {
            let t = entry.item
            try await db.insert(into: "stated_tallies")
                .columns(
                    "unit_id", "year", "from_month", "to_month", "total", "exceeded", "met", "met_or_exceeded",
                    "missed", "unassessed", "source_document", "excerpt", "recorded_at"
                )
                .values(
                    SQLBind(realID(t.unitID)), SQLBind(t.period.year), SQLBind(t.period.fromMonth),
                    SQLBind(t.period.toMonth), SQLBind(t.total), SQLBind(t.exceeded), SQLBind(t.met),
                    SQLBind(t.metOrExceeded), SQLBind(t.missed), SQLBind(t.unassessed), SQLBind(t.source.document),
                    SQLBind(t.source.excerpt), SQLBind(now)
                ).run()
        }
    }

    /// Inserts many rows: past the query builder (`BulkInsert`), else with multi-row statements, a
    /// hundred rows at a time.
    static func insertRows<Item>(
        _ items: [Item], into table: String, columns: [String], db: any SQLDatabase,
        values: (Item) -> [any SQLExpression]
    ) async throws {
        let done =
            items.count > 1 ? try await BulkInsert.run(items, into: table, columns: columns, db: db, values: values) : 0
        for chunk in items[done...].chunked(100) {
            let insert = db.insert(into: table).columns(columns)
            for item in chunk { insert.values(values(item)) }
            try await insert.run()
        }
    }

    /// Reads, inside the transaction, what the batch must be checked against.
    static func storedState(for batch: DataBatch, db: any SQLDatabase) async throws -> StoredState {
        let codes = try await db.select().column("code").from("indicators").all()
            .map { try $0.decode(column: "code", as: String.self) }
        let unitIDs = Array(batch.referencedStoredUnits)
        var units: [UnitID: AdministrativeUnit] = [:]
        var targets: [String: Target] = [:]
        var latest: [SeriesKey: Observation] = [:]
        var conferences: [Conference] = []
        var sets: [String: TargetSet] = [:]
        if !unitIDs.isEmpty {
            for row in try await db.select().column("*").from("units").where("id", .in, unitIDs).all() {
                let unit = try RowDecoding.unit(row)
                units[unit.id] = unit
            }
            if let years = batch.years {
                let storedTargets = try await db.select().column("*").from("targets").where("unit_id", .in, unitIDs)
                    .where("last_year", .greaterThanOrEqual, years.lowerBound)
                    .where("first_year", .lessThanOrEqual, years.upperBound).all().map(RowDecoding.target)
                for t in storedTargets { targets[t.naturalKey] = t }
                // only the batch's indicators: a chunk of a long file reads the history it
                // continues, not every figure of its units
                let codes = Array(Set(batch.observations.map(\.item.indicatorCode)))
                let storedResults =
                    codes.isEmpty
                    ? []
                    : try await db.select().column("*").from("observations").where("unit_id", .in, unitIDs)
                        .where("indicator_code", .in, codes)
                        .where("year", .greaterThanOrEqual, years.lowerBound)
                        .where("year", .lessThanOrEqual, years.upperBound)
                        .all().map(RowDecoding.observation)
                for o in SQLRepository.latestVersions(storedResults) { latest[o.seriesKey] = o }
            }
            conferences = try await db.select().column("*").from("conferences").where("unit_id", .in, unitIDs).all()
                .map(RowDecoding.conference)
            if let years = batch.years, !batch.targetSets.isEmpty {
                for set in try await targetSets(unitIDs: unitIDs, years: years, db: db) { sets[set.naturalKey] = set }
            }
        }
        var successorTitles: [UnitID: [String]] = [:]
        let ended = units.values.filter { $0.validTo != nil }.map(\.id)
        if !ended.isEmpty {
            for row in try await db.select()
                .column(SQLColumn("predecessor_id", table: "unit_successions"), as: "predecessor")
                .column(SQLColumn("kind", table: "units"), as: "kind").column(
                    SQLColumn("name", table: "units"), as: "name"
                )
                .from("unit_successions")
                .join(
                    "units", on: SQLColumn("id", table: "units"), .equal,
                    SQLColumn("successor_id", table: "unit_successions")
                )
                .where(SQLColumn("predecessor_id", table: "unit_successions"), .in, SQLBind.group(ended)).all()
            {
                let title =
                    "\(try row.decode(column: "kind", as: String.self)) \(try row.decode(column: "name", as: String.self))"
                successorTitles[try row.decode(column: "predecessor", as: UnitID.self), default: []].append(title)
            }
        }
        return StoredState(
            indicatorCodes: Set(codes), units: units, targets: targets, latest: latest, conferences: conferences,
            targetSets: sets, successorTitles: successorTitles,
            registered: StoredState.registered(for: batch, among: try await unitsWithCodes(of: batch, db: db)))
    }

    private static func writeCatalogue(_ batch: DataBatch, db: any SQLDatabase) async throws {
        guard !batch.indicators.isEmpty else { return }
        for (position, indicator) in batch.indicators.enumerated() {
            try await db.insert(into: "indicators")
                .columns(
                    "code", "name", "measure_unit", "kind", "direction", "field", "frequency", "parent_code",
                    "catalogue_version", "position", "roll_up"
                )
                .values(
                    SQLBind(indicator.code), SQLBind(indicator.name), SQLBind(indicator.measureUnit),
                    SQLBind(indicator.kind.rawValue), SQLBind(indicator.direction.rawValue),
                    SQLBind(indicator.field.rawValue), SQLBind(indicator.frequency.rawValue),
                    SQLBind(indicator.parentCode), SQLBind(batch.catalogueVersion), SQLBind(position),
                    SQLBind(indicator.rollUpRule?.text)
                )
                .onConflict(with: ["code"]) {
                    $0.set(excludedValueOf: "name").set(excludedValueOf: "measure_unit").set(excludedValueOf: "kind")
                        .set(excludedValueOf: "direction").set(excludedValueOf: "field")
                        .set(excludedValueOf: "frequency").set(excludedValueOf: "parent_code")
                        .set(excludedValueOf: "catalogue_version").set(excludedValueOf: "position")
                        .set(excludedValueOf: "roll_up")
                }
                .run()
            try await db.delete(from: "indicator_names").where("indicator_code", .equal, indicator.code).run()
            var keys = Set<String>()
            let insert = db.insert(into: "indicator_names").columns("indicator_code", "name", "name_key")
            for name in indicator.allNames where keys.insert(NameKey(name).rawValue).inserted {
                insert.values(SQLBind(indicator.code), SQLBind(name), SQLBind(NameKey(name).rawValue))
            }
            try await insert.run()
        }
        // Indicators left out of a newer catalogue keep their rows (stored results refer to
        // them) but carry the version they were last seen in.
    }

    /// The stored units whose official code a batch unit carries (of any start day).
    private static func unitsWithCodes(of batch: DataBatch, db: any SQLDatabase) async throws -> [AdministrativeUnit] {
        let codes = Array(Set(batch.units.compactMap(\.item.code)))
        guard !codes.isEmpty else { return [] }
        return try await db.select().column("*").from("units").where("official_code", .in, codes).all()
            .map(RowDecoding.unit)
    }

    private static func insertUnit(_ unit: DataBatch.NewUnit, parentID: UnitID?, db: any SQLDatabase) async throws
        -> UnitID
    {
        let key = NameKey(unit.name)
        let row = try await db.insert(into: "units")
            .columns("kind", "name", "name_key", "folded_key", "parent_id", "official_code", "valid_from", "valid_to")
            .values(
                SQLBind(unit.kind.rawValue), SQLBind(unit.name.precomposedStringWithCanonicalMapping),
                SQLBind(key.rawValue), SQLBind(key.folded), SQLBind(parentID), SQLBind(unit.code),
                SQLBind(unit.validFrom?.iso), SQLBind(unit.validTo?.iso)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: UnitID.self) else {
            throw StoreError.internalFailure("không nhận được mã đơn vị vừa thêm")
        }
        return id
    }

    private static func insertUnits(_ batch: DataBatch, reusing reused: [UnitID: UnitID], db: any SQLDatabase)
        async throws -> [UnitID: UnitID]
    {
        var ids: [UnitID: UnitID] = [:]
        let realID: (UnitID) -> UnitID = { $0 < 0 ? ids[$0]! : $0 }
        for entry in batch.units {
            let unit = entry.item
            // A unit already stored (the registry's) keeps its row and gains the batch's terms and lineage.
            let id: UnitID
            if let stored = reused[unit.provisionalID] {
                id = stored
            } else {
                id = try await insertUnit(unit, parentID: unit.parentID.map(realID), db: db)
            }
            ids[unit.provisionalID] = id
            for predecessor in unit.predecessors {
                try await db.insert(into: "unit_successions").columns("predecessor_id", "successor_id")
                    .values(SQLBind(realID(predecessor)), SQLBind(id)).ignoringConflicts().run()
            }
            for term in unit.terms {
                try await db.insert(into: "committee_terms").columns("unit_id", "number", "from_year", "to_year")
                    .values(SQLBind(id), SQLBind(term.number), SQLBind(term.fromYear), SQLBind(term.toYear))
                    .ignoringConflicts().run()
            }
        }
        return ids
    }
}

enum TargetColumns {
    static let names = [
        "unit_id", "indicator_code", "is_annual", "first_year", "last_year", "measure", "comparator", "value",
        "upper_value", "issuer", "issuer_key", "exceed_margin", "denominator", "note", "updated_at",
    ]

    static func values(_ t: Target, updatedAt: String) -> [StoreValue] {
        let (low, high) = t.bound.values
        return [
            StoreValue(t.unitID), StoreValue(t.indicatorCode), StoreValue(t.isAnnual), StoreValue(t.scope.firstYear),
            StoreValue(t.scope.lastYear), StoreValue(t.measure.rawValue), StoreValue(t.bound.comparatorCode),
            StoreValue(low),
            StoreValue(high), StoreValue(t.issuer), StoreValue(NameKey(t.issuer).rawValue), StoreValue(t.exceedMargin),
            StoreValue(t.denominator), StoreValue(t.note), StoreValue(updatedAt),
        ]
    }
}

enum AuditColumns {
    static let names = [
        "at", "author", "address", "action", "subject", "unit_id", "record_key", "description", "old_value",
        "new_value",
    ]

    static func values(_ e: AuditEntry) -> [StoreValue] {
        [
            StoreValue(e.at), StoreValue(e.author.name), StoreValue(e.author.address), StoreValue(e.action.rawValue),
            StoreValue(e.subject.rawValue), StoreValue(e.unitID), StoreValue(e.recordKey), StoreValue(e.description),
            StoreValue(e.oldValue), StoreValue(e.newValue),
        ]
    }
}

enum ObservationColumns {
    static let names = [
        "unit_id", "indicator_code", "year", "from_month", "to_month", "version", "value", "qualifier", "estimated",
        "stated_percent_of_plan", "stated_growth_percent", "price_basis", "source_document", "span_start", "span_end",
        "excerpt", "entered_by", "recorded_at",
    ]

    static func values(_ o: Observation, recordedAt: String) -> [StoreValue] {
        [
            StoreValue(o.unitID), StoreValue(o.indicatorCode), StoreValue(o.period.year),
            StoreValue(o.period.fromMonth),
            StoreValue(o.period.toMonth), StoreValue(o.version), StoreValue(o.value), StoreValue(o.qualifier?.rawValue),
            StoreValue(o.estimated), StoreValue(o.statedPercentOfPlan), StoreValue(o.statedGrowthPercent),
            StoreValue(o.priceBasis),
            StoreValue(o.source.document), StoreValue(o.source.spanStart), StoreValue(o.source.spanEnd),
            StoreValue(o.source.excerpt), StoreValue(o.source.enteredBy), StoreValue(recordedAt),
        ]
    }
}

extension RandomAccessCollection where Index == Int {
    func chunked(_ size: Int) -> [SubSequence] {
        stride(from: startIndex, to: endIndex, by: size).map { self[$0..<Swift.min($0 + size, endIndex)] }
    }
}

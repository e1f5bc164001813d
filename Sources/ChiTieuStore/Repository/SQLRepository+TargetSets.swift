import ChiTieuCore
import SQLKit

extension SQLRepository {
    public func targetSets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [TargetSet] {
        guard !unitIDs.isEmpty else { return [] }
        return try await database.withSession { db in try await Self.targetSets(unitIDs: unitIDs, years: years, db: db)
        }
    }

    /// Two queries whatever the number of sets: the sets, then all their items.
    static func targetSets(unitIDs: [UnitID], years: ClosedRange<Int>, db: any SQLDatabase) async throws
        -> [TargetSet]
    {
        var sets = try await db.select().column("*").from("target_sets").where("unit_id", .in, unitIDs)
            .where("last_year", .greaterThanOrEqual, years.lowerBound)
            .where("first_year", .lessThanOrEqual, years.upperBound).orderBy("id").all()
            .map(TargetSetRows.set)
        guard !sets.isEmpty else { return [] }
        var items: [TargetSetID: [TargetSet.Item]] = [:]
        for row in try await db.select().column("*").from("target_set_items").where("set_id", .in, sets.map(\.id))
            .orderBy("set_id").orderBy("position").all()
        {
            items[try row.decode(column: "set_id", as: TargetSetID.self), default: []].append(
                try TargetSetRows.item(row))
        }
        for index in sets.indices { sets[index].items = items[sets[index].id, default: []] }
        return sets
    }

    /// Writes the planned sets inside the batch's transaction; a replaced set keeps its ID.
    static func writeTargetSets(_ sets: [TargetSet], realID: (UnitID) -> UnitID, now: String, db: any SQLDatabase)
        async throws
    {
        for var set in sets {
            set.unitID = realID(set.unitID)
            if set.id != 0 {
                try await db.update("target_sets").set("title", to: set.title).set("updated_at", to: now)
                    .where("id", .equal, set.id).run()
                try await db.delete(from: "target_set_items").where("set_id", .equal, set.id).run()
            } else {
                let row = try await db.insert(into: "target_sets")
                    .columns("unit_id", "is_annual", "first_year", "last_year", "title", "updated_at")
                    .values(
                        SQLBind(set.unitID), SQLBind(set.scope.isAnnual), SQLBind(set.scope.firstYear),
                        SQLBind(set.scope.lastYear), SQLBind(set.title), SQLBind(now)
                    ).returning("id").first()
                guard let id = try row?.decode(column: "id", as: TargetSetID.self) else {
                    throw StoreError.internalFailure("không nhận được mã bộ chỉ tiêu vừa thêm")
                }
                set.id = id
            }
            try await insertRows(
                Array(set.items.enumerated()), into: "target_set_items", columns: TargetSetRows.itemColumns, db: db
            ) { offset, item in TargetSetRows.values(item, setID: set.id, position: offset) }
        }
    }
}

private enum TargetSetRows {
    static let itemColumns = [
        "set_id", "position", "number", "number_key", "heading", "indicator_code", "measure", "issuer",
    ]

    static func values(_ item: TargetSet.Item, setID: TargetSetID, position: Int) -> [any SQLExpression] {
        [
            SQLBind(setID), SQLBind(position), SQLBind(item.number), SQLBind(NameKey(item.number).rawValue),
            SQLBind(item.heading), SQLBind(item.indicatorCode), SQLBind(item.measure.rawValue), SQLBind(item.issuer),
        ]
    }

    static func set(_ row: any SQLRow) throws -> TargetSet {
        let first = try row.decode(column: "first_year", as: Int.self)
        let last = try row.decode(column: "last_year", as: Int.self)
        let annual = try row.decode(column: "is_annual", as: Bool.self)
        return TargetSet(
            id: try row.decode(column: "id", as: TargetSetID.self),
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            scope: annual ? .year(first) : .term(from: first, to: last),
            title: try row.decode(column: "title", as: String.self), items: [])
    }

    static func item(_ row: any SQLRow) throws -> TargetSet.Item {
        let measure = try row.decode(column: "measure", as: String.self)
        guard let kind = TargetMeasure(rawValue: measure) else {
            throw StoreError.internalFailure("dạng chỉ tiêu «\(measure)» trong bộ chỉ tiêu không hợp lệ")
        }
        return TargetSet.Item(
            number: try row.decode(column: "number", as: String.self),
            heading: try row.decodeOptional(column: "heading", as: String.self),
            indicatorCode: try row.decode(column: "indicator_code", as: String.self), measure: kind,
            issuer: try row.decode(column: "issuer", as: String.self))
    }
}

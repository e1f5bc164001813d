import ChiTieuCore
import SQLKit

extension SQLRepository {
    public func saveIndicator(_ draft: IndicatorDraft, code: String?, author: ChangeAuthor) async throws -> Indicator {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            let edit = try IndicatorEdit(draft, code: code, catalogue: try await Self.indicators(db))
            let i = edit.indicator
            if edit.isNew {
                try await Self.insertOwnIndicator(i, position: edit.position, db: db)
            } else {
                try await db.update("indicators").set("name", to: i.name).set("measure_unit", to: i.measureUnit)
                    .set("kind", to: i.kind.rawValue).set("direction", to: i.direction.rawValue)
                    .set("field", to: i.field.rawValue).set("frequency", to: i.frequency.rawValue)
                    .set("roll_up", to: i.rollUpRule?.text)
                    .where("code", .equal, i.code).run()
                try await db.delete(from: "indicator_names").where("indicator_code", .equal, i.code).run()
            }
            try await Self.insertNames(of: i, db: db)
            let entry = edit.audit.stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            return i
        }
    }

    /// An own indicator: no catalogue version (a refresh of the standard catalogue leaves it be).
    static func insertOwnIndicator(_ i: Indicator, position: Int, db: any SQLDatabase) async throws {
        try await db.insert(into: "indicators")
            .columns(
                "code", "name", "measure_unit", "kind", "direction", "field", "frequency", "parent_code",
                "catalogue_version", "position", "owner_unit_id", "roll_up"
            )
            .values(
                SQLBind(i.code), SQLBind(i.name), SQLBind(i.measureUnit), SQLBind(i.kind.rawValue),
                SQLBind(i.direction.rawValue), SQLBind(i.field.rawValue), SQLBind(i.frequency.rawValue),
                SQLBind(String?.none), SQLBind(String?.none), SQLBind(position), SQLBind(i.ownerUnitID),
                SQLBind(i.rollUpRule?.text)
            ).run()
    }

    static func insertNames(of i: Indicator, db: any SQLDatabase) async throws {
        let insert = db.insert(into: "indicator_names").columns("indicator_code", "name", "name_key")
        var keys = Set<String>()
        for name in i.allNames where keys.insert(NameKey(name).rawValue).inserted {
            insert.values(SQLBind(i.code), SQLBind(name), SQLBind(NameKey(name).rawValue))
        }
        try await insert.run()
    }
}

import ChiTieuCore
import SQLKit

extension SQLRepository {
    /// Loads the registry in one transaction: nothing, or all of it.
    public func loadRegistry(_ registry: UnitRegistry, author: ChangeAuthor) async throws -> RegistryLoad {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            var plan = RegistryPlan(registry: registry, existing: try await Self.allUnits(db))
            var load = RegistryLoad(adopted: plan.adoptions.count)
            for (id, entry) in plan.adoptions {
                try await db.update("units").set("official_code", to: entry.code)
                    .set("valid_from", to: entry.validFrom?.iso).set("valid_to", to: entry.validTo?.iso)
                    .where("id", .equal, id).run()
            }
            for wave in plan.insertsByDepth where !wave.isEmpty {
                let known = plan.known
                try await Self.insertRows(wave, into: "units", columns: UnitColumns.names, db: db) { entry in
                    UnitColumns.values(entry, parentID: entry.parent.flatMap { known[$0] })
                }
                let ids = try await Self.idsByCodeAndStart(db)
                for entry in wave { plan.known[entry.key] = ids[RegistryPlan.storedKey(entry.code, entry.validFrom)] }
                load.added += wave.count
            }
            let links = registry.links.compactMap { link -> (UnitID, UnitID, Double?)? in
                guard let from = plan.known[link.predecessor], let to = plan.known[link.successor],
                    !plan.existingLinks.contains([from, to])
                else { return nil }
                return (from, to, link.share)
            }
            try await Self.insertRows(
                links, into: "unit_successions", columns: ["predecessor_id", "successor_id", "share", "share_basis"],
                db: db
            ) { [SQLBind($0.0), SQLBind($0.1), SQLBind($0.2), SQLBind($0.2 == nil ? nil : "toàn bộ" as String?)] }
            load.linksAdded = links.count
            if load != RegistryLoad() {
                let entry = AuditEntry.registryLoad(load, version: registry.version)
                    .stamped(realID: { $0 }, author: author, at: now)
                try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry))
                    .run()
            }
            return load
        }
    }

    private static func idsByCodeAndStart(_ db: any SQLDatabase) async throws -> [String: UnitID] {
        let rows = try await db.select().columns("id", "official_code", "valid_from").from("units")
            .where("official_code", .isNot, SQLLiteral.null).all()
        var ids: [String: UnitID] = [:]
        for row in rows {
            let code = try row.decode(column: "official_code", as: String.self)
            let from = try row.decodeOptional(column: "valid_from", as: String.self).flatMap(CalendarDay.init)
            ids[RegistryPlan.storedKey(code, from)] = try row.decode(column: "id", as: UnitID.self)
        }
        return ids
    }
}

enum UnitColumns {
    static let names = [
        "kind", "name", "name_key", "folded_key", "parent_id", "official_code", "valid_from", "valid_to",
    ]

    static func values(_ entry: UnitRegistry.Entry, parentID: UnitID?) -> [any SQLExpression] {
        let key = NameKey(entry.name)
        return [
            SQLBind(entry.kind.rawValue), SQLBind(entry.name.precomposedStringWithCanonicalMapping),
            SQLBind(key.rawValue), SQLBind(key.folded), SQLBind(parentID), SQLBind(entry.code),
            SQLBind(entry.validFrom?.iso), SQLBind(entry.validTo?.iso),
        ]
    }
}

extension AuditEntry {
    static func registryLoad(_ load: RegistryLoad, version: String) -> AuditEntry {
        AuditEntry(
            action: .added, subject: .unit, unitID: nil, recordKey: "danh-muc-don-vi/\(version)",
            description: load.sentence + " Nguồn: \(version).")
    }
}

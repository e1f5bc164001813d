import ChiTieuCore
import SQLKit

/// A target taken out of a plan ("mistakes stick" no more): kept with who removed it and when,
/// so that it can be put back.
public struct RemovedTarget: Sendable, Equatable {
    /// The target as it was; its `id` identifies the removal.
    public var target: Target
    public var removedAt: String
    public var removedBy: String
}

extension StoreError {
    static func notRestorable(_ target: Target) -> StoreError {
        .invalidBatch([
            BatchProblem(
                origin: nil,
                "đã có lại chỉ tiêu kế hoạch \(target.indicatorCode) \(target.scope.label) (\(target.issuer)): sửa giá trị của nó thay vì khôi phục."
            )
        ])
    }
}

private let targetColumns = [
    "unit_id", "indicator_code", "is_annual", "first_year", "last_year", "measure", "comparator", "value",
    "upper_value", "issuer", "issuer_key", "exceed_margin", "denominator", "note", "updated_at",
]

extension SQLRepository {
    /// Inside the batch's transaction: each target moves to `removed_targets`.
    static func removeTargets(_ targets: [Target], author: ChangeAuthor, now: String, db: any SQLDatabase)
        async throws
    {
        let columns = targetColumns.joined(separator: ", ")
        for target in targets {
            try await db.raw(
                """
                INSERT INTO removed_targets (id, \(unsafeRaw: columns), removed_at, removed_by)
                SELECT id, \(unsafeRaw: columns), \(bind: now), \(bind: author.name) FROM targets WHERE id = \(bind: target.id)
                """
            ).run()
            try await db.delete(from: "targets").where("id", .equal, target.id).run()
        }
    }

    public func removedTargets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [RemovedTarget] {
        guard !unitIDs.isEmpty else { return [] }
        return try await database.withSession { db in
            try await db.select().column("*").from("removed_targets").where("unit_id", .in, unitIDs)
                .where("last_year", .greaterThanOrEqual, years.lowerBound)
                .where("first_year", .lessThanOrEqual, years.upperBound)
                .orderBy("removed_at", .descending).all()
                .map {
                    RemovedTarget(
                        target: try RowDecoding.target($0),
                        removedAt: try $0.decode(column: "removed_at", as: String.self),
                        removedBy: try $0.decode(column: "removed_by", as: String.self))
                }
        }
    }

    public func restoreTarget(removedID: TargetID, author: ChangeAuthor) async throws -> Target {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            guard
                let row = try await db.select().column("*").from("removed_targets").where("id", .equal, removedID)
                    .first()
            else {
                throw StoreError.invalidBatch([BatchProblem(origin: nil, "không có chỉ tiêu đã xóa mã \(removedID).")])
            }
            let removed = try RowDecoding.target(row)
            let same = try await db.select().column("id").from("targets").where("unit_id", .equal, removed.unitID)
                .where("indicator_code", .equal, removed.indicatorCode)
                .where("first_year", .equal, removed.scope.firstYear).where("last_year", .equal, removed.scope.lastYear)
                .where("is_annual", .equal, removed.isAnnual).where("measure", .equal, removed.measure.rawValue)
                .where("issuer_key", .equal, NameKey(removed.issuer).rawValue).first()
            if same != nil { throw StoreError.notRestorable(removed) }
            let columns = targetColumns.joined(separator: ", ")
            try await db.raw(
                """
                INSERT INTO targets (\(unsafeRaw: columns))
                SELECT \(unsafeRaw: columns) FROM removed_targets WHERE id = \(bind: removedID)
                """
            ).run()
            try await db.delete(from: "removed_targets").where("id", .equal, removedID).run()
            let entry = RemovedTargetAudit.restored(removed).stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            return removed
        }
    }
}

extension MemoryRepository {
    public func removedTargets(unitIDs: [UnitID], years: ClosedRange<Int>) -> [RemovedTarget] {
        let ids = Set(unitIDs)
        return removed.filter {
            ids.contains($0.target.unitID) && $0.target.scope.lastYear >= years.lowerBound
                && $0.target.scope.firstYear <= years.upperBound
        }.reversed()
    }

    public func restoreTarget(removedID: TargetID, author: ChangeAuthor) throws -> Target {
        guard let index = removed.firstIndex(where: { $0.target.id == removedID }) else {
            throw StoreError.invalidBatch([BatchProblem(origin: nil, "không có chỉ tiêu đã xóa mã \(removedID).")])
        }
        var target = removed[index].target
        if targets(unitIDs: [target.unitID], years: Period.yearRange).contains(where: {
            $0.naturalKey == target.naturalKey
        }) {
            throw StoreError.notRestorable(target)
        }
        removed.remove(at: index)
        let old = target
        target.id = makeID()
        restore(target)
        record(RemovedTargetAudit.restored(old), author: author)
        return target
    }
}

/// The audit entry of a restored target, the same for both repositories.
enum RemovedTargetAudit {
    static func restored(_ t: Target) -> AuditEntry {
        AuditEntry(
            action: .restored, subject: .target, unitID: t.unitID, recordKey: AuditEntry.targetKey(t),
            description: "\(t.indicatorCode), \(t.scope.label) (\(t.issuer))", newValue: AuditEntry.describe(t))
    }
}

import ChiTieuCore
import SQLKit

/// The share of an old unit that went to a new one, from the merger resolution of the Standing
/// Committee of the National Assembly, which states the area and population moved: xã A (new)
/// took 35,2% of xã B (old) by area. Checked: the succession exists, the share lies in (0; 1],
/// and the shares of one predecessor on one basis add up to at most 100%.
public struct ShareChange: Sendable {
    public let predecessorID: UnitID
    public let successorID: UnitID
    public let share: Double
    /// `diện tích`, `dân số`, or a figure's name.
    public let basis: String

    public init(predecessorID: UnitID, successorID: UnitID, share: Double, basis: String) {
        self.predecessorID = predecessorID
        self.successorID = successorID
        self.share = share
        self.basis = basis.trimmingCharacters(in: .whitespaces)
    }

    /// The problems with this change among the predecessor's stored successions.
    func problems(among successions: [UnitSuccession]) -> [BatchProblem] {
        guard successions.contains(where: { $0.successorID == successorID }) else {
            return [BatchProblem(origin: "kế thừa", "đơn vị mới không được lập từ đơn vị cũ này.")]
        }
        var problems: [BatchProblem] = []
        if !share.isFinite || share <= 0 || share > 1 {
            problems.append(BatchProblem(origin: "tỷ lệ", "phải lớn hơn 0% và không quá 100%."))
        }
        if basis.isEmpty {
            problems.append(BatchProblem(origin: "căn cứ", "ghi «diện tích», «dân số» hoặc tên số liệu."))
        }
        let others = successions.filter { $0.successorID != successorID && $0.shareBasis == basis }
            .compactMap(\.share).reduce(0, +)
        if others + share > 1.000_001 {
            problems.append(
                BatchProblem(
                    origin: "tỷ lệ",
                    "cộng với các đơn vị mới khác (\((others * 100).vietnamese)%) vượt 100% theo \(basis)."))
        }
        return problems
    }

    var audit: AuditEntry {
        AuditEntry(
            action: .changed, subject: .unit, unitID: successorID,
            recordKey: "ke-thua/\(predecessorID)/\(successorID)",
            description: "tỷ lệ kế thừa từ đơn vị số \(predecessorID)",
            newValue: "\((share * 100).vietnamese)% theo \(basis)")
    }
}

extension SQLRepository {
    public func setShare(_ change: ShareChange, author: ChangeAuthor) async throws {
        let now = clock.timestamp()
        try await database.transaction { db in
            let rows = try await db.select().columns("predecessor_id", "successor_id", "share", "share_basis")
                .from("unit_successions").where("predecessor_id", .equal, change.predecessorID).all()
            let successions = try rows.map {
                UnitSuccession(
                    predecessorID: try $0.decode(column: "predecessor_id", as: UnitID.self),
                    successorID: try $0.decode(column: "successor_id", as: UnitID.self),
                    share: try $0.decodeOptional(column: "share", as: Double.self),
                    shareBasis: try $0.decodeOptional(column: "share_basis", as: String.self))
            }
            let problems = change.problems(among: successions)
            guard problems.isEmpty else { throw StoreError.invalidBatch(problems) }
            try await db.update("unit_successions").set("share", to: change.share).set("share_basis", to: change.basis)
                .where("predecessor_id", .equal, change.predecessorID).where("successor_id", .equal, change.successorID)
                .run()
            let entry = change.audit.stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
        }
    }
}

extension MemoryRepository {
    public func setShare(_ change: ShareChange, author: ChangeAuthor) throws {
        let successions = successions().filter { $0.predecessorID == change.predecessorID }
        let problems = change.problems(among: successions)
        guard problems.isEmpty else { throw StoreError.invalidBatch(problems) }
        shares[[change.predecessorID, change.successorID]] = change.share
        shareBases[[change.predecessorID, change.successorID]] = change.basis
        record(change.audit, author: author)
    }
}

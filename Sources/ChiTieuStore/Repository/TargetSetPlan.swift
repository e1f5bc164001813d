import ChiTieuCore

/// The target sets a batch writes, checked against the set itself, the batch's targets and the
/// stored ones: every item must name a target of its unit and scope, so that a set never counts
/// a target nobody can see.
struct TargetSetPlan: Sendable {
    /// Sets to write; a set with a stored ID replaces that stored set.
    var toWrite: [TargetSet] = []
    var audit: [AuditEntry] = []
    var problems: [BatchProblem] = []

    init(_ entries: [DataBatch.Entry<TargetSet>], batchTargets: Set<String>, stored: StoredState) {
        var seen: [String: String?] = [:]
        for entry in entries {
            var set = entry.item
            let origin = entry.origin
            problems += set.problems.map { BatchProblem(origin: origin, $0) }
            if !Period.yearRange.contains(set.scope.firstYear) || !Period.yearRange.contains(set.scope.lastYear)
                || set.scope.firstYear > set.scope.lastYear
            {
                problems.append(BatchProblem(origin: origin, "năm \(set.scope.label) của bộ chỉ tiêu không hợp lệ."))
            }
            for item in set.items {
                let key = set.targetKey(of: item)
                guard !batchTargets.contains(key), stored.targets[key] == nil else { continue }
                problems.append(
                    BatchProblem(
                        origin: origin,
                        "mục \(item.number): chưa có chỉ tiêu kế hoạch \(item.indicatorCode) \(set.scope.label) (\(item.issuer)) của đơn vị; nhập kế hoạch trước hoặc cùng lúc."
                    ))
            }
            if let earlier = seen[set.naturalKey] {
                problems.append(
                    BatchProblem(
                        origin: origin,
                        "bộ chỉ tiêu \(set.scope.label) của đơn vị bị trùng\(earlier.map { " với \($0)" } ?? "")."))
                continue
            }
            seen[set.naturalKey] = origin
            let existing = stored.targetSets[set.naturalKey]
            if let existing, existing.title == set.title, existing.items == set.items { continue }
            set.id = existing?.id ?? 0
            toWrite.append(set)
            audit.append(
                AuditEntry(
                    action: existing == nil ? .added : .changed, subject: .targetSet, unitID: set.unitID,
                    recordKey: Self.recordKey(set), description: "\(set.title) (\(set.scope.label))",
                    oldValue: existing.map(Self.describe), newValue: Self.describe(set)))
        }
    }

    static func recordKey(_ set: TargetSet) -> String {
        "bo-chi-tieu/\(set.unitID)/\(set.scope.firstYear)-\(set.scope.lastYear)/\(set.scope.isAnnual ? "nam" : "nhiem-ky")"
    }

    /// "3 chỉ tiêu: 1. total_production_value; 2. …", as the audit trail keeps it.
    static func describe(_ set: TargetSet) -> String {
        "\(set.title) — \(set.items.count) chỉ tiêu: "
            + set.items.map { "\($0.number). \($0.indicatorCode)" }.joined(separator: "; ")
    }
}

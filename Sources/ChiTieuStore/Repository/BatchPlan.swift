import ChiTieuCore
import Foundation

/// What is stored already that a batch must be checked against.
struct StoredState: Sendable {
    var indicatorCodes: Set<String>
    var units: [UnitID: AdministrativeUnit]
    /// Stored targets of the batch's units and years, by natural key.
    var targets: [String: Target]
    /// Latest stored version of each figure of the batch's units and years.
    var latest: [SeriesKey: Observation]
    var conferences: [Conference]
    /// Stored target sets of the batch's units and years, by natural key.
    var targetSets: [String: TargetSet] = [:]
    /// The units each of the batch's stored units went into, by title: «xã Ia Phí».
    var successorTitles: [UnitID: [String]] = [:]

    /// "(đã sáp nhập vào xã Ia Phí)", or the general words when the lineage is unknown.
    func endedWords(_ unit: AdministrativeUnit) -> String {
        guard let titles = successorTitles[unit.id], !titles.isEmpty else { return "(đã giải thể hoặc sáp nhập)" }
        return "(đã sáp nhập vào \(titles.joined(separator: ", ")))"
    }
    /// Stored units with the official code and start day of a batch unit
    /// (`RegistryPlan.storedKey`): the registry's huyện Kông Chro is the demo's.
    var registered: [String: UnitID] = [:]

    /// The `registered` entries for the batch's units with a code, from `lookup`.
    static func registered(for batch: DataBatch, among stored: [AdministrativeUnit]) -> [String: UnitID] {
        let wanted = Set(
            batch.units.compactMap { u in u.item.code.map { RegistryPlan.storedKey($0, u.item.validFrom) } })
        var found: [String: UnitID] = [:]
        for unit in stored {
            guard let code = unit.code else { continue }
            let key = RegistryPlan.storedKey(code, unit.validFrom)
            if wanted.contains(key) { found[key] = unit.id }
        }
        return found
    }
}

/// The rows of a file planned so far: where each target and figure was first given.
struct RowsSeen: Sendable {
    var targets: [String: String?] = [:]
    var series = SeenSeries()
}

/// Where each figure of a file was first given, in about a third of the memory of a
/// dictionary of `SeriesKey`s: a file of millions of results keeps one entry per row.
/// A key is packed into 64 bits (unit 32, indicator's ordinal 12, year since 1900 in 9, months
/// 4 + 4); the rare key that does not fit is kept whole.
struct SeenSeries: Sendable {
    private var packed: [UInt64: String?] = [:]
    private var unpacked: [SeriesKey: String?] = [:]
    private var ordinals: [String: UInt64] = [:]

    /// The origin of the row that gave `key` first (itself nil when that row had none), or nil
    /// when no row did.
    subscript(key: SeriesKey) -> String?? {
        get {
            guard Self.fits(key) else { return unpacked[key] }
            guard let ordinal = ordinals[key.indicatorCode] else {
                return ordinals.count < Self.indicatorLimit ? nil : unpacked[key]
            }
            return packed[Self.bits(key, ordinal: ordinal)]
        }
        set {
            var ordinal = ordinals[key.indicatorCode]
            if ordinal == nil, ordinals.count < Self.indicatorLimit {
                ordinal = UInt64(ordinals.count)
                ordinals[key.indicatorCode] = ordinal
            }
            guard Self.fits(key), let ordinal else { return unpacked[key] = newValue }
            packed[Self.bits(key, ordinal: ordinal)] = newValue
        }
    }

    private static let indicatorLimit = 4096

    private static func fits(_ key: SeriesKey) -> Bool {
        (0..<(1 << 32)).contains(key.unitID) && (0..<512).contains(key.period.year - 1900)
    }

    private static func bits(_ key: SeriesKey, ordinal: UInt64) -> UInt64 {
        UInt64(key.unitID) << 32 | ordinal << 20 | UInt64(key.period.year - 1900) << 8
            | UInt64(key.period.fromMonth - 1) << 4 | UInt64(key.period.toMonth - 1)
    }
}

/// The writes a batch comes down to, after validation against itself and the stored state.
/// Both repositories plan with this, so they accept and refuse exactly the same data.
struct BatchPlan: Sendable {
    var targetsToInsert: [Target] = []
    var targetsToUpdate: [Target] = []
    /// Stored targets to move to `removed_targets`.
    var targetsToRemove: [Target] = []
    var observationsToInsert: [Observation] = []
    var conferencesToInsert: [Conference] = []
    /// Target sets to write; one with a stored ID replaces that set.
    var targetSetsToWrite: [TargetSet] = []
    /// The changes as the audit trail records them, with the batch's provisional unit IDs.
    var audit: [AuditEntry] = []
    var summary = SaveSummary()
    /// Batch units that are stored already (same code and start day): provisional ID → stored ID.
    /// They gain the batch's terms and lineage but are not added again, nor audited as added.
    var reusedUnits: [UnitID: UnitID] = [:]

    init(_ batch: DataBatch, stored: StoredState) throws(StoreError) {
        var seen = RowsSeen()
        try self.init(batch, stored: stored, seen: &seen)
    }

    /// Plans one chunk of a file saved a chunk at a time: `seen` holds the rows of the chunks
    /// before, so a figure given twice in the file is refused wherever the two rows fall.
    init(_ batch: DataBatch, stored: StoredState, seen: inout RowsSeen) throws(StoreError) {
        var problems: [BatchProblem] = []
        let knownCodes = stored.indicatorCodes.union(batch.indicators.map(\.code)).union(
            batch.ownIndicators.map(\.code))
        for indicator in batch.ownIndicators {
            if stored.indicatorCodes.contains(indicator.code) {
                problems.append(
                    BatchProblem(origin: nil, "chỉ tiêu mã \(indicator.code) vừa được người khác thêm; nhập lại."))
            }
            audit.append(
                AuditEntry(
                    action: .added, subject: .indicator, unitID: nil, recordKey: "danh-muc/\(indicator.code)",
                    description: indicator.name, newValue: IndicatorEdit.summary(indicator)))
        }
        var batchUnits: [UnitID: DataBatch.NewUnit] = [:]

        for entry in batch.units {
            let unit = entry.item
            if unit.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(BatchProblem(origin: entry.origin, "tên đơn vị để trống."))
            }
            if let parent = unit.parentID, !Self.exists(parent, stored: stored, batch: batchUnits) {
                problems.append(BatchProblem(origin: entry.origin, "đơn vị cấp trên (mã \(parent)) không tồn tại."))
            }
            if let from = unit.validFrom, let to = unit.validTo, to <= from {
                problems.append(
                    BatchProblem(
                        origin: entry.origin,
                        "ngày kết thúc \(to.vietnamese) không sau ngày bắt đầu \(from.vietnamese)."))
            }
            batchUnits[unit.provisionalID] = unit
            if let code = unit.code, let stored = stored.registered[RegistryPlan.storedKey(code, unit.validFrom)] {
                reusedUnits[unit.provisionalID] = stored
                continue
            }
            audit.append(
                AuditEntry(
                    action: .added, subject: .unit, unitID: unit.provisionalID,
                    recordKey: "don-vi/\(unit.provisionalID)",
                    description: "\(unit.kind.rawValue) \(unit.name)",
                    newValue: unit.parentID.map { parent in
                        let name =
                            parent < 0
                            ? batchUnits[parent].map { "\($0.kind.rawValue) \($0.name)" } : stored.units[parent]?.title
                        return "thuộc " + (name ?? "đơn vị mã \(parent)")
                    } ?? "cấp cao nhất"))
        }

        func checkUnit(_ id: UnitID, period: Period?, origin: String?) {
            guard Self.exists(id, stored: stored, batch: batchUnits) else {
                problems.append(BatchProblem(origin: origin, "đơn vị mã \(id) không tồn tại."))
                return
            }
            if let period, let unit = stored.units[id], !unit.existed(inYear: period.year) {
                problems.append(
                    BatchProblem(
                        origin: origin,
                        "\(unit.title) không còn tồn tại trong \(period.label) \(stored.endedWords(unit))."))
            }
        }

        func checkReferences(_ unit: UnitID, _ code: String, period: Period?, origin: String?) {
            checkUnit(unit, period: period, origin: origin)
            if !knownCodes.contains(code) {
                problems.append(BatchProblem(origin: origin, "chỉ tiêu \"\(code)\" không có trong danh mục."))
            }
        }

        for entry in batch.targets {
            let t = entry.item
            checkReferences(t.unitID, t.indicatorCode, period: nil, origin: entry.origin)
            if let unit = stored.units[t.unitID], !Self.existed(unit, during: t.scope) {
                problems.append(
                    BatchProblem(
                        origin: entry.origin,
                        "\(unit.title) không còn tồn tại trong \(t.scope.label) \(stored.endedWords(unit))."))
            }
            problems += Self.targetProblems(t, origin: entry.origin)
            if let earlier = seen.targets[t.naturalKey] {
                problems.append(Self.duplicate("chỉ tiêu kế hoạch", of: earlier, origin: entry.origin))
                continue
            }
            seen.targets[t.naturalKey] = entry.origin
            if let existing = stored.targets[t.naturalKey] {
                var updated = t
                updated.id = existing.id
                if Self.sameFigures(existing, updated) {
                    summary.targetsUnchanged += 1
                } else {
                    targetsToUpdate.append(updated)
                    summary.targetsUpdated += 1
                    audit.append(Self.auditEntry(.changed, updated, old: existing))
                }
            } else {
                targetsToInsert.append(t)
                summary.targetsAdded += 1
                audit.append(Self.auditEntry(.added, t, old: nil))
            }
        }

        for entry in batch.targetRemovals {
            let t = entry.item
            guard let stored = stored.targets[t.naturalKey], stored.id == t.id, seen.targets[t.naturalKey] == nil else {
                problems.append(
                    BatchProblem(
                        origin: entry.origin,
                        "chỉ tiêu kế hoạch này vừa được người khác sửa hoặc xóa, hoặc cũng đang được sửa; tải lại trang."
                    ))
                continue
            }
            targetsToRemove.append(stored)
            summary.targetsRemoved += 1
            audit.append(Self.auditEntry(.removed, stored, old: stored))
        }

        for entry in batch.observations {
            let o = entry.item
            checkReferences(o.unitID, o.indicatorCode, period: o.period, origin: entry.origin)
            problems += Self.observationProblems(o, origin: entry.origin)
            if let earlier = seen.series[o.seriesKey] {
                problems.append(Self.duplicate("kết quả \(o.period.label)", of: earlier, origin: entry.origin))
                continue
            }
            seen.series[o.seriesKey] = entry.origin
            var incoming = o
            if let stored = stored.latest[o.seriesKey] {
                if stored.hasSameFigures(as: o) {
                    summary.observationsUnchanged += 1
                    continue
                }
                if batch.observationPolicy == .keepExisting, !batch.replacing.contains(o.indicatorCode) {
                    summary.conflicts.append(ObservationConflict(stored: stored, incoming: o, origin: entry.origin))
                    continue
                }
                incoming.version = stored.version + 1
                summary.observationsCorrected += 1
            } else {
                incoming.version = 1
                summary.observationsAdded += 1
            }
            observationsToInsert.append(incoming)
            let previous = stored.latest[o.seriesKey]
            audit.append(
                AuditEntry(
                    action: previous == nil ? .added : .changed, subject: .result, unitID: o.unitID,
                    recordKey: AuditEntry.resultKey(o.seriesKey), description: "\(o.indicatorCode), \(o.period.label)",
                    oldValue: previous.map(AuditEntry.describe), newValue: AuditEntry.describe(incoming)))
        }

        for entry in batch.conferences {
            let c = entry.item
            checkUnit(c.unitID, period: nil, origin: entry.origin)
            if c.number < 1 {
                problems.append(BatchProblem(origin: entry.origin, "số thứ tự hội nghị phải từ 1 trở lên."))
            }
            let duplicate =
                stored.conferences.contains { $0.unitID == c.unitID && $0.number == c.number && $0.term == c.term }
                || conferencesToInsert.contains { $0.unitID == c.unitID && $0.number == c.number && $0.term == c.term }
            if !duplicate {
                conferencesToInsert.append(c)
                summary.conferencesAdded += 1
            }
        }
        for entry in batch.statedTallies {
            checkUnit(entry.item.unitID, period: nil, origin: entry.origin)
        }
        summary.talliesAdded = batch.statedTallies.count
        for entry in batch.targetSets { checkUnit(entry.item.unitID, period: nil, origin: entry.origin) }
        let sets = TargetSetPlan(batch.targetSets, batchTargets: Set(seen.targets.keys), stored: stored)
        problems += sets.problems
        targetSetsToWrite = sets.toWrite
        audit += sets.audit
        summary.targetSetsSaved = sets.toWrite.count
        summary.indicatorsSaved = batch.indicators.count + batch.ownIndicators.count
        summary.unitsAdded = batch.units.count - reusedUnits.count
        if !problems.isEmpty { throw .invalidBatch(problems) }
    }

    private static func auditEntry(_ action: AuditEntry.Action, _ t: Target, old: Target?) -> AuditEntry {
        AuditEntry(
            action: action, subject: .target, unitID: t.unitID, recordKey: AuditEntry.targetKey(t),
            description: "\(t.indicatorCode), \(t.scope.label) (\(t.issuer))", oldValue: old.map(AuditEntry.describe),
            newValue: action == .removed ? nil : AuditEntry.describe(t))
    }

    private static func duplicate(_ what: String, of earlier: String?, origin: String?) -> BatchProblem {
        BatchProblem(origin: origin, "\(what) bị trùng\(earlier.map { " với \($0)" } ?? "").")
    }

    /// A plan needs its unit in its year; a term target, at the start or the end of its term
    /// (a district's 2020–2025 resolution stays, though the district ended in 2025).
    private static func existed(_ unit: AdministrativeUnit, during scope: TargetScope) -> Bool {
        unit.existed(inYear: scope.lastYear) || (!scope.isAnnual && unit.existed(inYear: scope.firstYear))
    }

    private static func exists(_ id: UnitID, stored: StoredState, batch: [UnitID: DataBatch.NewUnit]) -> Bool {
        id < 0 ? batch[id] != nil : stored.units[id] != nil
    }

    private static func sameFigures(_ a: Target, _ b: Target) -> Bool {
        a.bound == b.bound && a.issuer == b.issuer && a.exceedMargin == b.exceedMargin && a.denominator == b.denominator
            && a.note == b.note
    }

    static func targetProblems(_ t: Target, origin: String?) -> [BatchProblem] {
        var problems: [BatchProblem] = []
        let (low, high) = t.bound.values
        if let problem = ([low] + (high.map { [$0] } ?? [])).lazy.compactMap({
            FigureLimits.problem($0, what: "giá trị chỉ tiêu")
        }).first {
            problems.append(BatchProblem(origin: origin, problem + "."))
        }
        if let high, high < low {
            problems.append(
                BatchProblem(origin: origin, "cận dưới \(low.vietnamese) lớn hơn cận trên \(high.vietnamese)."))
        }
        if t.isAnnual, t.measure != .value {
            problems.append(
                BatchProblem(
                    origin: origin,
                    "chỉ tiêu năm chỉ có dạng mức đạt; dạng \"\(t.measure.title)\" dành cho chỉ tiêu nghị quyết nhiệm kỳ."
                ))
        }
        if !Period.yearRange.contains(t.scope.firstYear) || !Period.yearRange.contains(t.scope.lastYear) {
            problems.append(BatchProblem(origin: origin, "năm \(t.scope.label) không hợp lệ."))
        }
        if t.scope.firstYear > t.scope.lastYear {
            problems.append(BatchProblem(origin: origin, "năm đầu giai đoạn sau năm cuối."))
        }
        if let margin = t.exceedMargin, !(margin >= 0 && margin.isFinite) {
            problems.append(BatchProblem(origin: origin, "ngưỡng vượt phải là số không âm."))
        }
        if let d = t.denominator, d <= 0 {
            problems.append(BatchProblem(origin: origin, "tổng số đơn vị phải lớn hơn 0."))
        }
        return problems
    }

    static func observationProblems(_ o: Observation, origin: String?) -> [BatchProblem] {
        var problems: [BatchProblem] = []
        if o.value == nil, o.statedPercentOfPlan == nil {
            problems.append(BatchProblem(origin: origin, "thiếu giá trị kết quả (hoặc tỷ lệ % kế hoạch)."))
        }
        let figures: [(Double?, Double, String)] = [
            (o.value, FigureLimits.largestValue, "giá trị"),
            (o.statedPercentOfPlan, FigureLimits.largestPercent, "tỷ lệ % kế hoạch"),
            (o.statedGrowthPercent, FigureLimits.largestPercent, "tốc độ tăng so cùng kỳ"),
        ]
        for case let (number?, limit, what) in figures {
            if let problem = FigureLimits.problem(number, limit: limit, what: what) {
                problems.append(BatchProblem(origin: origin, problem + "."))
            }
        }
        if let p = o.statedPercentOfPlan, p < 0 {
            problems.append(BatchProblem(origin: origin, "tỷ lệ % kế hoạch không thể âm."))
        }
        return problems
    }
}

import ChiTieuCore
import Foundation

/// A repository held in memory, for tests and throwaway sessions. It validates with the
/// same plan as `SQLRepository`, and applies a batch without suspending, so a batch is
/// written whole or not at all here too.
public actor MemoryRepository: ChiTieuRepository {
    var catalogue: [Indicator] = []
    private var version: String?
    var unitsByID: [UnitID: AdministrativeUnit] = [:]
    /// Share of a predecessor that went to a successor, by [predecessor, successor]; nil = unknown.
    var shares: [[UnitID]: Double?] = [:]
    var shareBases: [[UnitID]: String] = [:]
    var deadlines: [Int: ReportingDeadline] = [:]
    private var terms: [UnitID: [CommitteeTerm]] = [:]
    private var storedTargets: [Target] = []
    private var storedObservations: [Observation] = []
    private var storedConferences: [Conference] = []
    private var storedTallies: [StatedTally] = []
    private var storedSets: [TargetSet] = []
    var removed: [RemovedTarget] = []
    private var audit: [AuditEntry] = []
    var accounts: [(user: UserAccount, hash: String)] = []
    var sessions: [String: (userID: Int64, csrf: String, expiresAt: String)] = [:]
    var failures: [(key: String, at: String)] = []
    var tokens: [(token: APIToken, digest: String)] = []
    var explanations: [ExplanationRequest] = []
    var storedTasks: [FollowUpTask] = []
    var outbox: [OutboxRow] = []
    /// The bytes of task evidence, by [task id, note position].
    var evidenceContent: [[Int64]: [UInt8]] = [:]
    private var nextID: Int64 = 1

    /// The time stamped on saved records, sessions and the audit trail.
    public nonisolated let clock: WallClock

    public init(clock: WallClock = .system) {
        self.clock = clock
    }

    public func indicators() -> [Indicator] { catalogue }
    public func catalogueVersion() -> String? { version }
    public func unit(id: UnitID) -> AdministrativeUnit? { unitsByID[id] }

    public func units(named key: NameKey) -> [AdministrativeUnit] {
        let exact = allUnits().filter { $0.nameKey == key }
        return exact.isEmpty ? allUnits().filter { $0.nameKey.folded == key.folded } : exact
    }

    public func units(code: String) -> [AdministrativeUnit] { allUnits().filter { $0.code == code } }

    public func unitIDsInUse() -> Set<UnitID> {
        var ids = Set(storedTargets.map(\.unitID) + storedObservations.map(\.unitID) + storedConferences.map(\.unitID))
        ids.formUnion(storedTallies.map(\.unitID))
        ids.formUnion(storedSets.map(\.unitID))
        ids.formUnion(terms.filter { !$0.value.isEmpty }.keys)
        ids.formUnion(accounts.compactMap(\.user.unitID))
        ids.formUnion(unitsByID.values.filter { $0.code == nil }.map(\.id))
        return ids
    }

    public func successions() -> [UnitSuccession] {
        allUnits().flatMap { unit in
            unit.successors.map { next in
                let share = shares[[unit.id, next]] ?? nil
                return UnitSuccession(
                    predecessorID: unit.id, successorID: next, share: share,
                    shareBasis: shareBases[[unit.id, next]] ?? (share == nil ? nil : "toàn bộ"))
            }
        }.sorted { ($0.successorID, $0.predecessorID) < ($1.successorID, $1.predecessorID) }
    }

    public func allUnits() -> [AdministrativeUnit] { unitsByID.values.sorted { $0.id < $1.id } }
    public func children(of id: UnitID) -> [AdministrativeUnit] { allUnits().filter { $0.parentID == id } }
    public func committeeTerms(of id: UnitID) -> [CommitteeTerm] { terms[id, default: []] }

    public func targets(unitIDs: [UnitID], years: ClosedRange<Int>) -> [Target] {
        let ids = Set(unitIDs)
        return storedTargets.filter {
            ids.contains($0.unitID) && $0.scope.lastYear >= years.lowerBound && $0.scope.firstYear <= years.upperBound
        }
    }

    public func observations(unitIDs: [UnitID], years: ClosedRange<Int>) -> [Observation] {
        let ids = Set(unitIDs)
        return SQLRepository.latestVersions(
            storedObservations.filter { ids.contains($0.unitID) && years.contains($0.period.year) })
    }

    public func observations(
        unitIDs: [UnitID], codes: Set<String>, years: ClosedRange<Int>, periods: Set<Period>?
    ) -> [Observation] {
        let ids = Set(unitIDs)
        return SQLRepository.latestVersions(
            storedObservations.filter {
                ids.contains($0.unitID) && codes.contains($0.indicatorCode) && years.contains($0.period.year)
                    && periods?.contains($0.period) ?? true
            })
    }

    public func versions(of key: SeriesKey) -> [Observation] {
        storedObservations.filter { $0.seriesKey == key }.sorted { $0.version < $1.version }
    }

    public func conferences(unitID: UnitID) -> [Conference] { storedConferences.filter { $0.unitID == unitID } }
    public func statedTallies(unitID: UnitID) -> [StatedTally] { storedTallies.filter { $0.unitID == unitID } }

    public func targetSets(unitIDs: [UnitID], years: ClosedRange<Int>) -> [TargetSet] {
        let ids = Set(unitIDs)
        return storedSets.filter {
            ids.contains($0.unitID) && $0.scope.lastYear >= years.lowerBound && $0.scope.firstYear <= years.upperBound
        }
    }

    public func save<Chunks: AsyncSequence & Sendable>(chunks: Chunks, dryRun: Bool) async throws -> SaveSummary
    where Chunks.Element == BatchChunk {
        // Checked chunk by chunk as the SQL store does, then written at once: the chunks' rows
        // are distinct figures, so no chunk's plan depends on the writes of one before it.
        var saving = ChunkedSave()
        var plans: [(DataBatch, BatchPlan)] = []
        for try await chunk in chunks {
            if let plan = try saving.plan(chunk, stored: storedState(for: chunk.batch)) {
                plans.append((chunk.batch, plan))
            }
        }
        _ = try saving.finish()
        for (batch, plan) in plans { saving.record(dryRun ? plan.summary : try write(plan, of: batch)) }
        return saving.summary
    }

    public func save(_ batch: DataBatch) throws -> SaveSummary {
        guard !batch.isEmpty else { return SaveSummary() }
        return try write(try BatchPlan(batch, stored: storedState(for: batch)), of: batch)
    }

    private func storedState(for batch: DataBatch) -> StoredState {
        let ids = batch.referencedStoredUnits
        let years = batch.years ?? 0...0
        return StoredState(
            indicatorCodes: Set(catalogue.map(\.code)),
            units: unitsByID.filter { ids.contains($0.key) },
            targets: Dictionary(
                targets(unitIDs: Array(ids), years: years).map { ($0.naturalKey, $0) }, uniquingKeysWith: { a, _ in a }),
            latest: Dictionary(
                observations(unitIDs: Array(ids), years: years).map { ($0.seriesKey, $0) },
                uniquingKeysWith: { a, _ in a }),
            conferences: storedConferences.filter { ids.contains($0.unitID) },
            targetSets: Dictionary(
                targetSets(unitIDs: Array(ids), years: years).map { ($0.naturalKey, $0) },
                uniquingKeysWith: { a, _ in a }),
            successorTitles: Dictionary(
                uniqueKeysWithValues: ids.compactMap { id in
                    unitsByID[id].map { unit in (id, unit.successors.compactMap { unitsByID[$0]?.title }) }
                }),
            registered: StoredState.registered(for: batch, among: Array(unitsByID.values)))
    }

    private func write(_ plan: BatchPlan, of batch: DataBatch) throws -> SaveSummary {
        var summary = plan.summary
        for task in batch.tasks { try checkTask(task) }

        if !batch.indicators.isEmpty {
            var merged = catalogue.filter { old in !batch.indicators.contains { $0.code == old.code } }
            merged.append(contentsOf: batch.indicators)
            let order = Dictionary(batch.indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
            catalogue = merged.sorted { (order[$0.code] ?? Int.max) < (order[$1.code] ?? Int.max) }
            version = batch.catalogueVersion
        }
        catalogue += batch.ownIndicators
        for entry in batch.units {
            let new = entry.item
            let real: (UnitID) -> UnitID = { $0 < 0 ? summary.unitIDs[$0]! : $0 }
            // A unit already stored (the registry's) keeps its row and gains the batch's terms and lineage.
            let reused = plan.reusedUnits[new.provisionalID]
            let id = reused ?? makeID()
            summary.unitIDs[new.provisionalID] = id
            if reused == nil {
                unitsByID[id] = AdministrativeUnit(
                    id: id, kind: new.kind, name: new.name.precomposedStringWithCanonicalMapping,
                    parentID: new.parentID.map(real),
                    code: new.code, validFrom: new.validFrom, validTo: new.validTo)
            }
            for predecessor in new.predecessors where unitsByID[real(predecessor)]?.successors.contains(id) == false {
                unitsByID[real(predecessor)]?.successors.append(id)
            }
            let known = Set(terms[id, default: []].map(\.number))
            terms[id, default: []] += new.terms.filter { !known.contains($0.number) }
        }
        let real: (UnitID) -> UnitID = { $0 < 0 ? summary.unitIDs[$0]! : $0 }
        let now = clock.timestamp()
        for var t in plan.targetsToInsert {
            t.id = makeID()
            t.unitID = real(t.unitID)
            storedTargets.append(t)
        }
        for t in plan.targetsToUpdate {
            if let i = storedTargets.firstIndex(where: { $0.id == t.id }) { storedTargets[i] = t }
        }
        for t in plan.targetsToRemove {
            storedTargets.removeAll { $0.id == t.id }
            removed.append(RemovedTarget(target: t, removedAt: now, removedBy: batch.author.name))
        }
        for var o in plan.observationsToInsert {
            o.id = makeID()
            o.unitID = real(o.unitID)
            o.recordedAt = now
            storedObservations.append(o)
        }
        for var c in plan.conferencesToInsert {
            c.unitID = real(c.unitID)
            storedConferences.append(c)
        }
        for entry in batch.statedTallies {
            var t = entry.item
            t.unitID = real(t.unitID)
            storedTallies.append(t)
        }
        for var set in plan.targetSetsToWrite {
            set.unitID = real(set.unitID)
            if let i = storedSets.firstIndex(where: { $0.id == set.id && set.id != 0 }) {
                storedSets[i] = set
            } else {
                set.id = makeID()
                storedSets.append(set)
            }
        }
        summary.talliesAdded = batch.statedTallies.count
        for entry in plan.audit {
            record(entry.stamped(realID: real, author: batch.author, at: now), author: batch.author)
        }
        for task in batch.tasks { _ = try addTask(task, author: batch.author) }
        summary.tasksAdded = batch.tasks.count
        return summary
    }

    func record(_ entry: AuditEntry, author: ChangeAuthor) {
        var stamped = entry.stamped(realID: { $0 }, author: author, at: entry.at.isEmpty ? clock.timestamp() : entry.at)
        stamped.id = Int64(audit.count + 1)
        audit.append(stamped)
    }

    public func auditTrail(_ query: AuditQuery) -> [AuditEntry] {
        Array(
            audit.reversed().filter {
                (query.unitID == nil || $0.unitID == query.unitID)
                    && (query.recordKey == nil || $0.recordKey == query.recordKey)
            }.prefix(query.limit))
    }

    /// A restored target, back among the stored ones.
    func restore(_ target: Target) { storedTargets.append(target) }

    func makeID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }
}

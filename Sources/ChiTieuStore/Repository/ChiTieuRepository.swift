import ChiTieuCore

/// Where units, the catalogue, targets and results are kept.
///
/// Two implementations: `SQLRepository` (SQLite by default, PostgreSQL for deployments)
/// and `MemoryRepository` for tests and throwaway sessions. Both pass the same test suite.
public protocol ChiTieuRepository: Sendable {
    /// The catalogue, in catalogue order.
    func indicators() async throws -> [Indicator]
    func catalogueVersion() async throws -> String?

    func unit(id: UnitID) async throws -> AdministrativeUnit?
    /// Units whose name has this key (or, failing that, this diacritic-free key).
    func units(named key: NameKey) async throws -> [AdministrativeUnit]
    func allUnits() async throws -> [AdministrativeUnit]
    func children(of id: UnitID) async throws -> [AdministrativeUnit]
    func committeeTerms(of id: UnitID) async throws -> [CommitteeTerm]
    /// Units with this official code (mã đơn vị hành chính), of any time: a code is reused across 2025.
    func units(code: String) async throws -> [AdministrativeUnit]
    /// Adds the national registry's units and lineage that are not stored yet, in one
    /// transaction; stored units without a code take the code of their registry entry.
    /// Adds an own indicator (`code` nil) or changes one, checked against the catalogue in the
    /// same transaction, with an audit entry holding the old and new definition.
    func saveIndicator(_ draft: IndicatorDraft, code: String?, author: ChangeAuthor) async throws -> Indicator
    /// Units with plans, results, conferences, tallies, terms or accounts, and units without an
    /// official code (made by the office): the working set among the registry's 14.000.
    func unitIDsInUse() async throws -> Set<UnitID>
    /// Every succession between units, with its share where known.
    func successions() async throws -> [UnitSuccession]
    /// Records the share of a predecessor that went to a successor (`ShareChange` checks it).
    func setShare(_ change: ShareChange, author: ChangeAuthor) async throws
    func loadRegistry(_ registry: UnitRegistry, author: ChangeAuthor) async throws -> RegistryLoad
    /// The reporting regime's deadlines, by the period's last month.
    func reportingDeadlines() async throws -> [Int: ReportingDeadline]
    /// Sets (or, with `deadline` nil, removes) the deadline of periods ending in `toMonth`.
    func setReportingDeadline(_ deadline: ReportingDeadline?, toMonth: Int, author: ChangeAuthor) async throws

    /// Targets of these units whose years overlap `years`.
    func targets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [Target]
    /// The latest version of each result of these units in `years`.
    func observations(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [Observation]
    /// The latest version of each result of these units for these indicators in `years`, and
    /// only for `periods` when given: what a roll-up or a comparison reads of a province's
    /// hundred communes, not their every figure.
    func observations(unitIDs: [UnitID], codes: Set<String>, years: ClosedRange<Int>, periods: Set<Period>?)
        async throws -> [Observation]
    /// Every version of one figure, oldest first.
    func versions(of key: SeriesKey) async throws -> [Observation]
    func conferences(unitID: UnitID) async throws -> [Conference]
    func statedTallies(unitID: UnitID) async throws -> [StatedTally]
    /// Targets removed from these units whose years overlap `years`, newest first.
    func removedTargets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [RemovedTarget]
    /// Puts a removed target back (refused when a target with the same identity was added since).
    @discardableResult
    func restoreTarget(removedID: TargetID, author: ChangeAuthor) async throws -> Target
    /// Target sets of these units whose years overlap `years`, items in the document's order.
    func targetSets(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [TargetSet]

    /// Validates and writes a batch in one transaction: all of it, or — on any problem —
    /// nothing, with every problem listed in `StoreError.invalidBatch`.
    @discardableResult
    func save(_ batch: DataBatch) async throws -> SaveSummary

    /// Validates and writes a file too big to hold at once, a chunk at a time, in one
    /// transaction: all of it, or — on any problem in any chunk — nothing, with every problem
    /// listed. A dry run checks everything and writes nothing.
    @discardableResult
    func save<Chunks: AsyncSequence & Sendable>(chunks: Chunks, dryRun: Bool) async throws -> SaveSummary
    where Chunks.Element == BatchChunk

    /// Recorded changes, newest first. There is no way to edit or remove them.
    func auditTrail(_ query: AuditQuery) async throws -> [AuditEntry]
}

extension ChiTieuRepository {
    /// The Party committee of a unit with its recorded terms.
    public func committee(of unit: AdministrativeUnit) async throws -> PartyCommittee {
        PartyCommittee(of: unit, terms: try await committeeTerms(of: unit.id))
    }

    public func indicatorsByCode() async throws -> [String: Indicator] {
        Dictionary(try await indicators().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

import ChiTieuCore

/// One part of a file saved a part at a time (`ChiTieuRepository.save(chunks:dryRun:)`): the
/// rows read, and what was wrong in reading them.
public struct BatchChunk: Sendable {
    public var batch: DataBatch
    public var problems: [BatchProblem]

    public init(batch: DataBatch, problems: [BatchProblem] = []) {
        self.batch = batch
        self.problems = problems
    }
}

/// The checking side of saving a file a chunk at a time, the same for every repository: each
/// chunk is planned against what is stored and the rows of the chunks before it; once one row
/// anywhere is wrong, the rest are still checked but nothing more is written, and the end
/// lists every problem so the caller's transaction is rolled back.
struct ChunkedSave {
    private var seen = RowsSeen()
    private var problems: [BatchProblem] = []
    private(set) var summary = SaveSummary()

    /// The writes of `chunk`, or nil when nothing is to be written: the chunk, or one before it,
    /// is wrong.
    mutating func plan(_ chunk: BatchChunk, stored: StoredState) throws(StoreError) -> BatchPlan? {
        problems += chunk.problems
        do {
            let plan = try BatchPlan(chunk.batch, stored: stored, seen: &seen)
            return problems.isEmpty ? plan : nil
        } catch {
            guard case .invalidBatch(let list) = error else { throw error }
            problems += list
            return nil
        }
    }

    /// Counts what a planned chunk wrote (or, on a dry run, would have written).
    mutating func record(_ written: SaveSummary) { summary.add(written) }

    /// The summary of the whole file, or every problem found in it.
    func finish() throws(StoreError) -> SaveSummary {
        if !problems.isEmpty { throw .invalidBatch(problems) }
        return summary
    }
}

extension SaveSummary {
    /// Adds the counts of a later chunk of the same file.
    mutating func add(_ other: SaveSummary) {
        unitIDs.merge(other.unitIDs) { first, _ in first }
        indicatorsSaved += other.indicatorsSaved
        unitsAdded += other.unitsAdded
        targetsAdded += other.targetsAdded
        targetsUpdated += other.targetsUpdated
        targetsUnchanged += other.targetsUnchanged
        targetsRemoved += other.targetsRemoved
        observationsAdded += other.observationsAdded
        observationsCorrected += other.observationsCorrected
        observationsUnchanged += other.observationsUnchanged
        conferencesAdded += other.conferencesAdded
        talliesAdded += other.talliesAdded
        targetSetsSaved += other.targetSetsSaved
        tasksAdded += other.tasksAdded
        conflicts += other.conflicts
    }
}

extension SQLRepository {
    public func save<Chunks: AsyncSequence & Sendable>(chunks: Chunks, dryRun: Bool) async throws -> SaveSummary
    where Chunks.Element == BatchChunk {
        let clock = clock
        return try await database.writerTransaction { db in
            let now = clock.timestamp()
            var saving = ChunkedSave()
            for try await chunk in chunks {
                let stored = try await Self.storedState(for: chunk.batch, db: db)
                guard let plan = try saving.plan(chunk, stored: stored) else { continue }
                saving.record(dryRun ? plan.summary : try await Self.write(plan, of: chunk.batch, at: now, db: db))
            }
            return try saving.finish()
        }
    }
}

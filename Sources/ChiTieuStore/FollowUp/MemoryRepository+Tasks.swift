import ChiTieuCore

extension MemoryRepository {
    public func addTask(_ task: FollowUpTask, author: ChangeAuthor) throws -> FollowUpTask {
        try checkTask(task)
        var stored = task
        stored.indicatorCodes = Array(Set(task.indicatorCodes)).sorted()
        stored.id = Int64(storedTasks.count + 1)
        stored.updates = []
        storedTasks.append(stored)
        record(
            stored.addedEntry, author: author)
        return stored
    }

    /// What `addTask` refuses, checked before a batch writes anything.
    func checkTask(_ task: FollowUpTask) throws {
        guard unitsByID[task.unitID] != nil else { throw StoreError.unitNotFound("\(task.unitID)", suggestions: []) }
        for code in task.indicatorCodes where !catalogue.contains(where: { $0.code == code }) {
            throw StoreError.indicatorNotFound(code)
        }
    }

    public func tasks(unitIDs: [UnitID], years: ClosedRange<Int>) -> [FollowUpTask] {
        let ids = Set(unitIDs)
        return storedTasks.filter { ids.contains($0.unitID) && years.contains($0.deadline.year) }
    }

    public func task(id: FollowUpTask.ID) -> FollowUpTask? { storedTasks.first { $0.id == id } }

    public func addTaskUpdate(
        _ update: FollowUpTask.Update, to id: FollowUpTask.ID, today: CalendarDay, author: ChangeAuthor,
        content: [UInt8]?
    ) throws -> FollowUpTask {
        try TaskEvidenceRules.check(update, content)
        guard let index = storedTasks.firstIndex(where: { $0.id == id }) else { throw StoreError.taskNotFound(id) }
        let task = storedTasks[index]
        if let problem = task.problem(with: update, today: today) { throw StoreError.stepRefused(problem) }
        if update.evidence != nil, let content { evidenceContent[[id, Int64(task.updates.count)]] = content }
        storedTasks[index].updates.append(update)
        record(
            task.entry(for: update, today: today), author: author)
        return storedTasks[index]
    }

    public func taskEvidence(taskID: FollowUpTask.ID, position: Int) -> (Evidence, [UInt8])? {
        guard let task = task(id: taskID), task.updates.indices.contains(position),
            let evidence = task.updates[position].evidence, let content = evidenceContent[[taskID, Int64(position)]]
        else { return nil }
        return (evidence, content)
    }
}

/// What every repository checks of a note's file before storing it.
enum TaskEvidenceRules {
    static func check(_ update: FollowUpTask.Update, _ content: [UInt8]?) throws {
        guard let evidence = update.evidence else { return }
        guard let content, content.count == evidence.size else {
            throw StoreError.internalFailure("tệp căn cứ «\(evidence.name)» không khớp với cỡ đã ghi")
        }
    }
}

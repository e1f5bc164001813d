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
        _ update: FollowUpTask.Update, to id: FollowUpTask.ID, today: CalendarDay, author: ChangeAuthor
    ) throws -> FollowUpTask {
        guard let index = storedTasks.firstIndex(where: { $0.id == id }) else { throw StoreError.taskNotFound(id) }
        let task = storedTasks[index]
        if let problem = task.problem(with: update, today: today) { throw StoreError.stepRefused(problem) }
        storedTasks[index].updates.append(update)
        record(
            task.entry(for: update, today: today), author: author)
        return storedTasks[index]
    }
}

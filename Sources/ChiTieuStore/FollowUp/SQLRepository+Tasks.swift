import ChiTieuCore
import Foundation
import SQLKit

extension SQLRepository {
    public func addTask(_ task: FollowUpTask, author: ChangeAuthor) async throws -> FollowUpTask {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            try await Self.insertTask(task, author: author, now: now, db)
        }
    }

    /// Writes a task and its audit entry inside the caller's transaction.
    static func insertTask(_ task: FollowUpTask, author: ChangeAuthor, now: String, _ db: any SQLDatabase)
        async throws -> FollowUpTask
    {
        var task = task
        task.indicatorCodes = Array(Set(task.indicatorCodes)).sorted()
        guard try await db.select().column("id").from("units").where("id", .equal, task.unitID).first() != nil
        else { throw StoreError.unitNotFound("\(task.unitID)", suggestions: []) }
        for code in task.indicatorCodes
        where try await db.select().column("code").from("indicators").where("code", .equal, code).first() == nil {
            throw StoreError.indicatorNotFound(code)
        }
        let row = try await db.insert(into: "tasks")
            .columns(
                "unit_id", "conference_number", "text", "responsible", "deadline", "deadline_text", "created_by",
                "created_at"
            )
            .values(
                SQLBind(task.unitID), SQLBind(task.conferenceNumber), SQLBind(task.text), SQLBind(task.responsible),
                SQLBind(task.deadline.iso), SQLBind(task.deadlineText), SQLBind(task.createdBy),
                SQLBind(task.createdAt)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else {
            throw StoreError.internalFailure("không nhận được số của nhiệm vụ vừa tạo")
        }
        for code in task.indicatorCodes {
            try await db.insert(into: "task_indicators").columns("task_id", "indicator_code")
                .values(SQLBind(id), SQLBind(code)).run()
        }
        var stored = task
        stored.id = id
        stored.updates = []
        let entry = stored.addedEntry.stamped(realID: { $0 }, author: author, at: now)
        try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
        return stored
    }

    public func tasks(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [FollowUpTask] {
        guard !unitIDs.isEmpty else { return [] }
        return try await database.withSession { db in
            let rows = try await db.select().column("*").from("tasks").where("unit_id", .in, SQLBind.group(unitIDs))
                .where("deadline", .greaterThanOrEqual, "\(years.lowerBound)-01-01")
                .where("deadline", .lessThanOrEqual, "\(years.upperBound)-12-31").orderBy("id").all()
            return try await Self.withDetails(rows.map(Self.task), db)
        }
    }

    public func task(id: FollowUpTask.ID) async throws -> FollowUpTask? {
        try await database.withSession { db in try await Self.task(id: id, db) }
    }

    public func addTaskUpdate(
        _ update: FollowUpTask.Update, to id: FollowUpTask.ID, today: CalendarDay, author: ChangeAuthor,
        content: [UInt8]?
    ) async throws -> FollowUpTask {
        try TaskEvidenceRules.check(update, content)
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            guard var task = try await Self.task(id: id, db) else { throw StoreError.taskNotFound(id) }
            if let problem = task.problem(with: update, today: today) { throw StoreError.stepRefused(problem) }
            try await db.insert(into: "task_updates").columns(
                "task_id", "position", "author", "at", "text", "completed_on"
            )
            .values(
                SQLBind(id), SQLBind(task.updates.count), SQLBind(update.author), SQLBind(update.at),
                SQLBind(update.text), SQLBind(update.completedOn?.iso)
            ).run()
            if let evidence = update.evidence, let content {
                try await db.insert(into: "task_evidence")
                    .columns("task_id", "position", "name", "kind", "size", "content")
                    .values(
                        SQLBind(id), SQLBind(task.updates.count), SQLBind(evidence.name),
                        SQLBind(evidence.kind.rawValue), SQLBind(evidence.size), SQLBind(Data(content))
                    ).run()
            }
            let entry = task.entry(for: update, today: today).stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            task.updates.append(update)
            return task
        }
    }

    public func taskEvidence(taskID: FollowUpTask.ID, position: Int) async throws -> (Evidence, [UInt8])? {
        try await database.withSession { db -> (Evidence, [UInt8])? in
            guard
                let row = try await db.select().column("*").from("task_evidence").where("task_id", .equal, taskID)
                    .where("position", .equal, position).first(),
                let kind = Evidence.Kind(rawValue: try row.decode(column: "kind", as: String.self))
            else { return nil }
            let content = try row.decode(column: "content", as: Data.self)
            return (
                Evidence(
                    name: try row.decode(column: "name", as: String.self), kind: kind,
                    size: try row.decode(column: "size", as: Int.self)), Array(content)
            )
        }
    }

    // MARK: rows

    private static func task(id: FollowUpTask.ID, _ db: any SQLDatabase) async throws -> FollowUpTask? {
        guard let row = try await db.select().column("*").from("tasks").where("id", .equal, id).first() else {
            return nil
        }
        return try await withDetails([try task(row)], db).first
    }

    private static func withDetails(_ tasks: [FollowUpTask], _ db: any SQLDatabase) async throws -> [FollowUpTask] {
        guard !tasks.isEmpty else { return [] }
        let ids = SQLBind.group(tasks.map(\.id))
        var codes: [Int64: [String]] = [:]
        for row in try await db.select().column("*").from("task_indicators").where("task_id", .in, ids)
            .orderBy("indicator_code").all()
        {
            codes[try row.decode(column: "task_id", as: Int64.self), default: []]
                .append(try row.decode(column: "indicator_code", as: String.self))
        }
        var evidence: [[Int64]: Evidence] = [:]
        for row in try await db.select().columns("task_id", "position", "name", "kind", "size").from("task_evidence")
            .where("task_id", .in, ids).all()
        {
            let kind = try row.decode(column: "kind", as: String.self)
            guard let parsed = Evidence.Kind(rawValue: kind) else {
                throw StoreError.internalFailure("loại tệp căn cứ «\(kind)» không đọc được")
            }
            evidence[[
                try row.decode(column: "task_id", as: Int64.self), try row.decode(column: "position", as: Int64.self),
            ]] =
                Evidence(
                    name: try row.decode(column: "name", as: String.self), kind: parsed,
                    size: try row.decode(column: "size", as: Int.self))
        }
        var updates: [Int64: [FollowUpTask.Update]] = [:]
        for row in try await db.select().column("*").from("task_updates").where("task_id", .in, ids)
            .orderBy("task_id").orderBy("position").all()
        {
            let completed = try row.decodeOptional(column: "completed_on", as: String.self)
            let taskID = try row.decode(column: "task_id", as: Int64.self)
            let position = try row.decode(column: "position", as: Int64.self)
            updates[taskID, default: []].append(
                FollowUpTask.Update(
                    author: try row.decode(column: "author", as: String.self),
                    at: try row.decode(column: "at", as: String.self),
                    text: try row.decode(column: "text", as: String.self),
                    completedOn: completed.flatMap(CalendarDay.init), evidence: evidence[[taskID, position]]))
        }
        return tasks.map { task in
            var task = task
            task.indicatorCodes = codes[task.id, default: []]
            task.updates = updates[task.id, default: []]
            return task
        }
    }

    private static func task(_ row: any SQLRow) throws -> FollowUpTask {
        let deadline = try row.decode(column: "deadline", as: String.self)
        guard let day = CalendarDay(deadline) else {
            throw StoreError.internalFailure("hạn nhiệm vụ «\(deadline)» không đọc được")
        }
        return FollowUpTask(
            id: try row.decode(column: "id", as: Int64.self),
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            conferenceNumber: try row.decodeOptional(column: "conference_number", as: Int.self),
            text: try row.decode(column: "text", as: String.self),
            responsible: try row.decode(column: "responsible", as: String.self), deadline: day,
            deadlineText: try row.decodeOptional(column: "deadline_text", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self))
    }
}

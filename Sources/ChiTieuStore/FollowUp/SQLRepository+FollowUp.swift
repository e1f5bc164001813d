import ChiTieuCore
import SQLKit

extension SQLRepository: FollowUpRepository {
    public func addExplanationRequest(
        _ request: ExplanationRequest, author: ChangeAuthor, notices: @escaping MailNotices
    )
        async throws -> ExplanationRequest
    {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            let name = try await Self.indicatorName(request.indicatorCode, db)
            guard try await db.select().column("id").from("units").where("id", .equal, request.unitID).first() != nil
            else { throw StoreError.unitNotFound("\(request.unitID)", suggestions: []) }
            let row = try await db.insert(into: "explanation_requests")
                .columns(
                    "unit_id", "indicator_code", "year", "to_month", "note", "due_on", "requester_id", "requester",
                    "requested_at"
                )
                .values(
                    SQLBind(request.unitID), SQLBind(request.indicatorCode), SQLBind(request.period.year),
                    SQLBind(request.period.toMonth), SQLBind(request.note), SQLBind(request.dueOn.iso),
                    SQLBind(request.requesterID), SQLBind(request.requester), SQLBind(request.requestedAt)
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StoreError.internalFailure("không nhận được số của yêu cầu giải trình vừa tạo")
            }
            var stored = request
            stored.id = id
            stored.steps = []
            let entry = stored.addedEntry(indicatorName: name).stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            _ = try await Self.enqueue(notices(stored), at: now, db)
            return stored
        }
    }

    public func explanationRequests(unitIDs: [UnitID], years: ClosedRange<Int>) async throws -> [ExplanationRequest] {
        guard !unitIDs.isEmpty else { return [] }
        return try await database.withSession { db in
            let rows = try await db.select().column("*").from("explanation_requests")
                .where("unit_id", .in, SQLBind.group(unitIDs))
                .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
                .orderBy("id").all()
            return try await Self.withSteps(rows.map(Self.explanationRequest), db)
        }
    }

    public func explanationRequests(years: ClosedRange<Int>) async throws -> [ExplanationRequest] {
        try await database.withSession { db in
            let rows = try await db.select().column("*").from("explanation_requests")
                .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
                .orderBy("id").all()
            return try await Self.withSteps(rows.map(Self.explanationRequest), db)
        }
    }

    public func explanationRequest(id: ExplanationRequest.ID) async throws -> ExplanationRequest? {
        try await database.withSession { db in
            try await Self.request(id: id, db)
        }
    }

    public func addExplanationStep(
        _ step: ExplanationStep, to id: ExplanationRequest.ID, author: ChangeAuthor, notices: @escaping MailNotices
    ) async throws -> ExplanationRequest {
        let now = clock.timestamp()
        return try await database.writerTransaction { db in
            guard var request = try await Self.request(id: id, db) else { throw StoreError.explanationNotFound(id) }
            if let problem = ExplanationRequest.problem(with: step, after: request) {
                throw StoreError.stepRefused(problem)
            }
            let name = try await Self.indicatorName(request.indicatorCode, db)
            try await db.insert(into: "explanation_steps")
                .columns(
                    "request_id", "position", "kind", "author", "at", "facts", "subjective_causes", "objective_causes",
                    "actions", "expected_result", "comment"
                )
                .values(
                    SQLBind(id), SQLBind(request.steps.count), SQLBind(step.kind.rawValue), SQLBind(step.author),
                    SQLBind(step.at), SQLBind(step.answer?.facts), SQLBind(step.answer?.subjectiveCauses),
                    SQLBind(step.answer?.objectiveCauses), SQLBind(step.answer?.actions),
                    SQLBind(step.answer?.expectedResult), SQLBind(step.comment)
                ).run()
            let entry = request.entry(for: step, indicatorName: name).stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            request.steps.append(step)
            _ = try await Self.enqueue(notices(request), at: now, db)
            return request
        }
    }

    // MARK: rows

    private static func indicatorName(_ code: String, _ db: any SQLDatabase) async throws -> String {
        guard let row = try await db.select().column("name").from("indicators").where("code", .equal, code).first()
        else { throw StoreError.indicatorNotFound(code) }
        return try row.decode(column: "name", as: String.self)
    }

    private static func request(id: ExplanationRequest.ID, _ db: any SQLDatabase) async throws -> ExplanationRequest? {
        guard let row = try await db.select().column("*").from("explanation_requests").where("id", .equal, id).first()
        else { return nil }
        return try await withSteps([try explanationRequest(row)], db).first
    }

    private static func withSteps(_ requests: [ExplanationRequest], _ db: any SQLDatabase) async throws
        -> [ExplanationRequest]
    {
        guard !requests.isEmpty else { return [] }
        let rows = try await db.select().column("*").from("explanation_steps")
            .where("request_id", .in, SQLBind.group(requests.map(\.id))).orderBy("request_id").orderBy("position").all()
        var steps: [ExplanationRequest.ID: [ExplanationStep]] = [:]
        for row in rows {
            steps[try row.decode(column: "request_id", as: Int64.self), default: []].append(try step(row))
        }
        return requests.map { request in
            var request = request
            request.steps = steps[request.id, default: []]
            return request
        }
    }

    private static func explanationRequest(_ row: any SQLRow) throws -> ExplanationRequest {
        let due = try row.decode(column: "due_on", as: String.self)
        guard let dueOn = CalendarDay(due) else {
            throw StoreError.internalFailure("hạn giải trình «\(due)» không đọc được")
        }
        return ExplanationRequest(
            id: try row.decode(column: "id", as: Int64.self),
            unitID: try row.decode(column: "unit_id", as: UnitID.self),
            indicatorCode: try row.decode(column: "indicator_code", as: String.self),
            period: try .yearToDate(
                try row.decode(column: "year", as: Int.self), through: try row.decode(column: "to_month", as: Int.self)),
            note: try row.decode(column: "note", as: String.self), dueOn: dueOn,
            requesterID: try row.decode(column: "requester_id", as: Int64?.self),
            requester: try row.decode(column: "requester", as: String.self),
            requestedAt: try row.decode(column: "requested_at", as: String.self))
    }

    private static func step(_ row: any SQLRow) throws -> ExplanationStep {
        let kind = try row.decode(column: "kind", as: String.self)
        guard let parsed = ExplanationStep.Kind(rawValue: kind) else {
            throw StoreError.internalFailure("bước giải trình «\(kind)» không đọc được")
        }
        var answer: ExplanationAnswer?
        if let facts = try row.decodeOptional(column: "facts", as: String.self) {
            answer = ExplanationAnswer(
                facts: facts,
                subjectiveCauses: try row.decodeOptional(column: "subjective_causes", as: String.self) ?? "",
                objectiveCauses: try row.decodeOptional(column: "objective_causes", as: String.self) ?? "",
                actions: try row.decodeOptional(column: "actions", as: String.self) ?? "",
                expectedResult: try row.decodeOptional(column: "expected_result", as: String.self) ?? "")
        }
        return ExplanationStep(
            kind: parsed, author: try row.decode(column: "author", as: String.self),
            at: try row.decode(column: "at", as: String.self), answer: answer,
            comment: try row.decodeOptional(column: "comment", as: String.self))
    }
}

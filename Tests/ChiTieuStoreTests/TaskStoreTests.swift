import ChiTieuCore
import Testing

@testable import ChiTieuStore

@Suite("Tasks: stored with their targets and progress, completed once, audited")
struct TaskStoreTests {
    static let office = ChangeAuthor(name: "kongchro (trang web)", address: "10.0.0.9")

    @Test(arguments: RepositoryKind.available)
    func aTaskKeepsItsTargetsAndUpdatesAndCompletesOnce(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository)
            var batch = DataBatch()
            let ref = batch.addUnit(.district, "Kông Thử")
            let unit = try #require(try await repository.save(batch).unitIDs[ref])
            let today = try #require(CalendarDay("2026-11-15"))
            let made = try await repository.addTask(
                FollowUpTask(
                    unitID: unit, conferenceNumber: 18, text: "Chỉ đạo công tác thu ngân sách",
                    responsible: "Ủy ban nhân dân huyện", deadline: try #require(CalendarDay("2026-12-31")),
                    deadlineText: "3 tháng cuối năm",
                    indicatorCodes: ["budget_revenue", "total_production_value", "budget_revenue"],
                    createdBy: "kongchro", createdAt: "2026-10-01T02:00:00Z"),
                author: Self.office)
            #expect(made.id > 0)
            #expect(made.indicatorCodes == ["budget_revenue", "total_production_value"])
            _ = try await repository.addTaskUpdate(
                .init(author: "kongchro", at: "2026-11-01T02:00:00Z", text: "Đã thu 80% dự toán"), to: made.id,
                today: today, author: Self.office)
            await #expect(throws: StoreError.stepRefused("Ngày hoàn thành 16/11/2026 chưa đến.")) {
                try await repository.addTaskUpdate(
                    .init(author: "k", at: "t", text: "Xong", completedOn: today.adding(days: 1)), to: made.id,
                    today: today,
                    author: Self.office)
            }
            let done = try await repository.addTaskUpdate(
                .init(
                    author: "kongchro", at: "2026-11-15T02:00:00Z", text: "Vượt dự toán, Báo cáo số 12-BC/UBND",
                    completedOn: today),
                to: made.id, today: today, author: Self.office)
            #expect(done.status(on: today) == .doneOnTime)
            await #expect(throws: StoreError.stepRefused("Nhiệm vụ đã được ghi là hoàn thành.")) {
                try await repository.addTaskUpdate(
                    .init(author: "k", at: "t", text: "Lại xong", completedOn: today), to: made.id, today: today,
                    author: Self.office)
            }
            await #expect(throws: StoreError.taskNotFound(made.id + 50)) {
                try await repository.addTaskUpdate(
                    .init(author: "k", at: "t", text: "x"), to: made.id + 50, today: today, author: Self.office)
            }
            let read = try #require(try await repository.task(id: made.id))
            #expect(read == done)
            #expect(read.deadlineText == "3 tháng cuối năm")
            #expect(read.conferenceNumber == 18)
            #expect(try await repository.tasks(unitIDs: [unit], years: 2026...2026) == [read])
            #expect(try await repository.tasks(unitIDs: [unit], years: 2027...2027).isEmpty)
            let trail = try await repository.auditTrail(AuditQuery(unitID: unit)).filter { $0.subject == .task }
            #expect(trail.map(\.action) == [.changed, .changed, .added])
            #expect(trail.first?.newValue == "Hoàn thành ngày 15/11/2026: Vượt dự toán, Báo cáo số 12-BC/UBND")
            #expect(trail.first?.oldValue == "Đang thực hiện, trong hạn")
            await #expect(throws: StoreError.indicatorNotFound("khong_co")) {
                try await repository.addTask(
                    FollowUpTask(
                        unitID: unit, text: "x", responsible: "y", deadline: today, indicatorCodes: ["khong_co"],
                        createdBy: "k", createdAt: "t"), author: Self.office)
            }
            #expect(try await repository.tasks(unitIDs: [unit], years: 2026...2026).count == 1)
        }
    }

    /// Tasks confirmed from a conference text travel in the batch of its figures: one refused
    /// task (an indicator that does not exist) stores neither the figures nor the other tasks.
    @Test(arguments: RepositoryKind.available)
    func tasksInABatchAreStoredWithItsFiguresOrNotAtAll(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository)
            var units = DataBatch()
            let ref = units.addUnit(.district, "Kông Thử")
            let unit = try #require(try await repository.save(units).unitIDs[ref])
            func task(_ text: String, _ codes: [String] = []) throws -> FollowUpTask {
                FollowUpTask(
                    unitID: unit, text: text, responsible: "Ủy ban nhân dân huyện",
                    deadline: try #require(CalendarDay("2026-12-31")), indicatorCodes: codes, createdBy: "kongchro",
                    createdAt: "2026-10-01T02:00:00Z")
            }
            var bad = DataBatch()
            bad.add(
                Observation(
                    unitID: unit, indicatorCode: "budget_revenue", period: try .yearToDate(2026, through: 9),
                    value: 36.1))
            bad.tasks = [try task("Chỉ đạo thu ngân sách"), try task("Rà soát", ["khong_co_chi_tieu_nay"])]
            await #expect(throws: StoreError.indicatorNotFound("khong_co_chi_tieu_nay")) {
                try await repository.save(bad)
            }
            #expect(try await repository.tasks(unitIDs: [unit], years: 2026...2026).isEmpty)
            #expect(try await repository.observations(unitIDs: [unit], years: 2026...2026).isEmpty)

            bad.tasks = [try task("Chỉ đạo thu ngân sách", ["budget_revenue"])]
            let summary = try await repository.save(bad)
            #expect(summary.tasksAdded == 1 && summary.observationsAdded == 1)
            #expect(
                try await repository.tasks(unitIDs: [unit], years: 2026...2026).map(\.text) == ["Chỉ đạo thu ngân sách"]
            )
        }
    }

    /// A note's file is kept byte for byte beside it, on every backend, and listing tasks reads
    /// only its name, kind and size.
    @Test(arguments: RepositoryKind.available)
    func aNoteKeepsItsEvidenceFileByteForByte(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository)
            var batch = DataBatch()
            let ref = batch.addUnit(.district, "Kông Thử")
            let unit = try #require(try await repository.save(batch).unitIDs[ref])
            let made = try await repository.addTask(
                FollowUpTask(
                    unitID: unit, text: "Chỉ đạo thu ngân sách", responsible: "UBND huyện",
                    deadline: try #require(CalendarDay("2026-12-31")), createdBy: "k", createdAt: "2026-10-01T02:00:00Z"
                ),
                author: Self.office)
            let bytes = Array("%PDF-1.7\n".utf8) + (0..<2000).map { UInt8($0 % 256) }
            let evidence = try Evidence.check(name: "Báo cáo 12-BC.pdf", bytes: bytes)
            let today = try #require(CalendarDay("2026-11-15"))
            _ = try await repository.addTaskUpdate(
                .init(author: "k", at: "2026-11-01T02:00:00Z", text: "Đã thu 80% dự toán"), to: made.id, today: today,
                author: Self.office)
            let updated = try await repository.addTaskUpdate(
                .init(author: "k", at: "2026-11-02T02:00:00Z", text: "Báo cáo kết quả", evidence: evidence),
                to: made.id,
                today: today, author: Self.office, content: bytes)
            #expect(updated.updates.map(\.evidence) == [nil, evidence])
            let read = try #require(try await repository.task(id: made.id))
            #expect(read.updates.map(\.evidence) == [nil, evidence])
            let stored = try #require(try await repository.taskEvidence(taskID: made.id, position: 1))
            #expect(stored.0 == evidence)
            #expect(stored.1 == bytes)
            #expect(try await repository.taskEvidence(taskID: made.id, position: 0) == nil)
            await #expect(throws: StoreError.self) {
                try await repository.addTaskUpdate(
                    .init(author: "k", at: "t", text: "Thiếu tệp", evidence: evidence), to: made.id, today: today,
                    author: Self.office, content: nil)
            }
            #expect(try await repository.task(id: made.id)?.updates.count == 2, "nothing written for the refused note")
        }
    }
}

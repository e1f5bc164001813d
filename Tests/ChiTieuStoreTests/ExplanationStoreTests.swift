import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Requests keep their whole thread, in order, on every backend; a step out of turn is refused
/// in the write's transaction; every step is in the audit trail.
@Suite("Explanation requests: the thread, refusals and the audit trail")
struct ExplanationStoreTests {
    static let leader = ChangeAuthor(name: "quantri (trang web)", address: "10.0.0.2")
    static let clerk = ChangeAuthor(name: "iathu (trang web)", address: "10.0.0.9")
    static let answer = ExplanationAnswer(
        facts: "Thu ngân sách 9 tháng đạt 41% dự toán.", subjectiveCauses: "Chậm đôn đốc thu nợ thuế.",
        objectiveCauses: "Giá nông sản giảm.", actions: "Lập tổ đôn đốc thu.", expectedResult: "Cả năm đạt 95%.")

    @Test(arguments: RepositoryKind.available)
    func aThreadIsKeptInOrderRefusesStepsOutOfTurnAndIsAudited(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository)
            var batch = DataBatch()
            let ref = batch.addUnit(.commune, "Ia Thử")
            let unit = try #require(try await repository.save(batch).unitIDs[ref])
            let asked = try await repository.addExplanationRequest(
                ExplanationRequest(
                    unitID: unit, indicatorCode: "budget_revenue", period: try .yearToDate(2026, through: 9),
                    note: "Làm rõ nguyên nhân thu ngân sách đạt thấp", dueOn: try #require(CalendarDay("2026-10-20")),
                    requesterID: nil, requester: "quantri", requestedAt: "2026-10-05T02:00:00Z"),
                author: Self.leader)
            #expect(asked.id > 0)
            #expect(asked.recordedState == .requested)

            func step(_ kind: ExplanationStep.Kind, _ answer: ExplanationAnswer? = nil, comment: String? = nil)
                async throws -> ExplanationRequest
            {
                try await repository.addExplanationStep(
                    ExplanationStep(
                        kind: kind, author: "iathu", at: "2026-10-10T03:00:00Z", answer: answer, comment: comment),
                    to: asked.id, author: kind == .answer ? Self.clerk : Self.leader)
            }
            await #expect(throws: StoreError.stepRefused("Đơn vị chưa gửi giải trình để xem xét.")) {
                try await step(.accept)
            }
            #expect(try await step(.answer, Self.answer).recordedState == .answered)
            await #expect(throws: StoreError.stepRefused("Đơn vị đã giải trình; chờ người yêu cầu xem xét.")) {
                try await step(.answer, Self.answer)
            }
            await #expect(throws: StoreError.stepRefused("Hãy ghi lý do trả lại để đơn vị giải trình lại.")) {
                try await step(.return, comment: "  ")
            }
            #expect(try await step(.return, comment: "Chưa nêu rõ số nợ thuế.").recordedState == .returned)
            var thin = Self.answer
            thin.actions = ""
            await #expect(throws: StoreError.stepRefused("Chưa nêu giải pháp khắc phục.")) {
                try await step(.answer, thin)
            }
            var second = Self.answer
            second.facts = "Nợ thuế còn 2,1 tỷ đồng, đã thu 0,4 tỷ đồng."
            _ = try await step(.answer, second)
            let accepted = try await step(.accept)
            #expect(accepted.recordedState == .accepted)
            await #expect(throws: StoreError.stepRefused("Giải trình đã được chấp nhận.")) {
                try await step(.return, comment: "Xem lại")
            }

            let read = try #require(try await repository.explanationRequest(id: asked.id))
            #expect(read == accepted)
            #expect(read.steps.map(\.kind) == [.answer, .return, .answer, .accept])
            #expect(read.acceptedAnswer == second)
            #expect(read.dueOn == CalendarDay("2026-10-20"))
            #expect(try await repository.explanationRequests(unitIDs: [unit], years: 2026...2026) == [read])
            #expect(try await repository.explanationRequests(unitIDs: [unit], years: 2025...2025).isEmpty)
            #expect(try await repository.explanationRequests(years: 2025...2026) == [read])
            #expect(try await repository.explanationRequests(years: 2027...2027).isEmpty)
            #expect(try await repository.explanationRequests(unitIDs: [unit + 1], years: 2026...2026).isEmpty)
            await #expect(throws: StoreError.explanationNotFound(asked.id + 100)) {
                try await repository.addExplanationStep(
                    ExplanationStep(kind: .accept, author: "x", at: "t"), to: asked.id + 100, author: Self.leader)
            }

            let trail = try await repository.auditTrail(AuditQuery(unitID: unit)).filter { $0.subject == .explanation }
            #expect(trail.count == 5, "the request and four steps; refused steps leave nothing")
            #expect(trail.map(\.action) == [.changed, .changed, .changed, .changed, .added])
            #expect(trail.first?.newValue == "Chấp nhận")
            #expect(trail.last?.newValue == "Làm rõ nguyên nhân thu ngân sách đạt thấp (hạn 20/10/2026)")
            #expect(trail.last?.author == Self.leader)
            #expect(trail[3].author == Self.clerk)
            #expect(
                trail.last?.description
                    == "Yêu cầu giải trình số \(asked.id): Thu ngân sách nhà nước trên địa bàn, 9 tháng năm 2026")
            #expect(trail.allSatisfy { $0.years == 2026...2026 })
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aRequestForAnUnknownIndicatorOrUnitIsRefused(kind: RepositoryKind) async throws {
        try await kind.withRepository { base in
            let repository = try #require(base as? any ChiTieuRepository & FollowUpRepository)
            let request = ExplanationRequest(
                unitID: 404, indicatorCode: "budget_revenue", period: try .yearToDate(2026, through: 9), note: "x",
                dueOn: try #require(CalendarDay("2026-10-20")), requesterID: nil, requester: "quantri",
                requestedAt: "2026-10-05T02:00:00Z")
            await #expect(throws: StoreError.unitNotFound("404", suggestions: [])) {
                try await repository.addExplanationRequest(request, author: Self.leader)
            }
            var unknown = request
            unknown.indicatorCode = "khong_co"
            await #expect(throws: StoreError.indicatorNotFound("khong_co")) {
                try await repository.addExplanationRequest(unknown, author: Self.leader)
            }
            #expect(try await repository.auditTrail(AuditQuery()).filter { $0.subject == .explanation }.isEmpty)
        }
    }
}

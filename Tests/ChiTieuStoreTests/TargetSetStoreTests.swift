import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Target sets are stored with their targets in one batch, replaced whole, audited, and refused
/// with nothing written when an item names no target or two items share a number.
@Suite struct TargetSetStoreTests {
    static let title = "Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030"

    /// A commune, two of its resolution targets and the set listing them, in one batch.
    static func batch() -> (DataBatch, TargetSet) {
        var batch = DataBatch()
        let commune = batch.addUnit(.commune, "Ia Thử")
        let scope = TargetScope.term(from: 2025, to: 2030)
        let income = Target(
            unitID: commune, indicatorCode: "income_per_capita", scope: scope, bound: .atLeast(70),
            issuer: "nghị quyết")
        let poverty = Target(
            unitID: commune, indicatorCode: "poverty_rate", scope: scope, measure: .averageReduction,
            bound: .atLeast(1.5), issuer: "nghị quyết")
        batch.add(income, origin: "dòng 2")
        batch.add(poverty, origin: "dòng 3")
        let set = TargetSet(
            unitID: commune, scope: scope, title: title,
            items: [
                .init(poverty, number: "1", heading: "I. VỀ KINH TẾ - XÃ HỘI"),
                .init(income, number: "2"),
            ])
        batch.add(set, origin: "bộ chỉ tiêu")
        return (batch, set)
    }

    @Test(arguments: RepositoryKind.available)
    func aSetIsStoredInItsOrderAndReplacedWhole(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            let (batch, set) = Self.batch()
            let summary = try await repository.save(batch)
            #expect(summary.targetSetsSaved == 1 && summary.targetsAdded == 2)
            #expect(summary.sentence.contains("1 bộ chỉ tiêu"))
            let unit = try #require(summary.unitIDs[-1])
            let stored = try await repository.targetSets(unitIDs: [unit], years: 2026...2026)
            #expect(stored.count == 1)
            #expect(stored.first?.title == Self.title)
            #expect(stored.first?.scope == .term(from: 2025, to: 2030))
            #expect(stored.first?.items.map(\.number) == ["1", "2"])
            #expect(stored.first?.items.map(\.indicatorCode) == ["poverty_rate", "income_per_capita"])
            #expect(stored.first?.items.first?.measure == .averageReduction)
            #expect(stored.first?.items.first?.heading == "I. VỀ KINH TẾ - XÃ HỘI")
            #expect(try await repository.targetSets(unitIDs: [unit], years: 2031...2035).isEmpty)
            #expect(try await repository.unitIDsInUse().contains(unit))

            // The same set again changes nothing; a renumbered one replaces it, keeping one set.
            var same = DataBatch()
            var again = set
            again.unitID = unit
            same.add(again)
            #expect(try await repository.save(same).targetSetsSaved == 0)
            var renumbered = DataBatch()
            again.items = [again.items[1], again.items[0]]
            again.items[0].number = "1"
            again.items[1].number = "2"
            renumbered.add(again)
            #expect(try await repository.save(renumbered).targetSetsSaved == 1)
            let replaced = try await repository.targetSets(unitIDs: [unit], years: 2025...2030)
            #expect(replaced.map(\.id) == stored.map(\.id))
            #expect(replaced.first?.items.map(\.indicatorCode) == ["income_per_capita", "poverty_rate"])
            let trail = try await repository.auditTrail(AuditQuery(unitID: unit)).filter { $0.subject == .targetSet }
            #expect(trail.map(\.action) == [.changed, .added])
            #expect(trail.first?.oldValue?.hasSuffix("2 chỉ tiêu: 1. poverty_rate; 2. income_per_capita") == true)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aSetNamingNoTargetOrNumberedTwiceIsRefusedWithNothingWritten(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var (batch, set) = Self.batch()
            set.items.append(.init(number: "2", indicatorCode: "new_party_members"))
            batch.add(set, origin: "bộ chỉ tiêu (lần 2)")
            let before = try await repository.snapshot()
            do {
                try await repository.save(batch)
                Issue.record("a bad set was saved")
            } catch StoreError.invalidBatch(let problems) {
                let lines = problems.map(\.message)
                #expect(
                    lines.contains {
                        $0.contains("số thứ tự «2» dùng cho hai mục (mục thứ 2 và mục thứ 3)")
                    })
                #expect(
                    lines.contains {
                        $0.contains("mục 2: chưa có chỉ tiêu kế hoạch new_party_members giai đoạn 2025 - 2030")
                    })
                #expect(lines.contains { $0.contains("bị trùng với bộ chỉ tiêu") })
            }
            #expect(try await repository.snapshot() == before)
        }
    }
}

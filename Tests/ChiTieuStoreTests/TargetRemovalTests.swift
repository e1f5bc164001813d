import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// A removed target is kept aside, audited, and can be put back unless it was added again.
@Suite struct TargetRemovalTests {
    @Test(arguments: RepositoryKind.available)
    func aRemovedTargetIsKeptAndRestoredOnce(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var batch = DataBatch()
            let unit = batch.addUnit(.commune, "Ia Thử")
            batch.add(
                Target(
                    unitID: unit, indicatorCode: "poverty_rate", scope: .year(2025), bound: .atMost(4.2),
                    issuer: "kế hoạch"))
            let id = try #require(try await repository.save(batch).unitIDs[unit])
            let stored = try #require(try await repository.targets(unitIDs: [id], years: 2025...2025).first)

            var removal = DataBatch()
            removal.remove(stored)
            removal.author = ChangeAuthor(name: "Thư ký")
            #expect(try await repository.save(removal).targetsRemoved == 1)
            #expect(try await repository.targets(unitIDs: [id], years: 2025...2025).isEmpty)
            let removed = try await repository.removedTargets(unitIDs: [id], years: 2025...2025)
            #expect(removed.map(\.target.bound) == [.atMost(4.2)])
            #expect(removed.first?.removedBy == "Thư ký")
            // Removing it again (a second tab) is refused with nothing written.
            await expectRefusal("vừa được người khác sửa hoặc xóa") { try await repository.save(removal) }

            let back = try await repository.restoreTarget(removedID: removed[0].target.id, author: .commandLine)
            #expect(back.bound == .atMost(4.2))
            #expect(try await repository.targets(unitIDs: [id], years: 2025...2025).map(\.bound) == [.atMost(4.2)])
            #expect(try await repository.removedTargets(unitIDs: [id], years: 2025...2025).isEmpty)
            let trail = try await repository.auditTrail(AuditQuery(recordKey: AuditEntry.targetKey(stored)))
            #expect(trail.map(\.action) == [.restored, .removed, .added])
            #expect(trail[1].oldValue == "≤ 4,2" && trail[1].newValue == nil)

            // Removed again, then typed in anew: the old one can no longer come back.
            var again = DataBatch()
            again.remove(try #require(try await repository.targets(unitIDs: [id], years: 2025...2025).first))
            try await repository.save(again)
            var retyped = DataBatch()
            retyped.add(Target(unitID: id, indicatorCode: "poverty_rate", scope: .year(2025), bound: .atMost(4)))
            try await repository.save(retyped)
            let old = try #require(try await repository.removedTargets(unitIDs: [id], years: 2025...2025).first)
            do {
                try await repository.restoreTarget(removedID: old.target.id, author: .commandLine)
                Issue.record("a removed target came back over a newer one")
            } catch StoreError.invalidBatch(let problems) {
                #expect(problems.first?.message.contains("sửa giá trị của nó thay vì khôi phục") == true)
            }
            #expect(try await repository.targets(unitIDs: [id], years: 2025...2025).map(\.bound) == [.atMost(4)])
        }
    }
}

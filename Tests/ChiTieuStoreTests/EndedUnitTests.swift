import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Figures for a unit after it ended are refused naming where it went.
@Suite struct EndedUnitTests {
    @Test(arguments: RepositoryKind.available)
    func aFigureAfterTheMergerNamesTheUnitItWentInto(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var units = DataBatch()
            let old = units.addUnit(.commune, "Ia Thử Cũ", validTo: .reform2025)
            units.addUnit(.commune, "Ia Thử Mới", validFrom: .reform2025, predecessors: [old])
            let ids = try await repository.save(units).unitIDs
            let oldID = try #require(ids[old])
            var late = DataBatch()
            late.add(
                Observation(
                    unitID: oldID, indicatorCode: "budget_revenue", period: try Period.yearToDate(2026, through: 6),
                    value: 5))
            await expectRefusal(
                "xã Ia Thử Cũ không còn tồn tại trong 6 tháng đầu năm 2026 (đã sáp nhập vào xã Ia Thử Mới)."
            ) {
                try await repository.save(late)
            }
            var plan = DataBatch()
            plan.add(Target(unitID: oldID, indicatorCode: "budget_revenue", scope: .year(2026), bound: .atLeast(9)))
            await expectRefusal("xã Ia Thử Cũ không còn tồn tại trong năm 2026 (đã sáp nhập vào xã Ia Thử Mới).") {
                try await repository.save(plan)
            }
        }
    }
}

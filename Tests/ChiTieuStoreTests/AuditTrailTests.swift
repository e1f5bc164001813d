import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Every change to units, targets and results is recorded with who, when, where, old and new.
@Suite struct AuditTrailTests {
    func unitWithCatalogue(_ kind: RepositoryKind) async throws
        -> (repository: any ChiTieuRepository, unit: UnitID, close: @Sendable () async -> Void)
    {
        let (repository, close) = try await kind.withCatalogue()
        var batch = DataBatch()
        batch.author = ChangeAuthor(name: "Nguyễn Văn An", address: "10.0.0.7")
        let unit = batch.addUnit(.commune, "Ia Thử")
        let id = try #require(try await repository.save(batch).unitIDs[unit])
        return (repository, id, close)
    }

    @Test(arguments: RepositoryKind.available)
    func resultsAndTargetsRecordOldAndNewValues(kind: RepositoryKind) async throws {
        let (repository, unit, close) = try await unitWithCatalogue(kind)
        let figure = SeriesKey(unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9))
        for (author, value) in [("Trần Thị Bình", 35.33), ("Lê Văn Cường", 36.1)] {
            var batch = DataBatch()
            batch.author = ChangeAuthor(name: author, address: "192.168.1.20")
            batch.add(Observation(unitID: unit, indicatorCode: "budget_revenue", period: figure.period, value: value))
            batch.add(
                Target(unitID: unit, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(value - 10)))
            try await repository.save(batch)
        }
        let history = try await repository.auditTrail(AuditQuery(recordKey: AuditEntry.recordKey(of: figure)))
        #expect(history.map(\.author.name) == ["Lê Văn Cường", "Trần Thị Bình"])
        #expect(history.map(\.action) == [.changed, .added])
        #expect(history[0].oldValue == "35,33")
        #expect(history[0].newValue == "36,1")
        #expect(history[0].author.address == "192.168.1.20")
        #expect(history[0].subject == .result)
        #expect(!history[0].at.isEmpty)

        let all = try await repository.auditTrail(AuditQuery(unitID: unit))
        #expect(all.count == 5)
        let target = try #require(all.first { $0.subject == .target && $0.action == .changed })
        #expect(target.oldValue == "≥ 25,33")
        #expect(target.newValue == "≥ 26,1")
        let creation = try #require(all.last)
        #expect(creation.subject == .unit)
        #expect(creation.author == ChangeAuthor(name: "Nguyễn Văn An", address: "10.0.0.7"))
        #expect(creation.recordKey == "don-vi/\(unit)")
        #expect(creation.newValue == "cấp cao nhất")
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func unchangedAndRefusedBatchesRecordNothing(kind: RepositoryKind) async throws {
        let (repository, unit, close) = try await unitWithCatalogue(kind)
        var batch = DataBatch()
        batch.add(Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 6), value: 622))
        try await repository.save(batch)
        try await repository.save(batch)
        var refused = DataBatch()
        refused.add(Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 9), value: 900))
        refused.add(Observation(unitID: unit, indicatorCode: "khong_co", period: period(2024, 9), value: 1))
        await expectRefusal("chỉ tiêu \"khong_co\" không có trong danh mục") { try await repository.save(refused) }
        #expect(try await repository.auditTrail(AuditQuery(unitID: unit)).count == 2)
        await close()
    }

    /// Two people save the same figure at the same moment: both values stay in the history.
    @Test(arguments: RepositoryKind.available)
    func concurrentEditsOfOneFigureKeepBothVersions(kind: RepositoryKind) async throws {
        let (repository, unit, close) = try await unitWithCatalogue(kind)
        let figure = SeriesKey(unitID: unit, indicatorCode: "total_production_value", period: period(2024, 9))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (n, value) in [4790.86, 4800.5].enumerated() {
                group.addTask {
                    var batch = DataBatch()
                    batch.author = ChangeAuthor(name: "người nhập \(n + 1)")
                    batch.add(
                        Observation(
                            unitID: unit, indicatorCode: figure.indicatorCode, period: figure.period, value: value))
                    try await repository.save(batch)
                }
            }
            try await group.waitForAll()
        }
        let versions = try await repository.versions(of: figure)
        #expect(versions.map(\.version) == [1, 2])
        #expect(Set(versions.compactMap(\.value)) == [4790.86, 4800.5])
        let history = try await repository.auditTrail(AuditQuery(recordKey: AuditEntry.recordKey(of: figure)))
        #expect(Set(history.map(\.author.name)) == ["người nhập 1", "người nhập 2"])
        await close()
    }
}

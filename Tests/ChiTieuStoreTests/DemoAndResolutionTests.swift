import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// The demo data set, and finding units by the names people type.
@Suite struct DemoDataTests {
    private func demo(_ kind: RepositoryKind) async throws -> (any ChiTieuRepository, @Sendable () async -> Void) {
        let (repository, close) = try await kind.withCatalogue()
        try await repository.save(DemoDataSet.batch())
        return (repository, close)
    }

    private func overview(_ repository: any ChiTieuRepository, _ name: String, _ year: Int, _ month: Int) async throws
        -> Overview
    {
        let p = period(year, month)
        let unit = try await UnitResolver(repository: repository).resolve(name, on: p.endDay)
        return try await UnitReview(repository: repository).overview(of: unit, period: p)
    }

    @Test(arguments: RepositoryKind.available)
    func kongChroNineMonths2024MatchesTheReport(kind: RepositoryKind) async throws {
        let (repository, close) = try await demo(kind)
        let overview = try await overview(repository, "Kông Chro", 2024, 9)
        let production = try #require(overview.annual.first { $0.target.indicatorCode == "total_production_value" })
        #expect(production.value == 4790.86)
        #expect(production.percentOfPlan!.rounded(places: 2) == 70.76)
        #expect(production.growthPercent!.rounded(places: 2) == 3.81)
        #expect(production.estimated)
        #expect(production.status == .atRisk)
        let budget = try #require(overview.annual.first { $0.target.indicatorCode == "budget_revenue" })
        #expect(budget.percentOfPlan!.rounded(places: 2) == 142.46)
        #expect(budget.status == .onTrack)
        #expect(overview.tally == tally(onTrack: 3, atRisk: 3, offTrack: 1, unassessed: 2))
        #expect(overview.term.count == 3)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func kongChroYearEnd2023HasATally(kind: RepositoryKind) async throws {
        let (repository, close) = try await demo(kind)
        let overview = try await overview(repository, "huyện Kông Chro", 2023, 12)
        #expect(overview.tally == tally(exceeded: 4, met: 2, missed: 2, unassessed: 1))
        #expect(
            overview.tally.sentence.hasPrefix(
                "Trong tổng 9 chỉ tiêu đã có 04 chỉ tiêu vượt kế hoạch, 02 chỉ tiêu đạt kế hoạch"))
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func otherSeedUnitsAreThere(kind: RepositoryKind) async throws {
        let (repository, close) = try await demo(kind)
        let anKhe = try await overview(repository, "thị xã An Khê", 2023, 6)
        #expect(anKhe.annual.map { $0.percentOfPlan!.rounded(places: 2) }.sorted() == [26.6, 52.13, 52.44])
        let choDon2025 = try await overview(repository, "Chợ Đồn", 2025, 12)
        #expect(choDon2025.annual.count == 13)
        let choDon = try await UnitResolver(repository: repository).resolve("Chợ Đồn")
        let tallies = try await repository.statedTallies(unitID: choDon.id)
        #expect(tallies.first?.total == 42)
        let conferences = try await repository.conferences(unitID: choDon.id)
        #expect(conferences.map(\.number) == [15, 20])
        let findings = try await UnitReview(repository: repository).findings(currentYear: 2026)
        #expect(findings.map(\.kind) == [.percentOfPlanMismatch])
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func theSameNameResolvesByDateKindOrParent(kind: RepositoryKind) async throws {
        let (repository, close) = try await demo(kind)
        let resolver = UnitResolver(repository: repository)
        let old = try await resolver.resolve("Gia Lai", on: CalendarDay(year: 2024, month: 12, day: 31)!)
        let new = try await resolver.resolve("tỉnh Gia Lai", on: CalendarDay(year: 2026, month: 1, day: 1)!)
        #expect(old.validTo == .reform2025)
        #expect(new.validFrom == .reform2025)
        #expect(old.successors == [new.id])
        #expect(try await resolver.resolve("Chu Se, Gia Lai").name == "Chư Sê")
        #expect(try await resolver.resolve("thi xa an khe").name == "An Khê")
        #expect(try await resolver.resolve(String(old.id)).id == old.id)
        do {
            _ = try await resolver.resolve("Gia Lai")
            Issue.record("an ambiguous name resolved")
        } catch let StoreError.ambiguousUnit(_, candidates) {
            #expect(candidates.count == 2)
            #expect(candidates[0].hasPrefix("tỉnh Gia Lai (đến trước 1/7/2025"))
        }
        await #expect(throws: StoreError.unitNotFound("huyện An Khê", suggestions: ["thị xã An Khê"])) {
            try await resolver.resolve("huyện An Khê")
        }
        do {
            _ = try await resolver.resolve("Kông")
            Issue.record("a part of a name resolved")
        } catch let StoreError.unitNotFound(_, suggestions) {
            #expect(suggestions == ["huyện Kông Chro"])
        }
        await close()
    }

    private func tally(
        exceeded: Int = 0, met: Int = 0, missed: Int = 0, onTrack: Int = 0, atRisk: Int = 0, offTrack: Int = 0,
        unassessed: Int = 0
    ) -> Tally {
        var t = Tally()
        t.exceeded = exceeded
        t.met = met
        t.missed = missed
        t.onTrack = onTrack
        t.atRisk = atRisk
        t.offTrack = offTrack
        t.unassessed = unassessed
        return t
    }
}

extension Double {
    func rounded(places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

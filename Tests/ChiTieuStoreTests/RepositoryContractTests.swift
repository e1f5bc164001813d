import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// The behaviour both repositories must share.
@Suite struct RepositoryContractTests {
    @Test(arguments: RepositoryKind.available)
    func catalogueIsStoredInOrderWithItsSynonyms(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let standard = try StandardCatalogue.load()
        let stored = try await repository.indicators()
        #expect(stored.map(\.code) == standard.indicators.map(\.code))
        #expect(
            stored.first { $0.code == "industrial_production_value" }?.synonyms.contains(
                "Giá trị sản lượng công nghiệp, tiểu thủ công nghiệp") == true)
        #expect(try await repository.catalogueVersion() == standard.version)
        #expect(try await repository.ensureCatalogue() == false)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func unitsKeepTheirHistoryAndSuccessors(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        var batch = DataBatch()
        let old = batch.addUnit(.province, "Bắc Kạn", validTo: .reform2025)
        batch.addUnit(.province, "Thái Nguyên", validFrom: .reform2025, predecessors: [old])
        batch.addUnit(
            .district, "Chợ Đồn", parent: old, validTo: .reform2025,
            terms: [CommitteeTerm(number: 24, fromYear: 2020, toYear: 2025)])
        let summary = try await repository.save(batch)
        #expect(summary.unitIDs.count == 3)
        let bacKan = try #require(try await repository.unit(id: summary.unitIDs[old]!))
        let thaiNguyen = try #require(try await repository.unit(id: summary.unitIDs[-2]!))
        #expect(bacKan.successors == [thaiNguyen.id])
        #expect(bacKan.validTo == .reform2025)
        #expect(try await repository.children(of: bacKan.id).map(\.name) == ["Chợ Đồn"])
        #expect(
            try await repository.committeeTerms(of: summary.unitIDs[-3]!) == [
                CommitteeTerm(number: 24, fromYear: 2020, toYear: 2025)
            ])
        #expect(try await repository.units(named: NameKey("cho don")).count == 1)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func aCorrectionIsANewVersionAndTheOldOneStaysReadable(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        var first = DataBatch()
        first.add(
            Observation(
                unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9), value: 35.33, estimated: true))
        #expect(try await repository.save(first).observationsAdded == 1)

        var correction = DataBatch()
        correction.add(Observation(unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9), value: 36.1))
        let summary = try await repository.save(correction)
        #expect(summary.observationsCorrected == 1)

        let latest = try await repository.observations(unitIDs: [unit], years: 2024...2024)
        #expect(latest.map(\.value) == [36.1])
        #expect(latest.first?.version == 2)
        let versions = try await repository.versions(
            of: SeriesKey(unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9)))
        #expect(versions.map(\.value) == [35.33, 36.1])
        #expect(versions.map(\.estimated) == [true, false])

        // The same figures again change nothing.
        #expect(try await repository.save(correction).observationsUnchanged == 1)
        #expect(try await repository.versions(of: versions[0].seriesKey).count == 2)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func keepingExistingFiguresListsConflictsInstead(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        var first = DataBatch()
        first.add(Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 6), value: 622))
        try await repository.save(first)
        var second = DataBatch(observationPolicy: .keepExisting)
        second.add(
            Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 6), value: 650),
            origin: "câu 3")
        second.add(Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 9), value: 900))
        let summary = try await repository.save(second)
        #expect(summary.conflicts.count == 1)
        #expect(summary.conflicts.first?.stored.value == 622)
        #expect(summary.conflicts.first?.incoming.value == 650)
        #expect(summary.observationsAdded == 1)
        let stored = try await repository.observations(unitIDs: [unit], years: 2024...2024)
        #expect(stored.map(\.value) == [622, 900])
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func aBadBatchListsEveryProblemAndWritesNothing(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        let before = try await repository.snapshot()
        var batch = DataBatch()
        batch.addUnit(.commune, "Xã Mới", parent: unit)
        batch.add(
            Target(unitID: unit, indicatorCode: "total_production_value", scope: .year(2024), bound: .atLeast(100)),
            origin: "dòng 2")
        batch.add(
            Target(unitID: unit, indicatorCode: "total_production_value", scope: .year(2024), bound: .atLeast(120)),
            origin: "dòng 3")
        batch.add(
            Observation(unitID: unit, indicatorCode: "no_such_indicator", period: period(2024, 6), value: 1),
            origin: "dòng 4")
        batch.add(
            Observation(unitID: 999, indicatorCode: "retail_sales", period: period(2024, 6), value: 1), origin: "dòng 5"
        )
        batch.add(
            Observation(unitID: unit, indicatorCode: "retail_sales", period: period(2024, 6), value: nil),
            origin: "dòng 6")
        batch.add(
            Target(unitID: unit, indicatorCode: "poverty_rate", scope: .year(2024), bound: .between(5, 3)),
            origin: "dòng 7")
        do {
            try await repository.save(batch)
            Issue.record("a bad batch was saved")
        } catch let StoreError.invalidBatch(problems) {
            #expect(
                problems.map(\.message) == [
                    "Dòng 3: chỉ tiêu kế hoạch bị trùng với dòng 2.",
                    "Dòng 7: cận dưới 5 lớn hơn cận trên 3.",
                    "Dòng 4: chỉ tiêu \"no_such_indicator\" không có trong danh mục.",
                    "Dòng 5: đơn vị mã 999 không tồn tại.",
                    "Dòng 6: thiếu giá trị kết quả (hoặc tỷ lệ % kế hoạch).",
                ])
        }
        #expect(try await repository.snapshot() == before)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func resultsForAUnitThatNoLongerExistedAreRefused(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        var units = DataBatch()
        units.addUnit(.district, "Kông Chro", validTo: .reform2025)
        let id = try await repository.save(units).unitIDs[-1]!
        var batch = DataBatch()
        batch.add(
            Observation(unitID: id, indicatorCode: "retail_sales", period: period(2026, 6), value: 1), origin: "dòng 2")
        await #expect(
            throws: StoreError.invalidBatch([
                BatchProblem(
                    origin: "dòng 2",
                    "huyện Kông Chro không còn tồn tại trong 6 tháng đầu năm 2026 (đã giải thể hoặc sáp nhập).")
            ])
        ) { try await repository.save(batch) }
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func revisedPlansUpdateTheTargetInPlace(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        var plan = DataBatch()
        plan.add(
            Target(
                unitID: unit, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(60),
                issuer: "dự toán tỉnh giao"))
        plan.add(
            Target(
                unitID: unit, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(80),
                issuer: "dự toán HĐND huyện giao"))
        #expect(try await repository.save(plan).targetsAdded == 2)
        var revised = DataBatch()
        revised.add(
            Target(
                unitID: unit, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(65),
                issuer: "Dự toán tỉnh giao"))
        let summary = try await repository.save(revised)
        #expect(summary.targetsUpdated == 1)
        let targets = try await repository.targets(unitIDs: [unit], years: 2024...2024)
        #expect(targets.map(\.bound) == [.atLeast(65), .atLeast(80)])
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func termTargetsAreFoundByAnyYearTheyCover(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        var batch = DataBatch()
        batch.add(
            Target(
                unitID: unit, indicatorCode: "total_investment", scope: .term(from: 2021, to: 2025),
                measure: .cumulative, bound: .atLeast(5000)))
        batch.add(
            Target(
                unitID: unit, indicatorCode: "new_party_members", scope: .term(from: 2021, to: 2025),
                measure: .everyYear, bound: .atLeast(80)))
        try await repository.save(batch)
        #expect(try await repository.targets(unitIDs: [unit], years: 2023...2023).count == 2)
        #expect(try await repository.targets(unitIDs: [unit], years: 2026...2026).isEmpty)
        let stored = try await repository.targets(unitIDs: [unit], years: 2021...2021)
        #expect(stored.first?.measure == .cumulative)
        #expect(stored.first?.scope == .term(from: 2021, to: 2025))
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func annualTargetsMustBeLevels(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let unit = try await addDistrict(repository)
        var batch = DataBatch()
        batch.add(
            Target(
                unitID: unit, indicatorCode: "total_production_value", scope: .year(2024), measure: .averageGrowth,
                bound: .atLeast(8)))
        await expectRefusal("chỉ tiêu năm chỉ có dạng mức đạt") { try await repository.save(batch) }
        await close()
    }

    /// What a roll-up or a comparison reads: only the indicators and periods asked for, latest
    /// versions, of only the units named.
    @Test(arguments: RepositoryKind.available)
    func resultsAreReadForJustTheIndicatorsAndPeriodsAsked(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            let unit = try await addDistrict(repository)
            var other = DataBatch()
            other.addUnit(.district, "Khác")
            let neighbour = try await repository.save(other).unitIDs[-1]!
            var batch = DataBatch()
            for (code, months) in [("budget_revenue", [6, 9]), ("retail_sales", [9])] {
                for month in months {
                    for year in [2023, 2024] {
                        batch.add(
                            Observation(
                                unitID: unit, indicatorCode: code, period: period(year, month), value: Double(month)))
                    }
                }
            }
            batch.add(
                Observation(unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9, from: 7), value: 3))
            batch.add(
                Observation(unitID: neighbour, indicatorCode: "budget_revenue", period: period(2024, 9), value: 1))
            try await repository.save(batch)
            var correction = DataBatch()
            correction.add(
                Observation(unitID: unit, indicatorCode: "budget_revenue", period: period(2024, 9), value: 9.5))
            try await repository.save(correction)

            let exact = try await repository.observations(
                unitIDs: [unit], codes: ["budget_revenue"], years: 2023...2024,
                periods: [period(2024, 9), period(2023, 6)])
            #expect(
                exact.map { "\($0.period.year) \($0.period.toMonth) \($0.value!) v\($0.version)" } == [
                    "2023 6 6.0 v1", "2024 9 9.5 v2",
                ])
            let year = try await repository.observations(
                unitIDs: [unit, neighbour], codes: ["budget_revenue"], years: 2024...2024, periods: nil)
            #expect(year.count == 4)
            #expect(Set(year.map(\.period.fromMonth)) == [1, 7])
            #expect(
                try await repository.observations(unitIDs: [unit], codes: [], years: 2024...2024, periods: nil).isEmpty)
        }
    }

    /// Units in use are those with anything stored for them, whichever table holds it, and the
    /// ones entered by hand (no official code); a registry unit with nothing is not one.
    @Test(arguments: RepositoryKind.available)
    func unitsInUseAreFoundInEveryTable(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var units = DataBatch()
            let names = ["Chỉ có kết quả", "Chỉ có kế hoạch", "Chỉ có hội nghị", "Không có gì", "Nhập tay"]
            for (i, name) in names.dropLast().enumerated() { units.addUnit(.commune, name, code: "9990\(i)") }
            units.addUnit(.commune, names.last!)
            let ids = try await repository.save(units).unitIDs
            let (results, plans, conferences, nothing, byHand) = (ids[-1]!, ids[-2]!, ids[-3]!, ids[-4]!, ids[-5]!)
            var batch = DataBatch()
            for year in [2023, 2024] {
                batch.add(
                    Observation(unitID: results, indicatorCode: "budget_revenue", period: period(year, 9), value: 3))
            }
            batch.add(Target(unitID: plans, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(10)))
            batch.add(Conference(unitID: conferences, number: 3, date: CalendarDay(year: 2024, month: 7, day: 1)))
            try await repository.save(batch)
            let inUse = try await repository.unitIDsInUse()
            #expect(inUse.isSuperset(of: [results, plans, conferences, byHand]))
            #expect(!inUse.contains(nothing))
        }
    }

    private func addDistrict(_ repository: any ChiTieuRepository) async throws -> UnitID {
        var batch = DataBatch()
        batch.addUnit(.district, "Thử Nghiệm")
        return try await repository.save(batch).unitIDs[-1]!
    }
}

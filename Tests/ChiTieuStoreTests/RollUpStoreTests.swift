import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// A district with no figures of its own is assessed on its communes' figures, derived by each
/// indicator's rule from the catalogue; a figure it entered itself wins. Figures are invented.
@Suite struct RollUpStoreTests {
    @Test(arguments: RepositoryKind.available)
    func aDistrictWithoutFiguresIsAssessedOnItsCommunes(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            try await repository.ensureCatalogue()
            let rule = try #require(try await repository.indicators().first { $0.code == "poverty_rate" }?.rollUpRule)
            #expect(rule.text == "share:poor_households/households*100;mean:households", "the rule is stored")

            var units = DataBatch()
            let district = units.addUnit(.district, "Thử Tổng Hợp")
            let communes = ["Ia Một", "Ia Hai", "Ia Ba"].map { units.addUnit(.commune, $0, parent: district) }
            let ids = try await repository.save(units).unitIDs
            let districtID = try #require(ids[district])
            let (one, two) = (try #require(ids[communes[0]]), try #require(ids[communes[1]]))
            let nine = try Period.yearToDate(2024, through: 9)
            let lastYear = try Period.yearToDate(2023, through: 9)
            var figures = DataBatch()
            figures.add(
                Target(
                    unitID: districtID, indicatorCode: "total_production_value", scope: .year(2024),
                    bound: .atLeast(1000)))
            figures.add(
                Target(unitID: districtID, indicatorCode: "poverty_rate", scope: .year(2024), bound: .atMost(6)))
            figures.add(
                Target(unitID: districtID, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(20)))
            for (unit, production, before, poor, households) in [
                (one, 300.5, 280.0, 40.0, 800.0), (two, 200.0, 190.0, 10.0, 200.0),
            ] {
                for (code, period, value) in [
                    ("total_production_value", nine, production), ("total_production_value", lastYear, before),
                    ("poor_households", nine, poor), ("households", nine, households), ("budget_revenue", nine, 4),
                ] {
                    figures.add(Observation(unitID: unit, indicatorCode: code, period: period, value: value))
                }
            }
            let thirdID = try #require(ids[communes[2]])
            figures.add(
                Observation(unitID: thirdID, indicatorCode: "total_production_value", period: nine, value: 99.5))
            figures.add(
                Observation(unitID: thirdID, indicatorCode: "total_production_value", period: lastYear, value: 80))
            // the district's own revenue figure wins over its communes' 8
            figures.add(Observation(unitID: districtID, indicatorCode: "budget_revenue", period: nine, value: 15))
            try await repository.save(figures)

            let unit = try #require(try await repository.unit(id: districtID))
            let overview = try await UnitReview(repository: repository).overview(of: unit, period: nine)
            let production = try #require(overview.annual.first { $0.indicator.code == "total_production_value" })
            #expect(production.value == 600)
            let derivation = try #require(production.observation?.derivation)
            #expect(derivation.fromUnits == ["xã Ia Một", "xã Ia Hai", "xã Ia Ba"] && derivation.missingUnits.isEmpty)
            #expect(abs((production.growthPercent ?? 0) - (600.0 / 550 - 1) * 100) < 1e-9, "last year summed too")
            #expect(production.percentOfPlan == 60 && production.status != .unassessed)
            let poverty = try #require(overview.annual.first { $0.indicator.code == "poverty_rate" })
            #expect(poverty.value == 5, "(40 + 10) poor of (800 + 200) households")
            // xã Ia Ba has no households: shown, not judged against the district's plan
            #expect(poverty.observation?.derivation?.missingUnits == ["xã Ia Ba"])
            #expect(poverty.status == .unassessed && poverty.percentOfPlan == nil)
            #expect(poverty.note == "Chưa đánh giá: số tổng hợp mới có 2/3 đơn vị cấp dưới.")
            #expect(
                poverty.observation?.derivation?.method
                    == .share(numerator: "poor_households", denominator: "households", scale: 100))
            let revenue = try #require(overview.annual.first { $0.indicator.code == "budget_revenue" })
            #expect(revenue.value == 15 && revenue.observation?.derivation == nil, "entered wins")

            // the entered 15 against the communes' 4 + 4: not compared while a commune lacks its figure
            let review = UnitReview(repository: repository)
            #expect(
                try await review.findings(unitIDs: [districtID], currentYear: 2024).filter {
                    $0.kind == .rollUpMismatch
                }.isEmpty)
            var late = DataBatch()
            late.add(Observation(unitID: thirdID, indicatorCode: "budget_revenue", period: nine, value: 4))
            try await repository.save(late)
            let findings = try await review.findings(unitIDs: [districtID], currentYear: 2024).filter {
                $0.kind == .rollUpMismatch
            }
            #expect(
                findings.map(\.message) == [
                    "Thu ngân sách nhà nước trên địa bàn 9 tháng năm 2024 của huyện Thử Tổng Hợp: số nhập 15 tỷ đồng, "
                        + "các đơn vị cấp dưới cộng lại 12 tỷ đồng (lệch 25%)."
                ])

            // a commune, with nothing below it, derives nothing
            let commune = try #require(try await repository.unit(id: thirdID))
            let alone = try await UnitReview(repository: repository).overview(of: commune, period: nine)
            #expect(alone.annual.isEmpty)
        }
    }
}

/// Growth of a commune formed on 1 July 2025 against 9 months of 2024, when it did not exist:
/// from the communes it was formed from. Figures are invented.
@Suite struct ReconstructionStoreTests {
    @Test(arguments: RepositoryKind.available)
    func aNewCommuneComparesWithItsPredecessorsSum(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            try await repository.ensureCatalogue()
            var units = DataBatch()
            let old = ["Cũ Một", "Cũ Hai", "Cũ Ba"].map { units.addUnit(.commune, $0, validTo: .reform2025) }
            let merged = units.addUnit(.commune, "Hợp Nhất", validFrom: .reform2025, predecessors: old)
            let split = units.addUnit(.commune, "Bị Chia", validTo: .reform2025)
            let part = units.addUnit(.commune, "Nhận Một Phần", validFrom: .reform2025, predecessors: [split])
            units.addUnit(.commune, "Nhận Phần Còn Lại", validFrom: .reform2025, predecessors: [split])
            let ids = try await repository.save(units).unitIDs
            let (mergedID, partID, splitID) = (
                try #require(ids[merged]), try #require(ids[part]), try #require(ids[split])
            )
            let now = try Period.yearToDate(2025, through: 9)
            let before = try Period.yearToDate(2024, through: 9)
            var figures = DataBatch()
            for (id, value) in zip(old, [210.0, 95.5, 80]) {
                figures.add(
                    Observation(
                        unitID: try #require(ids[id]), indicatorCode: "total_production_value", period: before,
                        value: value))
            }
            figures.add(
                Observation(unitID: splitID, indicatorCode: "total_production_value", period: before, value: 100))
            for id in [mergedID, partID] {
                figures.add(
                    Target(
                        unitID: id, indicatorCode: "total_production_value", scope: .year(2025), bound: .atLeast(600)))
                figures.add(
                    Observation(unitID: id, indicatorCode: "total_production_value", period: now, value: 424.05))
            }
            try await repository.save(figures)

            func production(_ id: UnitID) async throws -> Assessment {
                let unit = try #require(try await repository.unit(id: id))
                let overview = try await UnitReview(repository: repository).overview(of: unit, period: now)
                return try #require(overview.annual.first { $0.indicator.code == "total_production_value" })
            }
            let whole = try await production(mergedID)
            #expect(abs((whole.growthPercent ?? 0) - 10) < 1e-9, "424,05 against 210 + 95,5 + 80")
            #expect(whole.growthNote == "cùng kỳ 2024 tính từ 3 đơn vị cũ: xã Cũ Một, xã Cũ Hai, xã Cũ Ba")

            let unknown = try await production(partID)
            #expect(unknown.growthPercent == nil)
            #expect(unknown.growthNote == "không so sánh được với cùng kỳ 2024: chưa biết tỷ lệ kế thừa từ xã Bị Chia")
            try await repository.setShare(
                ShareChange(predecessorID: splitID, successorID: partID, share: 0.5, basis: "dân số"),
                author: .commandLine)
            let known = try await production(partID)
            #expect(abs((known.growthPercent ?? 0) - (424.05 / 50 - 1) * 100) < 1e-9)
            #expect(known.growthNote == "cùng kỳ 2024 tính từ 1 đơn vị cũ: xã Bị Chia (50%)")
        }
    }
}

/// A province whose districts have no figures of their own is assessed on their communes'.
@Suite struct TwoLevelRollUpTests {
    @Test(arguments: RepositoryKind.available)
    func aProvinceAddsUpTheCommunesOfItsDistricts(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            try await repository.ensureCatalogue()
            var units = DataBatch()
            let province = units.addUnit(.province, "Thử Hai Cấp")
            let districts = ["Một", "Hai"].map { units.addUnit(.district, $0, parent: province) }
            let communes = districts.flatMap { d in (1...2).map { units.addUnit(.commune, "Xã \(-d) \($0)", parent: d) }
            }
            let ids = try await repository.save(units).unitIDs
            let nine = try Period.yearToDate(2024, through: 9)
            var figures = DataBatch()
            let provinceID = try #require(ids[province])
            figures.add(
                Target(unitID: provinceID, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(20)))
            for (commune, value) in zip(communes, [1.5, 2.5, 3.0, 4.0]) {
                figures.add(
                    Observation(
                        unitID: try #require(ids[commune]), indicatorCode: "budget_revenue", period: nine, value: value)
                )
            }
            try await repository.save(figures)
            let unit = try #require(try await repository.unit(id: provinceID))
            let overview = try await UnitReview(repository: repository).overview(of: unit, period: nine)
            let revenue = try #require(overview.annual.first { $0.indicator.code == "budget_revenue" })
            #expect(revenue.value == 11 && abs((revenue.percentOfPlan ?? 0) - 55) < 1e-9)
            #expect(revenue.observation?.derivation?.fromUnits == ["huyện Một", "huyện Hai"])
            #expect(revenue.status != .unassessed, "both districts complete from their communes")
        }
    }
}

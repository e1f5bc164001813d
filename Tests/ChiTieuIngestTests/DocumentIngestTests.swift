import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuIngest

/// Reading invented review texts into a store with known units.
@Suite struct DocumentIngestTests {
    let text = """
        Ban Chấp hành Đảng bộ huyện Hòa Bình Thử khóa IX tổ chức hội nghị lần thứ 12 (mở rộng) đánh giá kết quả 9 tháng đầu năm 2024.
        Tổng giá trị sản xuất ước đạt 2.400,5 tỷ đồng, bằng 71,2% kế hoạch, tăng 5,1% so với cùng kỳ năm 2023. \
        Thu ngân sách nhà nước trên địa bàn đạt 36 tỷ đồng, vượt 44% dự toán. Cây dược liệu đạt 130 ha. \
        Kim ngạch xuất khẩu đạt 1,2 nghìn tỷ đồng. Tổng vốn đầu tư toàn xã hội đạt 1,2 nghìn tỷ đồng.
        Về mục tiêu năm 2025, huyện phấn đấu thu ngân sách trên địa bàn 40 tỷ đồng; kết nạp 90 đảng viên trở lên.
        """

    private func store() async throws -> (SQLRepository, TemporaryPath, UnitID) {
        let path = TemporaryPath()
        let repository = try await SQLRepository.openSQLite(path: path.path)
        try await repository.ensureCatalogue()
        var units = DataBatch()
        let province = units.addUnit(.province, "Thử Nghiệm", validTo: .reform2025)
        units.addUnit(.district, "Hòa Bình Thử", parent: province, validTo: .reform2025)
        let id = try await repository.save(units).unitIDs[-2]!
        return (repository, path, id)
    }

    private func ingest(_ repository: SQLRepository, _ text: String) async throws -> IngestReport {
        let catalogue = try await repository.storedCatalogue(location: "test")
        return try await DocumentIngest(repository: repository, catalogue: catalogue, currentYear: 2026)
            .ingest(text, document: "hoi-nghi-12.txt")
    }

    @Test func storesResultsWithTheirSentenceAndDerivesPlans() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        let report = try await ingest(repository, text)
        #expect(report.unit?.id == unit)
        #expect(report.period == (try Period(year: 2024, toMonth: 9)))
        #expect(report.summary?.observationsAdded == 3)
        #expect(report.summary?.conferencesAdded == 1)
        #expect(report.skipped.contains("«Cây dược liệu» chưa có trong danh mục chỉ tiêu."))
        let stored = try await repository.observations(unitIDs: [unit], years: 2024...2024)
        let production = try #require(stored.first { $0.indicatorCode == "total_production_value" })
        #expect(production.value == 2400.5)
        #expect(production.estimated)
        #expect(production.statedPercentOfPlan == 71.2)
        #expect(production.source.document == "hoi-nghi-12.txt")
        #expect(production.source.excerpt?.hasPrefix("Tổng giá trị sản xuất ước đạt 2.400,5 tỷ đồng") == true)
        // "1,2 nghìn tỷ đồng" is stored in the catalogue's unit; money is not a count of dollars.
        #expect(stored.first { $0.indicatorCode == "total_investment" }?.value == 1200)
        #expect(stored.first { $0.indicatorCode == "export_turnover" } == nil)
        #expect(
            report.skipped.contains("«Kim ngạch xuất khẩu»: đơn vị «nghìn tỷ đồng» không đổi được sang «triệu USD»."))
        // A plan derived from "vượt 44% dự toán"; goals stored as next year's plan.
        let targets = try await repository.targets(unitIDs: [unit], years: 2024...2025)
        let budget = try #require(targets.first { $0.indicatorCode == "budget_revenue" && $0.scope == .year(2024) })
        #expect(budget.bound == .atLeast(25))
        #expect(budget.issuer == "dự toán")
        #expect(
            targets.contains {
                $0.indicatorCode == "new_party_members" && $0.scope == .year(2025) && $0.bound == .atLeast(90)
            })
        #expect(report.derivedPlans.contains { $0.hasPrefix("Tổng giá trị sản xuất năm 2024: 3.371,49") })
        await repository.close()
    }

    /// «thu ngân sách tăng 12%» among goals is a rise, not the year's level: not stored, and said so.
    @Test func aGrowthGoalIsNotStoredAsALevel() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        let text = """
            Ban Chấp hành Đảng bộ huyện Hòa Bình Thử tổ chức hội nghị lần thứ 14 tổng kết năm 2024.
            Thu ngân sách nhà nước trên địa bàn đạt 36 tỷ đồng.
            Về mục tiêu năm 2025, huyện phấn đấu thu ngân sách trên địa bàn tăng 12%; kết nạp 90 đảng viên trở lên.
            """
        let report = try await ingest(repository, text)
        let targets = try await repository.targets(unitIDs: [unit], years: 2025...2025)
        #expect(!targets.contains { $0.indicatorCode == "budget_revenue" })
        #expect(targets.contains { $0.indicatorCode == "new_party_members" && $0.bound == .atLeast(90) })
        #expect(report.skipped.contains { $0.contains("tăng 12% là mức tăng, không phải mức đạt") })
        await repository.close()
    }

    /// "vượt 44% dự toán" of a stored "kế hoạch 25" is the stored plan (36 ÷ 1,44 = 25), not
    /// a second plan beside it; another percentage makes another plan.
    @Test func aPlanWorkedOutFromAPercentageIsNotStoredBesideTheSamePlan() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        do {
            var plan = DataBatch()
            plan.add(Target(unitID: unit, indicatorCode: "budget_revenue", scope: .year(2024), bound: .atLeast(25)))
            try await repository.save(plan)
            let report = try await ingest(repository, text)
            #expect(!report.derivedPlans.contains { $0.hasPrefix("Thu ngân sách") })
            let plans = try await repository.targets(unitIDs: [unit], years: 2024...2024)
                .filter { $0.indicatorCode == "budget_revenue" }
            #expect(plans.map(\.issuer) == ["kế hoạch"])
            // Another percentage of another issuer is another plan: 36 ÷ 1,2 = 30.
            let other = text.replacingOccurrences(
                of: "36 tỷ đồng, vượt 44% dự toán", with: "36 tỷ đồng, vượt 20% dự toán tỉnh giao")
            let second = try await ingest(repository, other)
            #expect(
                second.derivedPlans.contains {
                    $0.hasPrefix("Thu ngân sách nhà nước trên địa bàn năm 2024: 30 tỷ đồng")
                })
        } catch {
            await repository.close()
            throw error
        }
        await repository.close()
    }

    @Test func aDifferentFigureIsListedNotOverwritten() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        var earlier = DataBatch()
        earlier.add(
            Observation(
                unitID: unit, indicatorCode: "budget_revenue", period: try Period(year: 2024, toMonth: 9), value: 35))
        try await repository.save(earlier)
        let report = try await ingest(repository, text)
        #expect(report.summary?.conflicts.count == 1)
        #expect(
            report.lines.contains {
                $0.contains(
                    "Khác số đã lưu, chưa ghi: Thu ngân sách nhà nước trên địa bàn 9 tháng năm 2024 — đã lưu 35, chưa có % kế hoạch, văn bản ghi 36, 144% kế hoạch."
                )
            })
        let stored = try await repository.observations(unitIDs: [unit], years: 2024...2024)
        #expect(stored.first { $0.indicatorCode == "budget_revenue" }?.value == 35)
        // Reading the same text again adds nothing.
        let again = try await ingest(repository, text)
        #expect(again.summary?.observationsAdded == 0)
        #expect(again.summary?.observationsUnchanged == 2)
        #expect(again.summary?.conflicts.count == 1)
        await repository.close()
    }

    @Test func anUnknownUnitIsReportedAndNothingIsCreated() async throws {
        let (repository, path, _) = try await store()
        defer { path.remove() }
        let before = try await repository.allUnits().count
        let report = try await ingest(
            repository, "Huyện ủy Sông Xa đánh giá kết quả 6 tháng đầu năm 2024. Thu ngân sách đạt 20 tỷ đồng.")
        #expect(!report.stored)
        #expect(report.skipped.first?.hasPrefix("Không tìm thấy đơn vị \"huyện Sông Xa\".") == true)
        #expect(try await repository.allUnits().count == before)
        await repository.close()
    }

    @Test func aFailedIngestLeavesTheDatabaseAsItWas() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        let before = try await repository.observations(unitIDs: [unit], years: Period.yearRange).count
        // The district was abolished on 1 July 2025: results for 2026 cannot be stored.
        let late =
            "Ban Chấp hành Đảng bộ huyện Hòa Bình Thử đánh giá kết quả 6 tháng đầu năm 2026. Thu ngân sách đạt 20 tỷ đồng. Tổng giá trị sản xuất đạt 900 tỷ đồng."
        await #expect(throws: StoreError.self) { try await ingest(repository, late) }
        #expect(try await repository.observations(unitIDs: [unit], years: Period.yearRange).count == before)
        #expect(try await repository.conferences(unitID: unit).isEmpty)
        await repository.close()
    }

    @Test func eachPlanAResultWasJudgedAgainstIsDerived() async throws {
        let (repository, path, unit) = try await store()
        defer { path.remove() }
        let text =
            "Huyện ủy Hòa Bình Thử đánh giá kết quả năm 2024. Thu ngân sách đạt 59 tỷ đồng, bằng 93% dự toán tỉnh giao và bằng 73% dự toán HĐND huyện giao."
        let report = try await ingest(repository, text)
        #expect(
            report.derivedPlans == [
                "Thu ngân sách nhà nước trên địa bàn năm 2024: 63,44 tỷ đồng (dự toán tỉnh giao)",
                "Thu ngân sách nhà nước trên địa bàn năm 2024: 80,82 tỷ đồng (dự toán HĐND huyện giao)",
            ])
        let overview = try await UnitReview(repository: repository).overview(
            of: try #require(try await repository.unit(id: unit)), period: try .year(2024))
        // The district council's estimate ranks before the province's.
        #expect(overview.annual.map { $0.percentOfPlan!.rounded() } == [73, 93])
        #expect(overview.tally.total == 1)
        await repository.close()
    }

    @Test func issuersFromThePlanWords() {
        #expect(BatchBuilder.issuer("dự toán tỉnh giao") == "dự toán tỉnh giao")
        #expect(BatchBuilder.issuer("NQ") == "nghị quyết")
        #expect(BatchBuilder.issuer("KH") == "kế hoạch")
        #expect(BatchBuilder.issuer(nil) == "kế hoạch")
    }
}

struct TemporaryPath {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "chitieu-ingest-\(UUID().uuidString).sqlite"
    ).path

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// A plan table imported with a target set title becomes the set: its order, its STT numbers,
/// its group rows as headings; the tally of a period counts over it.
@Suite struct TargetSetImportTests {
    static let title = "Kế hoạch phát triển kinh tế - xã hội năm 2024"

    static func importCSV(_ csv: String, into repository: any ChiTieuRepository, title: String? = Self.title)
        async throws -> SaveSummary
    {
        var batch = DataBatch()
        batch.addUnit(.district, "Ia Thử")
        try await repository.save(batch)
        let catalogue = try await repository.storedCatalogue(location: "test")
        let importer = TableImporter(repository: repository, catalogue: catalogue, targetSetTitle: title)
        return try await repository.save(try await importer.batch(csv: csv, document: "ke-hoach.csv"))
    }

    static let plan = """
        STT,Loại,Đơn vị,Chỉ tiêu,Năm,Từ tháng,Đến tháng,Giá trị,Cấp giao
        I,,,CHỈ TIÊU KINH TẾ,,,,,
        1,kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,,,"6.770,58",
        2,kế hoạch,Ia Thử,Thu ngân sách trên địa bàn,2024,,,"24,8",dự toán tỉnh giao
        II,,,CHỈ TIÊU XÃ HỘI,,,,,
        3,kế hoạch,Ia Thử,Tỷ lệ hộ nghèo,2024,,,"3,5",
        ,kết quả,Ia Thử,Tổng giá trị sản xuất,2024,1,9,"4.790,86",
        """

    @Test(arguments: RepositoryKind.available)
    func thePlanTableBecomesTheSetAndTheTallyCountsOverIt(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            let summary = try await Self.importCSV(Self.plan, into: repository)
            #expect(summary.targetsAdded == 3 && summary.observationsAdded == 1 && summary.targetSetsSaved == 1)
            let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
            let set = try #require(try await repository.targetSets(unitIDs: [unit.id], years: 2024...2024).first)
            #expect(set.title == Self.title)
            #expect(set.scope == .year(2024))
            #expect(set.items.map(\.number) == ["1", "2", "3"])
            #expect(set.items.map(\.heading) == ["I. CHỈ TIÊU KINH TẾ", nil, "II. CHỈ TIÊU XÃ HỘI"])
            #expect(set.items[1].issuer == "dự toán tỉnh giao")

            // A plan row typed later, outside the set, is shown but not counted.
            var extra = DataBatch()
            extra.add(
                Target(unitID: unit.id, indicatorCode: "new_party_members", scope: .year(2024), bound: .atLeast(30)))
            try await repository.save(extra)
            let overview = try await UnitReview(repository: repository).overview(of: unit, period: period(2024, 9))
            #expect(overview.annual.count == 4)
            #expect(overview.tally.total == 3)
            #expect(overview.annual.prefix(3).map { overview.item(of: $0)?.number } == ["1", "2", "3"])
            // Only production has a result: the budget and poverty items are chưa đánh giá, not forgotten.
            #expect(overview.tally.unassessed == 2)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aRowWithoutNumberOrWithANumberUsedTwiceIsNamedByLine(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            let csv = """
                STT,Loại,Đơn vị,Chỉ tiêu,Năm,Giá trị
                1,kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,"6.770,58"
                ,kế hoạch,Ia Thử,Tỷ lệ hộ nghèo,2024,"3,5"
                1,kế hoạch,Ia Thử,Thu ngân sách trên địa bàn,2024,"24,8"
                """
            do {
                _ = try await Self.importCSV(csv, into: repository)
                Issue.record("a set with a missing and a repeated number was imported")
            } catch StoreError.invalidBatch(let problems) {
                #expect(
                    problems.map(\.message) == [
                        "Dòng 3, cột «STT»: để trống; mỗi chỉ tiêu của bộ chỉ tiêu cần số thứ tự.",
                        "Dòng 4, cột «STT»: số thứ tự «1» đã dùng ở dòng 2 (cùng đơn vị, năm 2024).",
                    ])
            }
            let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
            #expect(try await repository.targets(unitIDs: [unit.id], years: 2024...2024).isEmpty)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func withoutSTTColumnItemsAreNumberedInTableOrderAndWithoutTitleSTTIsIgnored(kind: RepositoryKind)
        async throws
    {
        try await kind.withRepository { repository in
            let csv = """
                Loại,Đơn vị,Chỉ tiêu,Năm,Giá trị
                kế hoạch,Ia Thử,Tỷ lệ hộ nghèo,2024,"3,5"
                kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,"6.770,58"
                """
            _ = try await Self.importCSV(csv, into: repository)
            let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
            let set = try #require(try await repository.targetSets(unitIDs: [unit.id], years: 2024...2024).first)
            #expect(set.items.map(\.number) == ["1", "2"])
            #expect(set.items.map(\.indicatorCode) == ["poverty_rate", "total_production_value"])
        }
        try await kind.withRepository { repository in
            let summary = try await Self.importCSV(
                Self.plan.replacingOccurrences(of: "I,,,CHỈ TIÊU KINH TẾ,,,,,\n", with: "")
                    .replacingOccurrences(of: "II,,,CHỈ TIÊU XÃ HỘI,,,,,\n", with: ""),
                into: repository, title: nil)
            #expect(summary.targetsAdded == 3 && summary.targetSetsSaved == 0)
        }
    }
}

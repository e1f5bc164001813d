import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuStore

/// Importing and exporting plans and results as CSV tables.
@Suite struct TableExchangeTests {
    private func repositoryWithUnits(_ kind: RepositoryKind) async throws -> (
        any ChiTieuRepository, @Sendable () async -> Void
    ) {
        let (repository, close) = try await kind.withCatalogue()
        var batch = DataBatch()
        let province = batch.addUnit(.province, "Gia Lai", validTo: .reform2025)
        batch.addUnit(.province, "Gia Lai", validFrom: .reform2025, predecessors: [province])
        batch.addUnit(.district, "Ia Thử", parent: province, validTo: .reform2025)
        batch.addUnit(.town, "Thị Thử", parent: province, validTo: .reform2025)
        try await repository.save(batch)
        return (repository, close)
    }

    private func importCSV(_ text: String, into repository: any ChiTieuRepository) async throws -> SaveSummary {
        let catalogue = try await repository.storedCatalogue(location: "test")
        let batch = try await TableImporter(repository: repository, catalogue: catalogue).batch(
            csv: text, document: "bang.csv", enteredBy: "Tester")
        return try await repository.save(batch)
    }

    @Test(arguments: RepositoryKind.available)
    func importsPlansResultsAndResolutionTargetsWithVietnameseHeaders(kind: RepositoryKind) async throws {
        let (repository, close) = try await repositoryWithUnits(kind)
        let csv = """
            \u{FEFF}STT,Loại,Đơn vị,Chỉ tiêu,Năm,Từ tháng,Đến tháng,Giá trị,Cấp giao,Ước tính,% kế hoạch,Tăng trưởng (%),Dạng,Từ năm,Đến năm
            1,kế hoạch,huyện Ia Thử,Tổng giá trị sản xuất,2024,,,"6.770,58",,,,,,,
            2,kết quả,Ia Thử,Tổng giá trị sản xuất,2024,1,9,"4.790,86",,x,"70,76","3,81",,,
            3,Kế hoạch,Ia Thử,Thu ngân sách trên địa bàn,2024,,,"24,8",dự toán tỉnh giao,,,,,,
            4,kết quả,Ia Thử,thu ngan sach nha nuoc tren dia ban,2024,1,9,"35,33",,,"142,46",,,,
            5,nghị quyết,Ia Thử,Tổng giá trị sản xuất,,,,8,,,,,tăng bình quân,2020,2025
            6,kết quả,"Thị Thử, Gia Lai",Tổng giá trị sản xuất,2023,1,6,"hơn 10.040",,,,,,,
            """
        let summary = try await importCSV(csv, into: repository)
        #expect(summary.targetsAdded == 3)
        #expect(summary.observationsAdded == 3)
        let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
        let overview = try await UnitReview(repository: repository).overview(of: unit, period: period(2024, 9))
        let production = try #require(overview.annual.first { $0.target.indicatorCode == "total_production_value" })
        #expect(production.percentOfPlan!.rounded(places: 2) == 70.76)
        #expect(production.estimated)
        #expect(
            overview.annual.first { $0.target.indicatorCode == "budget_revenue" }?.target.issuer == "dự toán tỉnh giao")
        #expect(overview.term.first?.target.measure == .averageGrowth)
        #expect(overview.term.first?.target.scope == .term(from: 2020, to: 2025))
        let town = try await UnitResolver(repository: repository).resolve("Thị Thử")
        let result = try await repository.observations(unitIDs: [town.id], years: 2023...2023).first
        #expect(result?.qualifier == .above)
        #expect(result?.value == 10040)
        #expect(result?.source == Provenance(document: "bang.csv", enteredBy: "Tester"))
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func readsSemicolonTablesWithCodeHeaders(kind: RepositoryKind) async throws {
        let (repository, close) = try await repositoryWithUnits(kind)
        let csv = """
            loai;don_vi;chi_tieu;nam;den_thang;gia_tri;so_sanh
            ke_hoach;Ia Thử;poverty_rate;2024;;3,5;<=
            ket_qua;Ia Thử;poverty_rate;2024;12;3,2;
            ke_hoach;Ia Thử;economic_growth_rate;2024;;12 - 13;
            """
        let summary = try await importCSV(csv, into: repository)
        #expect(summary.targetsAdded == 2)
        let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
        let targets = try await repository.targets(unitIDs: [unit.id], years: 2024...2024)
        #expect(Set(targets.map(\.bound)) == [.atMost(3.5), .between(12, 13)])
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func everyBadRowIsReportedByLineAndNothingIsWritten(kind: RepositoryKind) async throws {
        let (repository, close) = try await repositoryWithUnits(kind)
        let before = try await repository.snapshot()
        let csv = """
            Loại,Đơn vị,Chỉ tiêu,Năm,Đến tháng,Giá trị
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,,"6.770,58"
            kết quả,Ia Thử,Tổng giá trị sản xuất,2024,9,bốn nghìn
            kết quả,Huyện Không Có,Tổng giá trị sản xuất,2024,9,5
            kết quả,Ia Thử,Chỉ tiêu lạ,2024,9,5
            kết quả,Ia Thử,Trồng rừng,2024,13,5
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,,"7.000"
            """
        do {
            _ = try await importCSV(csv, into: repository)
            Issue.record("a table with bad rows was imported")
        } catch let StoreError.invalidBatch(problems) {
            #expect(
                problems.map(\.message) == [
                    "Dòng 3, cột «Giá trị»: «bốn nghìn» không phải là số (ví dụ đúng: 4.790,86).",
                    "Dòng 4, cột «Đơn vị»: Không tìm thấy đơn vị \"Huyện Không Có\".",
                    "Dòng 5, cột «Chỉ tiêu»: «Chỉ tiêu lạ» không có trong danh mục chỉ tiêu; thêm bằng «chitieu indicators add», hoặc nhập với --create-indicators và cột «Đơn vị tính».",
                    "Dòng 6, cột «Đến tháng»: Kỳ báo cáo không hợp lệ: từ tháng 1 đến tháng 13 (tháng phải từ 1 đến 12, tháng đầu không sau tháng cuối).",
                ])
        }
        #expect(try await repository.snapshot() == before)
        // The duplicate plan on line 7 is caught when the rest is right.
        let duplicates = """
            Loại,Đơn vị,Chỉ tiêu,Năm,Giá trị
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,"6.770,58"
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2024,"7.000"
            """
        await #expect(
            throws: StoreError.invalidBatch([BatchProblem(origin: "dòng 3", "chỉ tiêu kế hoạch bị trùng với dòng 2.")])
        ) {
            try await importCSV(duplicates, into: repository)
        }
        #expect(try await repository.snapshot() == before)
        await close()
    }

    @Test func missingOrUnknownColumnsAreNamed() async throws {
        let (repository, close) = try await repositoryWithUnits(.memory)
        do {
            _ = try await importCSV("Đơn vị,Chỉ tiêu,Giá trị,Màu sắc\nIa Thử,Trồng rừng,5,đỏ\n", into: repository)
            Issue.record("imported without a kind column")
        } catch let StoreError.invalidBatch(problems) {
            #expect(problems.count == 2)
            #expect(problems[0].message.hasPrefix("Dòng 1: cột «Màu sắc» không được hỗ trợ."))
            #expect(problems[1].message == "Dòng 1: thiếu cột «Loại» (hoặc loai).")
        }
        await #expect(throws: StoreError.invalidBatch([BatchProblem(origin: nil, "tệp trống.")])) {
            try await importCSV("", into: repository)
        }
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func anExportImportsBackToTheSameFigures(kind: RepositoryKind) async throws {
        let (source, closeSource) = try await kind.withCatalogue()
        try await source.save(DemoDataSet.batch())
        let csv = try await TableExporter(repository: source).csv()
        #expect(csv.hasPrefix("\u{FEFF}Loại,Đơn vị,Chỉ tiêu,"))
        #expect(
            csv.contains("kết quả,\"huyện Kông Chro, tỉnh Gia Lai\",total_production_value,2024,,,1,9,\"4.790,86\""))

        let (copy, closeCopy) = try await kind.withCatalogue()
        var units = DataBatch()
        let giaLai = units.addUnit(.province, "Gia Lai", validTo: .reform2025)
        units.addUnit(.province, "Gia Lai", validFrom: .reform2025, predecessors: [giaLai])
        let bacKan = units.addUnit(.province, "Bắc Kạn", validTo: .reform2025)
        for (kind, name, parent) in [
            (UnitKind.district, "Kông Chro", giaLai), (.district, "Chư Sê", giaLai), (.town, "An Khê", giaLai),
            (.district, "Chợ Đồn", bacKan),
        ] {
            units.addUnit(kind, name, parent: parent, validTo: .reform2025)
        }
        try await copy.save(units)
        let summary = try await importCSV(csv, into: copy)
        // Every plan and result of the demo comes back: as many as the demo stores.
        let demo = DemoDataSet.batch()
        #expect(summary.targetsAdded == demo.targets.count)
        #expect(summary.observationsAdded == demo.observations.count)

        func figures(_ repository: any ChiTieuRepository) async throws -> [String] {
            var lines: [String] = []
            for unit in try await repository.allUnits() {
                for t in try await repository.targets(unitIDs: [unit.id], years: Period.yearRange) {
                    lines.append("\(unit.title)|\(t.indicatorCode)|\(t.scope)|\(t.measure)|\(t.bound)|\(t.issuer)")
                }
                for o in try await repository.observations(unitIDs: [unit.id], years: Period.yearRange) {
                    lines.append(
                        "\(unit.title)|\(o.indicatorCode)|\(o.period)|\(String(describing: o.value))|\(String(describing: o.qualifier))|\(o.estimated)|\(String(describing: o.statedPercentOfPlan))|\(String(describing: o.statedGrowthPercent))|\(String(describing: o.priceBasis))"
                    )
                }
            }
            return lines.sorted()
        }
        #expect(try await figures(copy) == figures(source))
        let json = String(decoding: try await TableExporter(repository: source).json(), as: UTF8.self)
        #expect(json.contains("\"indicator\" : \"total_production_value\""))
        await closeSource()
        await closeCopy()
    }

    /// A plan issuer or note typed as a formula reaches Excel as text, and comes back as typed.
    @Test(arguments: RepositoryKind.available)
    func formulaLikeTextIsNeutralisedInCSVAndRestoredOnImport(kind: RepositoryKind) async throws {
        let (repository, close) = try await repositoryWithUnits(kind)
        defer { Task { await close() } }
        let unit = try #require(try await repository.allUnits().first { $0.name == "Ia Thử" })
        let hostile = ["=HYPERLINK(\"http://gia-mao.example\",\"Bấm\")", "+84 912", "-2+3", "@SUM(A1)", "\t=1"]
        var batch = DataBatch()
        for (n, issuer) in hostile.enumerated() {
            batch.add(
                Target(
                    unitID: unit.id, indicatorCode: "total_production_value", scope: .year(2020 + n),
                    bound: .atLeast(-3.5), issuer: issuer))
        }
        try await repository.save(batch)
        let csv = try await TableExporter(repository: repository).csv()
        for issuer in hostile {
            #expect(!csv.contains(",\(issuer)") && !csv.contains(",\"\(issuer)"), "\(issuer) left live")
        }
        #expect(csv.contains(",'+84 912"))
        #expect(csv.contains("\"-3,5\""))  // numbers stay numbers

        let (copy, closeCopy) = try await repositoryWithUnits(kind)
        defer { Task { await closeCopy() } }
        let summary = try await importCSV(csv, into: copy)
        #expect(summary.targetsAdded == hostile.count)
        let copied = try #require(try await copy.allUnits().first { $0.name == "Ia Thử" })
        let issuers = try await copy.targets(unitIDs: [copied.id], years: Period.yearRange).map(\.issuer)
        #expect(Set(issuers) == Set(hostile))
    }
}

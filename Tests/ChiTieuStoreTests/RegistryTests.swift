import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// The shipped national registry, read without a database.
@Suite struct ShippedRegistryTests {
    static let registry = Result { try StandardRegistry.load() }
    static let lastDayBefore = CalendarDay(year: 2025, month: 6, day: 30)!

    @Test func untilThe30thOfJune2025ThereWere63Provinces696DistrictsAnd10035Communes() throws {
        let old = try Self.registry.get().entries(on: Self.lastDayBefore)
        #expect(old.filter { $0.depth == 0 }.count == 63)
        #expect(old.filter { $0.depth == 1 }.count == 696)
        #expect(old.filter { $0.depth == 2 }.count == 10_035)
        // The five island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
        // make the dataset's 10.040 rows.
        let parents = Set(old.compactMap(\.parent))
        #expect(
            old.filter { $0.depth == 1 && !parents.contains($0.key) }.map(\.name).sorted() == [
                "Bạch Long Vĩ", "Côn Đảo", "Cồn Cỏ", "Hoàng Sa", "Lý Sơn",
            ])
    }

    @Test func fromThe1stOfJuly2025There34ProvincesAnd3321CommunesAndNoDistricts() throws {
        let new = try Self.registry.get().entries(on: .reform2025)
        #expect(new.filter { $0.depth == 0 }.count == 34)
        #expect(new.filter { $0.depth == 1 }.isEmpty)
        #expect(new.filter { $0.depth == 2 }.count == 3_321)
        #expect(new.filter { $0.kind == .specialZone }.count == 13)
        #expect(new.filter { $0.key.era == .continuing }.map(\.name).contains("Hà Nội"))
    }

    @Test func everyNewUnitHasItsLineageAnd471OldCommunesWereSplit() throws {
        let registry = try Self.registry.get()
        let formed = Dictionary(grouping: registry.links, by: \.successor)
        for entry in registry.entries where entry.key.era == .new {
            #expect(formed[entry.key]?.isEmpty == false, "\(entry.name) has no predecessor")
        }
        let parts = Dictionary(grouping: registry.links.filter { $0.share == nil }, by: \.predecessor)
        #expect(parts.count == 471)
        #expect(Set(parts.values.map(\.count)) == [2, 3, 4, 5])
        // Gia Lai of 2025 is the old Gia Lai and Bình Định, whose code (52) it took.
        let giaLai = try #require(registry.entries.first { $0.name == "Gia Lai" && $0.key.era == .new })
        #expect(giaLai.code == "52")
        #expect(Set(formed[giaLai.key]!.map(\.predecessor.code)) == ["52", "64"])
    }

    @Test func aCodeIsReusedSoOnlyCodeAndEraNameAUnit() throws {
        let registry = try Self.registry.get()
        let sameCode = registry.entries.filter { $0.code == "23824" }
        #expect(sameCode.map(\.kind) == [.townlet, .commune])
        #expect(Set(registry.entries.map(\.key)).count == registry.entries.count)
    }

    @Test func aBrokenLineIsAnErrorWithItsNumber() {
        #expect(throws: UnitRegistry.FormatError.self) {
            try UnitRegistry(text: "U\to\tprovince\t64\tGia Lai\t\nU\to\tdistrict\t630\tKông Chro\t99\n", version: "t")
        }
        do {
            _ = try UnitRegistry(text: "# x\nU\to\tprovince\t64\tGia Lai\t\nS\t52\t64\t1,5\n", version: "t")
        } catch let error as UnitRegistry.FormatError {
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// Loading the registry into every kind of store, alone or onto the demo's units.
@Suite struct RegistryLoadTests {
    @Test(arguments: RepositoryKind.available)
    func demoUnitsTakeTheirCodesAndKeepTheirFigures(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        // An older database: the demo's units without codes.
        var batch = DemoDataSet.batch()
        for i in batch.units.indices { batch.units[i].item.code = nil }
        try await repository.save(batch)
        let before = try await UnitResolver(repository: repository).resolve("Kông Chro")
        let load = try await repository.ensureRegistry()
        #expect(load.adopted == 8)
        #expect(load.added == 14_138 - 8)
        #expect(try await repository.allUnits().count == 14_138)
        let kongChro = try #require(try await repository.unit(id: before.id))
        #expect(kongChro.code == "630")
        #expect(try await repository.conferences(unitID: kongChro.id).count == 1)
        #expect(try await repository.children(of: kongChro.id).map(\.name).contains("Yang Trung"))
        let again = try await repository.ensureRegistry()
        #expect(again.isEmpty)
        #expect(try await repository.auditTrail(AuditQuery()).first?.description.hasPrefix("Danh mục đơn vị") == true)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func theDemoLandsOnRegistryUnitsAndNamesResolveAmong14000(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        try await repository.ensureRegistry()
        let summary = try await repository.save(DemoDataSet.batch())
        // The demo's eight units are the registry's: none added, none audited as added.
        #expect(summary.unitsAdded == 0)
        #expect(!summary.sentence.contains("đơn vị"))
        #expect(try await repository.auditTrail(AuditQuery()).filter { $0.subject == .unit }.count == 1)
        #expect(try await repository.allUnits().count == 14_138)
        #expect(try await DemoDataSet.isLoaded(in: repository))
        let resolver = UnitResolver(repository: repository)
        let in2024 = CalendarDay(year: 2024, month: 9, day: 30)!
        // huyện Kông Chro and its thị trấn Kông Chro lie on one line: the district, said so.
        let kongChro = try await resolver.resolution("Kông Chro", on: in2024)
        #expect(kongChro.unit.code == "630")
        #expect(kongChro.note?.contains("huyện Kông Chro (mã 630)") == true)
        #expect(try await repository.committeeTerms(of: kongChro.unit.id).map(\.number) == [8])
        #expect(try await resolver.resolve("Yang Trung, Kông Chro, Gia Lai").kind == .commune)
        #expect(try await resolver.resolve("thị trấn Kông Chro").code == "23824")
        #expect(try await resolver.resolve("23824", on: in2024).kind == .townlet)
        #expect(try await resolver.resolve("23824", on: .reform2025).kind == .commune)
        #expect(try await resolver.resolve("huyện Kông Chro").code == "630")
        do {
            _ = try await resolver.resolve("xã Tân Thành", on: .reform2025)
            Issue.record("an ambiguous name resolved")
        } catch let StoreError.ambiguousUnit(_, candidates) {
            #expect(candidates.count > 3)
            #expect(candidates.allSatisfy { $0.hasPrefix("xã Tân Thành (tỉnh ") && $0.contains(", mã ") })
        }
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func theShareOfASplitCommuneIsEnteredAndChecked(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        try await repository.ensureRegistry()
        let resolver = UnitResolver(repository: repository)
        // Phường Ngọc Hà (00016) of Hà Nội was split between phường Ba Đình (00004) and phường Ngọc Hà (00008).
        let old = try await resolver.resolve("00016", on: CalendarDay(year: 2025, month: 6, day: 30)!)
        let baDinh = try await resolver.resolve("00004", on: .reform2025)
        let ngocHa = try await resolver.resolve("00008", on: .reform2025)
        let parts = try await repository.successions().filter { $0.predecessorID == old.id }
        #expect(Set(parts.map(\.successorID)) == [baDinh.id, ngocHa.id])
        #expect(parts.allSatisfy { $0.share == nil })
        try await repository.setShare(
            ShareChange(predecessorID: old.id, successorID: baDinh.id, share: 0.405, basis: "diện tích"),
            author: .commandLine)
        await #expect(throws: StoreError.self) {
            try await repository.setShare(
                ShareChange(predecessorID: old.id, successorID: ngocHa.id, share: 0.7, basis: "diện tích"),
                author: .commandLine)
        }
        try await repository.setShare(
            ShareChange(predecessorID: old.id, successorID: ngocHa.id, share: 0.595, basis: "diện tích"),
            author: .commandLine)
        let trucBach = try await resolver.resolve("00004", on: CalendarDay(year: 2025, month: 6, day: 30)!)
        await #expect(throws: StoreError.self) {
            // phường Trúc Bạch went whole into Ba Đình, not into Ngọc Hà
            try await repository.setShare(
                ShareChange(predecessorID: trucBach.id, successorID: ngocHa.id, share: 0.1, basis: "diện tích"),
                author: .commandLine)
        }
        let stored = try await repository.successions().filter { $0.predecessorID == old.id }
        #expect(stored.map(\.share).sorted { ($0 ?? 0) < ($1 ?? 0) } == [0.405, 0.595])
        #expect(stored.allSatisfy { $0.shareBasis == "diện tích" })
        #expect(
            try await repository.auditTrail(AuditQuery(unitID: ngocHa.id)).first?.newValue == "59,5% theo diện tích")
        await close()
    }
}

/// Every unit's point, from the shipped registry, found by its code and era.
@Suite struct RegistryCoordinateTests {
    @Test func aCommuneOfBeforeTheReformHasItsPoint() throws {
        let old = AdministrativeUnit(
            id: 1, kind: .commune, name: "An Trung", code: "23830", validTo: .reform2025)
        let point = try #require(StandardRegistry.coordinate(of: old))
        #expect(abs(point.latitude - 13.849) < 0.001 && abs(point.longitude - 108.483) < 0.001)
        #expect(StandardRegistry.coordinate(of: AdministrativeUnit(id: 2, kind: .commune, name: "Không Mã")) == nil)
        let registry = try StandardRegistry.load()
        let placed = registry.entries.filter { $0.coordinate != nil }.count
        #expect(placed == registry.entries.count, "the dataset has a point for every unit")
    }
}

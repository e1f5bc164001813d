import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuStore

/// An office's own indicators: added, refused when they clash, changed with their history,
/// and created by an import that gives their unit of measure.
@Suite struct OwnIndicatorTests {
    static let water = IndicatorDraft(
        name: "Tỷ lệ hộ dùng nước sạch", measureUnit: "%", field: .society, synonyms: ["tỷ lệ hộ dân dùng nước sạch"])

    @Test func aDraftIsCheckedFieldByField() throws {
        let catalogue = try StandardCatalogue.load().indicators
        let empty = IndicatorDraft(name: "  ", measureUnit: "")
        guard case .failure(let list) = empty.indicator(code: "rieng_x", against: catalogue) else {
            Issue.record("an empty draft passed")
            return
        }
        #expect(list.problems.map(\.field) == ["ten", "don_vi_tinh"])
        let flowRate = IndicatorDraft(name: "Tỷ lệ gì đó", measureUnit: "%", kind: .flow)
        guard case .failure(let rate) = flowRate.indicator(code: "rieng_y", against: catalogue) else {
            Issue.record("a flow in % passed")
            return
        }
        #expect(rate.problems.first?.message.contains("không đo bằng «%»") == true)
        let clash = IndicatorDraft(name: "tong gia tri san xuat", measureUnit: "tỷ đồng")
        guard case .failure(let name) = clash.indicator(code: "rieng_z", against: catalogue) else {
            Issue.record("a clash with the catalogue passed")
            return
        }
        #expect(name.problems.first?.message.contains("(mã total_production_value)") == true)
        #expect(Indicator.code(forName: "Tỷ lệ hộ dùng nước sạch", taken: []) == "rieng_ty_le_ho_dung_nuoc_sach")
        #expect(
            Indicator.code(forName: "Tỷ lệ hộ dùng nước sạch", taken: ["rieng_ty_le_ho_dung_nuoc_sach"])
                == "rieng_ty_le_ho_dung_nuoc_sach_2")
    }

    @Test(arguments: RepositoryKind.available)
    func theOwnerUnitIsStoredAndKeptThroughAChange(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var batch = DataBatch()
            batch.addUnit(.commune, "Ia Thử")
            let unit = try #require(try await repository.save(batch).unitIDs[-1])
            var draft = Self.water
            draft.ownerUnitID = unit
            let made = try await repository.saveIndicator(draft, code: nil, author: .commandLine)
            #expect(try await repository.indicatorsByCode()[made.code]?.ownerUnitID == unit)
            var changed = Self.water
            changed.measureUnit = "% số hộ"
            _ = try await repository.saveIndicator(changed, code: made.code, author: .commandLine)
            let stored = try #require(try await repository.indicatorsByCode()[made.code])
            #expect(stored.measureUnit == "% số hộ" && stored.ownerUnitID == unit)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func anOwnIndicatorIsAddedChangedWithHistoryAndNeverDuplicated(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let made = try await repository.saveIndicator(Self.water, code: nil, author: .commandLine)
        #expect(made.code == "rieng_ty_le_ho_dung_nuoc_sach")
        #expect(try await repository.indicatorsByCode()[made.code]?.measureUnit == "%")
        #expect(try await repository.catalogueVersion() == (try StandardCatalogue.load()).version)
        await #expect(throws: StoreError.self) {
            try await repository.saveIndicator(
                IndicatorDraft(name: "Tỷ lệ hộ dân dùng nước sạch", measureUnit: "%"), code: nil, author: .commandLine)
        }
        var changed = Self.water
        changed.frequency = .halfYearly
        changed.synonyms = []
        _ = try await repository.saveIndicator(changed, code: made.code, author: .commandLine)
        let stored = try #require(try await repository.indicatorsByCode()[made.code])
        #expect(stored.frequency == .halfYearly)
        #expect(stored.ownerUnitID == nil)
        #expect(stored.allNames.allSatisfy { NameKey($0) == NameKey(stored.name) })
        let history = try await repository.auditTrail(AuditQuery(recordKey: "danh-muc/\(made.code)"))
        #expect(history.map(\.action) == [.changed, .added])
        #expect(history[0].oldValue?.contains("tên khác: tỷ lệ hộ dân dùng nước sạch") == true)
        #expect(history[0].newValue?.hasSuffix("half_yearly") == true)
        await #expect(throws: StoreError.self) {
            try await repository.saveIndicator(
                IndicatorDraft(name: "Tổng giá trị sản xuất", measureUnit: "ha"), code: "total_production_value",
                author: .commandLine)
        }
        #expect(try await repository.indicatorsByCode()["total_production_value"]?.measureUnit == "tỷ đồng")
        await close()
    }

    @Test func aRollUpRuleIsCheckedAgainstTheCatalogue() throws {
        let catalogue = try StandardCatalogue.load().indicators
        var rate = IndicatorDraft(name: "Tỷ lệ hộ dùng nước sạch", measureUnit: "%", rollUp: RollUpRule([.sum]))
        guard case .failure(let summed) = rate.indicator(code: "rieng_ty_le", against: catalogue) else {
            Issue.record("a summed rate passed")
            return
        }
        #expect(summed.problems.map(\.field) == ["tong_hop"])
        #expect(summed.problems[0].message.hasPrefix("Tổng hợp từ cấp dưới: Một tỷ lệ (%) không cộng được"))
        rate.rollUp = RollUpRule([.share(numerator: "rieng_ty_le", denominator: "ho_khong_co", scale: 100)])
        guard case .failure(let unknown) = rate.indicator(code: "rieng_ty_le", against: catalogue) else {
            Issue.record("a rule reading unknown indicators passed")
            return
        }
        #expect(
            unknown.problems.map(\.message) == [
                "Tổng hợp từ cấp dưới: Tử số phải là một chỉ tiêu khác, không phải chính chỉ tiêu này.",
                "Tổng hợp từ cấp dưới: Mẫu số «ho_khong_co» không có trong danh mục.",
            ])
        rate.rollUp = RollUpRule([.share(numerator: "poor_households", denominator: "households", scale: 100)])
        let made = try rate.indicator(code: "rieng_ty_le", against: catalogue).get()
        #expect(made.rollUp.text == "share:poor_households/households*100")
        let names = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.code, $0) })
        #expect(
            RollUpRule(text: "share:poor_households/households*100;mean:households")?.vietnamese(names: names)
                == "tính lại tỷ lệ: Số hộ nghèo / Tổng số hộ × 100; nếu không: bình quân gia quyền theo Tổng số hộ")
        #expect(RollUpRule.none.vietnamese(names: names) == "không tổng hợp")
    }

    /// An office's rate recomputed from its own count: a district with no figure of its own gets
    /// (30 + 45) households with clean water of (100 + 150) households = 30%.
    @Test(arguments: RepositoryKind.available)
    func anOwnIndicatorsRuleDerivesTheParentsFigure(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        let count = try await repository.saveIndicator(
            IndicatorDraft(name: "Số hộ dùng nước sạch", measureUnit: "hộ"), code: nil, author: .commandLine)
        var draft = Self.water
        draft.rollUp = RollUpRule([.share(numerator: count.code, denominator: "households", scale: 100)])
        let rate = try await repository.saveIndicator(draft, code: nil, author: .commandLine)
        #expect(try await repository.indicatorsByCode()[rate.code]?.rollUpRule == draft.rollUp)

        var units = DataBatch()
        let district = units.addUnit(.district, "Thử Nước")
        let communes = ["Ia Nước", "Ia Suối"].map { units.addUnit(.commune, $0, parent: district) }
        let ids = try await repository.save(units).unitIDs
        let districtID = try #require(ids[district])
        var figures = DataBatch()
        figures.add(Target(unitID: districtID, indicatorCode: rate.code, scope: .year(2026), bound: .atLeast(40)))
        for (commune, (clean, households)) in zip(communes, [(30.0, 100.0), (45, 150)]) {
            let id = try #require(ids[commune])
            figures.add(Observation(unitID: id, indicatorCode: count.code, period: try .year(2026), value: clean))
            figures.add(
                Observation(unitID: id, indicatorCode: "households", period: try .year(2026), value: households))
        }
        try await repository.save(figures)
        let unit = try #require(try await repository.unit(id: districtID))
        func assessed() async throws -> Assessment? {
            try await UnitReview(repository: repository).overview(of: unit, period: try .year(2026)).annual.first {
                $0.indicator.code == rate.code
            }
        }
        let derived = try #require(try await assessed())
        #expect(derived.value == 30 && derived.observation?.derivation?.fromUnits.count == 2)
        #expect(derived.status == .missed)

        draft.rollUp = RollUpRule.none
        _ = try await repository.saveIndicator(draft, code: rate.code, author: .commandLine)
        #expect(try await assessed()?.value == nil, "no rule: nothing derived")
        let history = try await repository.auditTrail(AuditQuery(recordKey: "danh-muc/\(rate.code)"))
        #expect(history.first?.oldValue?.hasSuffix("tổng hợp: share:\(count.code)/households*100") == true)
        #expect(history.first?.newValue?.hasSuffix("tổng hợp: không") == true)
        await close()
    }

    @Test(arguments: RepositoryKind.available)
    func anImportCreatesTheIndicatorsItsRowsDefine(kind: RepositoryKind) async throws {
        let (repository, close) = try await kind.withCatalogue()
        var units = DataBatch()
        units.addUnit(.commune, "Ia Thử")
        try await repository.save(units)
        let table = """
            Loại,Đơn vị,Chỉ tiêu,Năm,Giá trị,ĐVT
            kế hoạch,Ia Thử,Tỷ lệ hộ dùng điện lưới,2026,"98,5",%
            kết quả,Ia Thử,Tỷ lệ hộ dùng điện lưới,2026,97,%
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2026,300,tỷ đồng
            """
        let catalogue = try await repository.storedCatalogue(location: "test")
        await #expect(throws: StoreError.self) {
            try await TableImporter(repository: repository, catalogue: catalogue).batch(csv: table, document: "t.csv")
        }
        let batch = try await TableImporter(repository: repository, catalogue: catalogue, createIndicators: true)
            .batch(csv: table, document: "t.csv")
        let summary = try await repository.save(batch)
        #expect(summary.indicatorsSaved == 1)
        #expect(summary.targetsAdded == 2)
        let electricity = try #require(try await repository.indicatorsByCode()["rieng_ty_le_ho_dung_dien_luoi"])
        #expect(electricity.measureUnit == "%")
        #expect(try await repository.auditTrail(AuditQuery(recordKey: "danh-muc/\(electricity.code)")).count == 1)
        // A unit of measure that contradicts a known indicator, or none for a new one: nothing stored.
        let wrong = """
            Loại,Đơn vị,Chỉ tiêu,Năm,Giá trị,dvt
            kế hoạch,Ia Thử,Tổng giá trị sản xuất,2027,300,ha
            kế hoạch,Ia Thử,Số hộ làm du lịch cộng đồng,2027,12,
            """
        do {
            _ = try await TableImporter(
                repository: repository, catalogue: try await repository.storedCatalogue(location: "test"),
                createIndicators: true
            ).batch(csv: wrong, document: "w.csv")
            Issue.record("a wrong table was accepted")
        } catch let StoreError.invalidBatch(problems) {
            #expect(problems.map(\.origin) == ["dòng 3, cột «Đơn vị tính»"])
        }
        await close()
    }
}

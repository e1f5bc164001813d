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

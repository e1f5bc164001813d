import Testing

@testable import ChiTieuCore

/// A target set lays the document's numbering and count over a unit's targets.
@Suite struct TargetSetTests {
    static let indicators = [Fixture.production, Fixture.insurance, Fixture.poverty, Fixture.newMembers]

    /// Four targets for 2024; the plan's set lists three of them, poverty first, and one target
    /// (new Party members) the plan names but nobody has entered a figure for.
    static func overview(set: TargetSet?) -> Overview {
        let targets = [
            Fixture.plan(Fixture.production, 2024, .atLeast(4_000), id: 1),
            Fixture.plan(Fixture.insurance, 2024, .atLeast(95), id: 2),
            Fixture.plan(Fixture.poverty, 2024, .atMost(2), id: 3),
            Fixture.plan(Fixture.newMembers, 2024, .atLeast(80), id: 4),
        ]
        let history = ObservationHistory([
            Fixture.obs(Fixture.production, 2024, to: 12, 4_400),
            Fixture.obs(Fixture.insurance, 2024, to: 12, 90),
            Fixture.obs(Fixture.poverty, 2024, to: 12, 1.8),
        ])
        return Overview(
            unit: Fixture.unit, period: try! Period(year: 2024, toMonth: 12), targets: targets,
            indicators: indicators, history: history, targetSets: set.map { [$0] } ?? [])
    }

    static let plan2024 = TargetSet(
        unitID: Fixture.unit.id, scope: .year(2024), title: "Kế hoạch phát triển kinh tế - xã hội năm 2024",
        items: [
            .init(number: "1", heading: "I. XÃ HỘI", indicatorCode: Fixture.poverty.code),
            .init(number: "2", indicatorCode: Fixture.newMembers.code),
            .init(number: "3", heading: "II. KINH TẾ", indicatorCode: Fixture.production.code),
        ])

    @Test func theTallyCountsTheSetInItsOrderAndAnItemWithoutAResultIsUnassessed() throws {
        let without = Self.overview(set: nil)
        #expect(without.tally.total == 4)
        #expect(without.tally.exceeded == 1 && without.tally.missed == 1 && without.tally.unassessed == 1)

        let overview = Self.overview(set: Self.plan2024)
        #expect(overview.annualSet?.title == "Kế hoạch phát triển kinh tế - xã hội năm 2024")
        #expect(overview.tally.total == 3)
        // Poverty 1,8% ≤ 2% is met (a level); production 4.400 ≥ 4.000 exceeded; Party members: no result.
        #expect(overview.tally.met == 1 && overview.tally.exceeded == 1 && overview.tally.unassessed == 1)
        #expect(overview.tally.sentence.hasPrefix("Trong tổng 3 chỉ tiêu đã có 01 chỉ tiêu vượt kế hoạch"))
        // The set's order first, the target outside the set after it, not numbered.
        #expect(
            overview.annual.map(\.target.indicatorCode) == [
                Fixture.poverty.code, Fixture.newMembers.code, Fixture.production.code, Fixture.insurance.code,
            ])
        #expect(overview.annual.map { overview.item(of: $0)?.number } == ["1", "2", "3", nil])
        #expect(overview.item(of: overview.annual[2])?.heading == "II. KINH TẾ")
        #expect(overview.unplacedItems.isEmpty)
        #expect(overview.termSet == nil)
    }

    @Test func anItemWhoseTargetIsGoneIsStillCountedAsUnassessed() {
        var set = Self.plan2024
        set.items.append(.init(number: "4", indicatorCode: "total_investment"))
        let overview = Self.overview(set: set)
        #expect(overview.tally.total == 4)
        #expect(overview.tally.unassessed == 2)
        #expect(overview.unplacedItems.map(\.number) == ["4"])
    }

    @Test func aSetOfAnotherYearOrUnitIsNotLaidOver() {
        var other = Self.plan2024
        other.scope = .year(2023)
        #expect(Self.overview(set: other).annualSet == nil)
        other = Self.plan2024
        other.unitID = 2
        #expect(Self.overview(set: other).tally.total == 4)
    }

    @Test func problemsNameTheFieldAndTheItems() {
        var set = Self.plan2024
        #expect(set.problems.isEmpty)
        set.title = "  "
        set.items[1].number = "1"
        set.items.append(.init(number: "", indicatorCode: Fixture.insurance.code))
        set.items.append(.init(number: "5", indicatorCode: Fixture.poverty.code))
        #expect(
            set.problems == [
                "tên bộ chỉ tiêu (văn bản ban hành) để trống.",
                "số thứ tự «1» dùng cho hai mục (mục thứ 1 và mục thứ 2).",
                "mục thứ 4 (health_insurance_coverage) thiếu số thứ tự.",
                "chỉ tiêu poverty_rate có hai lần trong bộ (mục thứ 1 và mục thứ 5).",
            ])
        // The same indicator under another issuer is another target, allowed.
        set = Self.plan2024
        set.items.append(.init(number: "4", indicatorCode: Fixture.poverty.code, issuer: "dự toán tỉnh giao"))
        #expect(set.problems.isEmpty)
    }
}

@Suite struct TargetSetNumberOrderTests {
    @Test func numbersSortAsDocumentsNumberThem() {
        let shuffled = ["10", "1.10", "2", "IV", "1", "b", "II", "1.2", "a", "c", "d", "1.1"]
        #expect(
            shuffled.sorted(by: TargetSet.Item.numberPrecedes) == [
                "a", "b", "c", "d", "1", "1.1", "1.2", "1.10", "2", "II", "IV", "10",
            ])
    }
}

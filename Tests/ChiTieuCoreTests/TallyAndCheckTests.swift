import Foundation
import Testing

@testable import ChiTieuCore

@Suite struct TallyTests {
    typealias F = Fixture

    @Test func countsEachIndicatorOnceByTheHighestRankedIssuer() {
        let province = F.plan(F.production, 2024, .atLeast(60), issuer: "dự toán tỉnh giao", id: 1)
        let council = F.plan(F.production, 2024, .atLeast(80), issuer: "dự toán HĐND huyện giao", id: 2)
        let data = ObservationHistory([F.obs(F.production, 2024, to: 12, 59)])
        let period = try! Period.year(2024)
        let assessor = TargetAssessor()
        let a = [province, council].map { assessor.assess($0, indicator: F.production, period: period, history: data) }
        #expect(a.map { $0.percentOfPlan!.rounded(2) } == [98.33, 73.75])
        let tally = Tally(counting: a)
        #expect(tally.total == 1)
        // The district council's estimate ranks before the province's: judged against 80.
        #expect(tally.missed == 1)
    }

    @Test func sentenceAsReportsWriteIt() {
        var tally = Tally()
        for _ in 0..<10 { tally.add(.exceeded) }
        for _ in 0..<22 { tally.add(.met) }
        for _ in 0..<8 { tally.add(.missed) }
        for _ in 0..<2 { tally.add(.unassessed) }
        #expect(
            tally.sentence
                == "Trong tổng 42 chỉ tiêu đã có 10 chỉ tiêu vượt kế hoạch, 22 chỉ tiêu đạt kế hoạch, 08 chỉ tiêu không đạt kế hoạch, 02 chỉ tiêu chưa đánh giá."
        )
    }

    @Test func overviewSplitsAnnualAndTermTargetsAndSortsByUrgency() {
        let targets = [
            F.plan(F.production, 2024, .atLeast(1000), id: 1),
            F.plan(F.accidents, 2024, .atMost(20), id: 2),
            F.plan(F.production, 2025, .atLeast(2000), id: 3),
            Target(
                id: 4, unitID: F.unit.id, indicatorCode: F.newMembers.code, scope: .term(from: 2021, to: 2025),
                measure: .everyYear, bound: .atLeast(80)),
            Target(id: 5, unitID: F.unit.id, indicatorCode: "gone", scope: .year(2024), bound: .atLeast(1)),
        ]
        let indicators = [F.production, F.accidents, F.newMembers]
        let history = ObservationHistory([F.obs(F.production, 2024, to: 6, 600), F.obs(F.accidents, 2024, to: 6, 14)])
        let overview = Overview(
            unit: F.unit, period: try! Period(year: 2024, toMonth: 6), targets: targets, indicators: indicators,
            history: history)
        #expect(overview.annual.map(\.target.id) == [1, 2])
        #expect(overview.term.map(\.target.id) == [4])
        #expect(overview.tally.onTrack == 1)
        #expect(overview.tally.offTrack == 1)
        #expect(overview.termTally.unassessed == 1)
        #expect(overview.byUrgency.first?.target.id == 2)
        #expect(overview.unknownIndicators == ["gone"])
    }
}

@Suite struct ConsistencyCheckTests {
    typealias F = Fixture
    let checker = ConsistencyChecker(currentYear: 2026)
    let labour = Indicator(
        code: "labour_export", name: "Xuất khẩu lao động", measureUnit: "người", kind: .flow, field: .society)
    var indicators: [String: Indicator] {
        Dictionary(uniqueKeysWithValues: [F.production, F.insurance, labour].map { ($0.code, $0) })
    }

    @Test func statedPercentOfPlanThatDisagreesIsReported() {
        let findings = checker.check(
            unit: F.unit, indicators: indicators, targets: [F.plan(labour, 2023, .atLeast(120))],
            observations: [F.obs(labour, 2023, to: 9, 217, percent: 180)])
        #expect(findings.count == 1)
        #expect(findings[0].kind == .percentOfPlanMismatch)
        #expect(
            findings[0].message
                == "Huyện Thử Nghiệm, Xuất khẩu lao động, 9 tháng năm 2023: nguồn ghi đạt 180% kế hoạch, nhưng 217 ÷ 120 = 180,83%."
        )
    }

    @Test func aStatedPercentMatchingAnyOfSeveralPlansIsFine() {
        let plans = [
            F.plan(F.production, 2024, .atLeast(63.44), issuer: "dự toán tỉnh giao", id: 1),
            F.plan(F.production, 2024, .atLeast(80.82), issuer: "dự toán HĐND huyện giao", id: 2),
        ]
        let findings = checker.check(
            unit: F.unit, indicators: indicators, targets: plans,
            observations: [F.obs(F.production, 2024, to: 12, 59, percent: 73)])
        #expect(findings.isEmpty)
    }

    @Test func aPercentWithoutPlanTellsThePlanItImplies() {
        let findings = checker.check(
            unit: F.unit, indicators: indicators, targets: [],
            observations: [F.obs(F.production, 2024, to: 9, 4790.86, percent: 70.76)])
        #expect(findings.map(\.kind) == [.planDerivable])
        #expect(findings[0].message.contains("kế hoạch khoảng 6.770,58 tỷ đồng"))
    }

    @Test func statedGrowthThatDisagreesWithHistoryIsReported() {
        let observations = [F.obs(F.production, 2023, to: 6, 1000), F.obs(F.production, 2024, to: 6, 1100, growth: 12)]
        let findings = checker.check(unit: F.unit, indicators: indicators, targets: [], observations: observations)
        #expect(findings.map(\.kind) == [.growthMismatch])
        #expect(findings[0].message.contains("cho 10%"))
        let fine = [F.obs(F.production, 2023, to: 6, 1000), F.obs(F.production, 2024, to: 6, 1100, growth: 10)]
        #expect(checker.check(unit: F.unit, indicators: indicators, targets: [], observations: fine).isEmpty)
    }

    @Test func tallyWhosePartsDoNotAddUp() throws {
        let period = try Period.year(2024)
        let good = StatedTally(unitID: 1, period: period, total: 42, exceeded: 10, met: 22, missed: 8, unassessed: 2)
        let bad = StatedTally(unitID: 1, period: period, total: 42, exceeded: 10, met: 22, missed: 8, unassessed: 3)
        let partial = StatedTally(unitID: 1, period: period, total: 20, metOrExceeded: 15)
        let tooMany = StatedTally(unitID: 1, period: period, total: 20, metOrExceeded: 21)
        let findings = checker.check(
            unit: F.unit, indicators: indicators, targets: [], observations: [],
            statedTallies: [good, bad, partial, tooMany])
        #expect(
            findings.map(\.message) == [
                "Huyện Thử Nghiệm, năm 2024: tổng 42 chỉ tiêu nhưng các nhóm cộng lại được 43.",
                "Huyện Thử Nghiệm, năm 2024: tổng 20 chỉ tiêu nhưng các nhóm cộng lại được 21.",
            ])
    }

    @Test func implausibleYearAndRateOutOfRange() {
        let findings = checker.check(
            unit: F.unit, indicators: indicators, targets: [F.plan(F.production, 2924, .atLeast(1))],
            observations: [F.obs(F.production, 2124, to: 12, 5), F.obs(F.insurance, 2024, to: 12, 104)])
        #expect(Set(findings.map(\.kind)) == [.implausibleYear, .rateOutOfRange])
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.severity == .error })
    }
}

@Suite struct CatalogueDecodingTests {
    @Test func findsIndicatorsByAnyName() throws {
        let json = """
            {"version": "t1", "indicators": [
              {"code": "industrial_production_value", "name": "Giá trị sản xuất công nghiệp", "unit": "tỷ đồng",
               "kind": "flow", "synonyms": ["Giá trị sản lượng công nghiệp, tiểu thủ công nghiệp"]}
            ]}
            """
        let catalogue = try Catalogue.decode(Data(json.utf8))
        #expect(
            catalogue.indicator(named: "giá trị sản lượng công nghiệp,  tiểu thủ công nghiệp")?.code
                == "industrial_production_value")
        #expect(catalogue.indicator(named: "Gia tri san xuat cong nghiep")?.code == "industrial_production_value")
        #expect(catalogue.indicator(named: "industrial_production_value")?.name == "Giá trị sản xuất công nghiệp")
        #expect(catalogue.indicator(named: "Thu ngân sách") == nil)
        #expect(catalogue.indicators[0].frequency == .monthly)
    }

    @Test func malformedCataloguesSayWhatIsWrong() {
        let missing = #"{"version": "x", "indicators": [{"code": "a", "name": "A", "kind": "flow"}]}"#
        #expect(throws: CatalogueError.malformed("thiếu trường \"unit\" tại indicators.[0]")) {
            try Catalogue.decode(Data(missing.utf8))
        }
        let duplicate =
            #"{"version": "x", "indicators": [{"code": "a", "name": "A", "unit": "ha", "kind": "flow"}, {"code": "a", "name": "B", "unit": "ha", "kind": "flow"}]}"#
        #expect(throws: CatalogueError.duplicateCode("a")) { try Catalogue.decode(Data(duplicate.utf8)) }
        let badCode = #"{"version": "x", "indicators": [{"code": "Tổng", "name": "A", "unit": "ha", "kind": "flow"}]}"#
        #expect(throws: CatalogueError.invalidCode("Tổng")) { try Catalogue.decode(Data(badCode.utf8)) }
    }
}

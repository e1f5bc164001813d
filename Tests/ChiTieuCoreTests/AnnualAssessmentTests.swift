import Testing

@testable import ChiTieuCore

/// Annual plans: flow vs level, higher vs lower is better, mid-year vs year-end, with and
/// without history.
@Suite struct AnnualAssessmentTests {
    typealias F = Fixture

    // MARK: flow, higher is better

    @Test func midYearFlowWithoutHistoryUsesMonthsOverTwelve() {
        let plan = F.plan(F.production, 2024, .atLeast(6770.58))
        let a = F.assess(
            plan, F.production, year: 2024, to: 9,
            [F.obs(F.production, 2024, to: 9, 4790.86, estimated: true, growth: 3.81)])
        #expect(a.percentOfPlan!.rounded(2) == 70.76)
        #expect(a.expectedShare == 0.75)
        #expect(a.forecast!.rounded(2) == 6387.81)
        #expect(a.growthPercent == 3.81)
        #expect(a.growthSource == .stated)
        #expect(a.estimated)
        #expect(a.shortfallPercent!.rounded(2) == 5.65)
        #expect(a.status == .atRisk)
    }

    @Test func midYearFlowUsesLastYearsSeasonalShare() {
        let plan = F.plan(F.production, 2024, .atLeast(6770.58))
        let history = [
            F.obs(F.production, 2023, to: 9, 4000), F.obs(F.production, 2023, to: 12, 6000),
            F.obs(F.production, 2024, to: 9, 4790.86, growth: 3.81),
        ]
        let a = F.assess(plan, F.production, year: 2024, to: 9, history)
        #expect(a.expectedShare!.rounded(4) == 0.6667)
        #expect(a.forecast!.rounded(2) == 7186.29)
        #expect(a.status == .onTrack)
        // Growth comes from stored history, not the stated 3,81%.
        #expect(a.growthSource == .history)
        #expect(a.growthPercent!.rounded(2) == 19.77)
    }

    @Test func midYearFlowFarBehindIsOffTrack() {
        let plan = F.plan(F.production, 2024, .atLeast(1000))
        let a = F.assess(plan, F.production, year: 2024, to: 6, [F.obs(F.production, 2024, to: 6, 400)])
        #expect(a.forecast == 800)
        #expect(a.shortfallPercent == 20)
        #expect(a.status == .offTrack)
    }

    @Test func atRiskThresholdIsConfigurable() {
        let plan = F.plan(F.production, 2024, .atLeast(1000))
        let history = ObservationHistory([F.obs(F.production, 2024, to: 6, 400)])
        let period = try! Period(year: 2024, toMonth: 6)
        let lenient = TargetAssessor(configuration: .init(atRiskShortfallPercent: 25))
        #expect(lenient.assess(plan, indicator: F.production, period: period, history: history).status == .atRisk)
    }

    @Test(arguments: [(6800.0, AssessmentStatus.exceeded), (6770.58, .met), (6500, .missed)])
    func yearEndFlowAnyExcessIsExceeded(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.production, 2024, .atLeast(6770.58))
        let a = F.assess(plan, F.production, year: 2024, to: 12, [F.obs(F.production, 2024, to: 12, value)])
        #expect(a.status == expected)
        #expect(a.forecast == value)
        if expected == .missed { #expect(a.shortfallPercent!.rounded(2) == 4.0) }
    }

    @Test(arguments: [(1040.0, AssessmentStatus.met), (1050, .exceeded), (990, .missed)])
    func marginDecidesWhatCountsAsExceeded(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.production, 2024, .atLeast(1000), margin: 5)
        #expect(
            F.assess(plan, F.production, year: 2024, to: 12, [F.obs(F.production, 2024, to: 12, value)]).status
                == expected)
    }

    @Test func quartersAddUpToTheHalfYear() {
        let plan = F.plan(F.production, 2024, .atLeast(1000))
        let a = F.assess(
            plan, F.production, year: 2024, to: 6,
            [F.obs(F.production, 2024, to: 3, 200), F.obs(F.production, 2024, to: 6, from: 4, 300, estimated: true)])
        #expect(a.value == 500)
        #expect(a.estimated)
        #expect(a.status == .onTrack)
    }

    @Test func aGapInTheQuartersLeavesItUnassessed() {
        let plan = F.plan(F.production, 2024, .atLeast(1000))
        let a = F.assess(
            plan, F.production, year: 2024, to: 9,
            [F.obs(F.production, 2024, to: 3, 200), F.obs(F.production, 2024, to: 9, from: 7, 300)])
        #expect(a.status == .unassessed)
        #expect(a.note == "Chưa có số liệu 9 tháng năm 2024.")
    }

    @Test func latestVersionCounts() {
        let plan = F.plan(F.production, 2024, .atLeast(1000))
        let a = F.assess(
            plan, F.production, year: 2024, to: 12,
            [F.obs(F.production, 2024, to: 12, 1200, version: 1), F.obs(F.production, 2024, to: 12, 950, version: 2)])
        #expect(a.value == 950)
        #expect(a.status == .missed)
    }

    // MARK: flow, lower is better

    @Test(arguments: [(18.0, AssessmentStatus.exceeded), (20, .met), (22, .missed)])
    func yearEndLowerIsBetterFlow(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.accidents, 2024, .atMost(20))
        let a = F.assess(plan, F.accidents, year: 2024, to: 12, [F.obs(F.accidents, 2024, to: 12, value)])
        #expect(a.status == expected)
        if expected == .missed { #expect(a.shortfallPercent == 10) }
    }

    @Test(arguments: [(12.0, AssessmentStatus.offTrack), (10.5, .atRisk), (9, .onTrack)])
    func midYearLowerIsBetterFlow(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.accidents, 2024, .atMost(20))
        #expect(
            F.assess(plan, F.accidents, year: 2024, to: 6, [F.obs(F.accidents, 2024, to: 6, value)]).status == expected)
    }

    // MARK: level

    @Test(arguments: [(95.0, AssessmentStatus.met), (96, .met), (94, .missed)])
    func yearEndLevelReachingTheThresholdIsMet(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.insurance, 2024, .atLeast(95))
        #expect(
            F.assess(plan, F.insurance, year: 2024, to: 12, [F.obs(F.insurance, 2024, to: 12, value)]).status
                == expected)
    }

    @Test func levelWithMarginCanBeExceeded() {
        let plan = F.plan(F.insurance, 2024, .atLeast(90), margin: 5)
        #expect(
            F.assess(plan, F.insurance, year: 2024, to: 12, [F.obs(F.insurance, 2024, to: 12, 95)]).status == .exceeded)
    }

    @Test func midYearLevelExtendsTheMovementSinceDecember() {
        let plan = F.plan(F.insurance, 2024, .atLeast(95))
        let history = [
            F.obs(F.insurance, 2023, to: 6, 91.24), F.obs(F.insurance, 2023, to: 12, 90),
            F.obs(F.insurance, 2024, to: 6, 92),
        ]
        let a = F.assess(plan, F.insurance, year: 2024, to: 6, history)
        #expect(a.forecast == 94)
        #expect(a.expectedShare == nil)
        #expect(a.status == .atRisk)
        // A rate grows by percentage points.
        #expect(a.growthPercent!.rounded(2) == 0.76)
    }

    @Test func midYearLevelWithoutHistoryForecastsItsCurrentValue() {
        let plan = F.plan(F.insurance, 2024, .atLeast(95))
        let a = F.assess(plan, F.insurance, year: 2024, to: 6, [F.obs(F.insurance, 2024, to: 6, 80)])
        #expect(a.forecast == 80)
        #expect(a.status == .offTrack)
    }

    @Test func projectedRatesStayWithinAHundredPercent() {
        let plan = F.plan(F.insurance, 2024, .atLeast(95))
        let a = F.assess(
            plan, F.insurance, year: 2024, to: 3,
            [F.obs(F.insurance, 2023, to: 12, 80), F.obs(F.insurance, 2024, to: 3, 98)])
        #expect(a.forecast == 100)
    }

    @Test(arguments: [(3.2, AssessmentStatus.met), (3.5, .met), (3.9, .missed)])
    func yearEndLowerIsBetterLevel(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.poverty, 2024, .atMost(3.5))
        #expect(
            F.assess(plan, F.poverty, year: 2024, to: 12, [F.obs(F.poverty, 2024, to: 12, value)]).status == expected)
    }

    @Test(arguments: [(12.5, AssessmentStatus.met), (13.5, .exceeded), (11, .missed)])
    func rangeTargets(value: Double, expected: AssessmentStatus) {
        let plan = F.plan(F.growthRate, 2024, .between(12, 13))
        let a = F.assess(plan, F.growthRate, year: 2024, to: 12, [F.obs(F.growthRate, 2024, to: 12, value)])
        #expect(a.status == expected)
        #expect(a.targetValue == 12)
    }

    // MARK: unassessed

    @Test func yearlyIndicatorMidYearIsUnassessed() {
        let plan = F.plan(F.poverty, 2024, .atMost(3.5))
        let a = F.assess(plan, F.poverty, year: 2024, to: 9, [F.obs(F.poverty, 2024, to: 9, 3.0)])
        #expect(a.status == .unassessed)
        // The figure typed is shown, and why it does not count.
        #expect(a.value == 3.0)
        #expect(a.note == "Chỉ tiêu thống kê theo năm: số 9 tháng năm 2024 đã lưu nhưng chỉ đánh giá khi có số cả năm.")
        let none = F.assess(plan, F.poverty, year: 2024, to: 9, [])
        #expect(none.value == nil)
        #expect(none.note == "Chỉ tiêu thống kê theo năm, chưa đánh giá giữa kỳ.")
    }

    /// Without last year's figures a flow's forecast is months ÷ 12: said beside it.
    @Test func aForecastWithoutLastYearSaysItIsByMonthsOnly() {
        let plan = F.plan(F.production, 2024, .atLeast(1_000))
        let alone = F.assess(plan, F.production, year: 2024, to: 6, [F.obs(F.production, 2024, to: 6, 400)])
        #expect(alone.forecast == 800)
        #expect(alone.note == "Dự báo theo số tháng đã qua: chưa có số cùng kỳ và cả năm trước để tính theo mùa vụ.")
        let seasonal = F.assess(
            plan, F.production, year: 2024, to: 6,
            [
                F.obs(F.production, 2024, to: 6, 400), F.obs(F.production, 2023, to: 6, 300),
                F.obs(F.production, 2023, to: 12, 900),
            ])
        #expect(seasonal.forecast == 1_200)
        #expect(seasonal.note == nil)
    }

    @Test func noResultIsUnassessed() {
        let a = F.assess(F.plan(F.production, 2024, .atLeast(100)), F.production, year: 2024, to: 12, [])
        #expect(a.status == .unassessed)
        #expect(a.value == nil)
        #expect(a.percentOfPlan == nil)
    }

    @Test func aTargetOfAnotherYearIsNotJudged() {
        let a = F.assess(
            F.plan(F.production, 2025, .atLeast(100)), F.production, year: 2024, to: 12,
            [F.obs(F.production, 2024, to: 12, 200)])
        #expect(a.status == .unassessed)
    }

    // MARK: stated percentage only

    @Test func aStatedPercentageAloneIsJudged() {
        let plan = F.plan(F.conscription, 2024, .atLeast(100))
        let yearEnd = F.assess(
            plan, F.conscription, year: 2024, to: 12, [F.obs(F.conscription, 2024, to: 12, nil, percent: 100)])
        #expect(yearEnd.status == .met)
        #expect(yearEnd.percentOfPlan == 100)
        #expect(yearEnd.value == nil)
        let budget = F.plan(F.production, 2024, .atLeast(24.8), issuer: "dự toán")
        let midYear = F.assess(
            budget, F.production, year: 2024, to: 9, [F.obs(F.production, 2024, to: 9, nil, percent: 142.46)])
        #expect(midYear.status == .onTrack)
        #expect(midYear.percentOfPlan == 142.46)
    }
}

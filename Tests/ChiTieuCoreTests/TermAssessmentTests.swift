import Foundation
import Testing

@testable import ChiTieuCore

/// Resolution targets evaluated from stored yearly history.
@Suite struct TermAssessmentTests {
    typealias F = Fixture

    private func years(_ indicator: Indicator, _ values: [Int: Double]) -> [Observation] {
        values.map { F.obs(indicator, $0.key, to: 12, $0.value) }
    }

    @Test func averageGrowthAtTheEndOfTheTerm() {
        let target = F.term(F.production, 2020, 2025, .averageGrowth, .atLeast(16))
        let exactly = 1000 * Foundation.pow(1.16, 5.0)
        #expect(
            F.assess(target, F.production, year: 2025, to: 12, years(F.production, [2020: 1000, 2025: exactly])).status
                == .met)
        let above = F.assess(target, F.production, year: 2025, to: 12, years(F.production, [2020: 1000, 2025: 2200]))
        #expect(above.status == .exceeded)
        #expect(above.achieved!.rounded(2) == 17.08)
        let below = F.assess(target, F.production, year: 2025, to: 12, years(F.production, [2020: 1000, 2025: 1900]))
        #expect(below.status == .missed)
        #expect(below.achieved!.rounded(2) == 13.70)
    }

    @Test func averageGrowthMidTermIsJudgedOnThePaceSoFar() {
        let target = F.term(F.production, 2020, 2025, .averageGrowth, .atLeast(16))
        let a = F.assess(target, F.production, year: 2023, to: 12, years(F.production, [2020: 1000, 2023: 1500]))
        #expect(a.forecast!.rounded(2) == 14.47)
        #expect(a.status == .atRisk)
        #expect(a.percentOfPlan == nil)
    }

    @Test func averageGrowthNeedsTheBaseYear() {
        let target = F.term(F.production, 2020, 2025, .averageGrowth, .atLeast(16))
        let a = F.assess(target, F.production, year: 2023, to: 12, years(F.production, [2023: 1500]))
        #expect(a.status == .unassessed)
        #expect(a.note == "Thiếu số liệu năm gốc 2020.")
    }

    @Test func averageReductionInPercentagePoints() {
        let target = F.term(F.poverty, 2020, 2025, .averageReduction, .atLeast(1.41))
        let missed = F.assess(target, F.poverty, year: 2025, to: 12, years(F.poverty, [2020: 10, 2025: 3.0]))
        #expect(missed.achieved!.rounded(2) == 1.4)
        #expect(missed.status == .missed)
        let beaten = F.assess(target, F.poverty, year: 2025, to: 12, years(F.poverty, [2020: 10, 2025: 2.9]))
        #expect(beaten.status == .exceeded)
    }

    @Test func cumulativeTotalMidTermForecastsTheRemainingYears() {
        let target = F.term(F.investment, 2021, 2025, .cumulative, .atLeast(5000))
        var history = years(F.investment, [2021: 900, 2022: 1000, 2023: 1100])
        history += [F.obs(F.investment, 2023, to: 6, 550), F.obs(F.investment, 2024, to: 6, 500)]
        let a = F.assess(target, F.investment, year: 2024, to: 6, history)
        #expect(a.achieved == 3500)
        #expect(a.forecast == 5000)
        #expect(a.percentOfPlan == 70)
        #expect(a.status == .onTrack)
    }

    @Test func cumulativeTotalAtTheEnd() {
        let target = F.term(F.investment, 2021, 2025, .cumulative, .atLeast(5000))
        let done = years(F.investment, [2021: 900, 2022: 1000, 2023: 1100, 2024: 1000, 2025: 1100])
        #expect(F.assess(target, F.investment, year: 2025, to: 12, done).status == .exceeded)
        let gap = years(F.investment, [2021: 900, 2023: 1100, 2024: 1000, 2025: 1100])
        let a = F.assess(target, F.investment, year: 2025, to: 12, gap)
        #expect(a.status == .unassessed)
        #expect(a.note == "Thiếu số liệu năm 2022.")
    }

    @Test func everyYearOneBadYearMissesTheTarget() {
        let target = F.term(F.newMembers, 2021, 2025, .everyYear, .atLeast(80))
        let a = F.assess(target, F.newMembers, year: 2023, to: 6, years(F.newMembers, [2021: 85, 2022: 79]))
        #expect(a.status == .missed)
        #expect(a.note == "Năm 2022 chỉ đạt 79 đảng viên.")
        let good = F.assess(
            target, F.newMembers, year: 2023, to: 6,
            years(F.newMembers, [2021: 85, 2022: 90]) + [F.obs(F.newMembers, 2023, to: 6, 45)])
        #expect(good.forecast == 90)
        #expect(good.status == .onTrack)
        let all = years(F.newMembers, [2021: 85, 2022: 90, 2023: 81, 2024: 80, 2025: 95])
        #expect(F.assess(target, F.newMembers, year: 2025, to: 12, all).status == .met)
    }

    @Test func shareOfUnitsCountsAgainstTheDenominator() {
        let target = F.term(F.nrCommunes, 2020, 2025, .shareOfUnits, .atLeast(50), denominator: 16)
        let end = F.assess(target, F.nrCommunes, year: 2025, to: 12, years(F.nrCommunes, [2020: 2, 2025: 8]))
        #expect(end.achieved == 50)
        #expect(end.status == .met)
        let mid = F.assess(target, F.nrCommunes, year: 2023, to: 12, years(F.nrCommunes, [2020: 2, 2023: 5]))
        #expect(mid.forecast == 43.75)
        #expect(mid.status == .offTrack)
    }

    @Test func shareOfUnitsTakesTheUnitCountFromTheHierarchy() {
        let target = F.term(F.nrCommunes, 2020, 2025, .shareOfUnits, .atLeast(50))
        let data = years(F.nrCommunes, [2020: 2, 2025: 8])
        #expect(F.assess(target, F.nrCommunes, year: 2025, to: 12, data).status == .unassessed)
        #expect(F.assess(target, F.nrCommunes, year: 2025, to: 12, data, unitCount: 20).achieved == 40)
    }

    @Test func levelByTheLastYearProjectsAlongTheLine() {
        let target = F.term(F.income, 2020, 2025, .value, .atLeast(60))
        let a = F.assess(target, F.income, year: 2023, to: 12, years(F.income, [2020: 40, 2023: 50]))
        #expect(a.forecast!.rounded(2) == 56.67)
        #expect(a.status == .atRisk)
        let end = F.assess(target, F.income, year: 2025, to: 12, years(F.income, [2020: 40, 2025: 61]))
        #expect(end.status == .exceeded)
    }

    @Test func changeSinceTheBaseYear() {
        let target = F.term(F.income, 2025, 2030, .changeSinceBase, .atLeast(31.6))
        let end = F.assess(target, F.income, year: 2030, to: 12, years(F.income, [2025: 100, 2030: 130]))
        #expect(end.achieved!.rounded(2) == 30)
        #expect(end.status == .missed)
    }

    @Test func beforeTheTermStartsNothingIsJudged() {
        let target = F.term(F.income, 2025, 2030, .averageGrowth, .atLeast(8))
        let a = F.assess(target, F.income, year: 2024, to: 12, years(F.income, [2024: 100]))
        #expect(a.status == .unassessed)
        #expect(a.note == "Giai đoạn 2025 - 2030 chưa bắt đầu.")
    }

    @Test func afterTheTermTheLastYearIsFinal() {
        let target = F.term(F.production, 2020, 2025, .averageGrowth, .atLeast(16))
        let a = F.assess(target, F.production, year: 2026, to: 6, years(F.production, [2020: 1000, 2025: 2200]))
        #expect(a.status == .exceeded)
    }

    // MARK: branches judged mid-term and bounds other than "at least"

    @Test func averageReductionMidTermRunsOnThePaceOfTheLastFullYear() {
        let target = F.term(F.poverty, 2020, 2025, .averageReduction, .atLeast(1.41))
        let history = years(F.poverty, [2020: 10, 2023: 5])
        // 10 → 5 over three years: 5 ÷ 3 points a year, above 1,41.
        let pace = (10.0 - 5.0) / 3
        let a = F.assess(target, F.poverty, year: 2024, to: 6, history)
        #expect(a.achieved == pace)
        #expect(a.achievedThrough == 2023)
        #expect(a.forecast == pace)
        #expect(a.status == .onTrack)
        // Slower than the target by more than the at-risk margin: off track.
        let slow = F.assess(target, F.poverty, year: 2023, to: 12, years(F.poverty, [2020: 10, 2023: 8]))
        let slowPace = 2.0 / 3
        #expect(slow.forecast == slowPace)
        let slowGap: Double = (1.41 - slowPace) / 1.41 * 100
        #expect(slow.shortfallPercent!.rounded(6) == slowGap.rounded(6))
        #expect(slow.status == .offTrack)
    }

    @Test func changeSinceBaseMidTermProjectsThePaceOverTheWholeTerm() {
        let target = F.term(F.income, 2025, 2030, .changeSinceBase, .atLeast(31.6))
        let a = F.assess(target, F.income, year: 2027, to: 12, years(F.income, [2025: 100, 2027: 110]))
        // 10% in two years is √1,1 a year; over five years (1,1^2,5 − 1) = 26,9%, short of 31,6%.
        let projected: Double = (Foundation.pow(1.1, 2.5) - 1) * 100
        #expect(a.forecast!.rounded(6) == projected.rounded(6))
        let gap: Double = (31.6 - projected) / 31.6 * 100
        #expect(a.shortfallPercent!.rounded(6) == gap.rounded(6))
        let expected: AssessmentStatus =
            gap <= AssessmentConfiguration.standard.atRiskShortfallPercent ? .atRisk : .offTrack
        #expect(a.status == expected)
    }

    @Test func aLowerIsBetterLevelAtTheEndIsMetUnderTheBoundAndMissedOverIt() {
        let target = F.term(F.poverty, 2020, 2025, .value, .atMost(2))
        #expect(F.assess(target, F.poverty, year: 2025, to: 12, years(F.poverty, [2020: 8, 2025: 1.8])).status == .met)
        let over = F.assess(target, F.poverty, year: 2025, to: 12, years(F.poverty, [2020: 8, 2025: 2.5]))
        #expect(over.status == .missed)
        let overGap: Double = (2.5 - 2) / 2 * 100
        #expect(over.shortfallPercent == overGap)
    }

    @Test func aRangeIsMetInsideExceededAboveAndMissedBelowForHigherIsBetter() {
        let target = F.term(F.income, 2020, 2025, .value, .between(60, 65))
        func status(_ v: Double) -> AssessmentStatus {
            F.assess(target, F.income, year: 2025, to: 12, years(F.income, [2020: 40, 2025: v])).status
        }
        #expect(status(62) == .met)
        #expect(status(66) == .exceeded)
        #expect(status(59) == .missed)
        // For a lower-is-better range the sides swap.
        let falling = F.term(F.poverty, 2020, 2025, .value, .between(2, 3))
        func poverty(_ v: Double) -> AssessmentStatus {
            F.assess(falling, F.poverty, year: 2025, to: 12, years(F.poverty, [2020: 8, 2025: v])).status
        }
        #expect(poverty(2.5) == .met)
        #expect(poverty(1.5) == .exceeded)
        #expect(poverty(3.5) == .missed)
    }

    @Test func everyYearWithAllYearsAboveIsMetOrExceededAndMidTermOnTrack() {
        let target = F.term(F.newMembers, 2021, 2025, .everyYear, .atLeast(60))
        let all = years(F.newMembers, [2021: 61, 2022: 65, 2023: 70, 2024: 62, 2025: 75])
        // A flow: every year above the bound is vượt.
        #expect(F.assess(target, F.newMembers, year: 2025, to: 12, all).status == .exceeded)
        let withExactlyOne = years(F.newMembers, [2021: 60, 2022: 65, 2023: 70, 2024: 62, 2025: 75])
        #expect(F.assess(target, F.newMembers, year: 2025, to: 12, withExactlyOne).status == .met)
        let mid = F.assess(
            target, F.newMembers, year: 2024, to: 6, years(F.newMembers, [2021: 61, 2022: 65, 2023: 70]))
        #expect(mid.status == .onTrack)
        #expect(mid.achieved == 70)
        #expect(mid.achievedThrough == 2023)
        #expect(mid.note == "Các năm đã qua đều đạt; chưa có số liệu năm 2024.")
    }
}

import Testing

@testable import ChiTieuCore

/// The trend and order rules of the warnings, on assessments made by hand.
@Suite("Warnings: colours, trend since the previous review, worst first")
struct WarningsTests {
    static let indicator = Indicator(code: "budget", name: "Thu ngân sách", measureUnit: "tỷ đồng", kind: .flow)

    static func assessment(_ status: AssessmentStatus, shortfall: Double?) -> Assessment {
        Assessment(
            target: Target(unitID: 1, indicatorCode: "budget", scope: .year(2026), bound: .atLeast(100)),
            indicator: indicator, period: try! .yearToDate(2026, through: 9), status: status,
            shortfallPercent: shortfall)
    }

    @Test func colours() {
        #expect(
            AssessmentStatus.allCases.map { Warnings.Colour($0) } == [
                .green, .green, .red, .green, .orange, .red, .grey,
            ])
    }

    @Test func trendFollowsStatusThenShortfallByHalfAPoint() {
        let a = Self.assessment
        #expect(Warnings.trend(a(.offTrack, 5), a(.atRisk, 2)) == .worse)
        #expect(Warnings.trend(a(.atRisk, 2), a(.offTrack, 5)) == .better)
        #expect(Warnings.trend(a(.atRisk, 3), a(.atRisk, 2.5)) == .worse)
        #expect(Warnings.trend(a(.atRisk, 2.9), a(.atRisk, 2.5)) == .same)
        #expect(Warnings.trend(a(.atRisk, 2), a(.atRisk, 2.5)) == .better)
        #expect(Warnings.trend(a(.atRisk, 2), a(.unassessed, nil)) == .new)
        #expect(Warnings.trend(a(.atRisk, 2), nil) == .new)
    }

    @Test func thePreviousReviewIsThreeMonthsBefore() throws {
        #expect(Warnings.previousPeriod(of: try .yearToDate(2026, through: 9)) == (try .yearToDate(2026, through: 6)))
        #expect(Warnings.previousPeriod(of: try .yearToDate(2026, through: 3)) == nil)
    }
}

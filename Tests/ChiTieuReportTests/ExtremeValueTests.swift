import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuReport

/// Every computation on stored numbers is total: extreme but finite figures (±1e308,
/// subnormals, zero, huge ranges) give finite figures or none, never a hang, a trap or an
/// infinity in JSON. One stored `-1,7e308` once froze the server in the chart scale.
@Suite struct ExtremeValueTests {
    static let extremes: [Double] = [
        -.greatestFiniteMagnitude, -1.7e308, -1e308, -1e300, -1e15, -1, -.leastNonzeroMagnitude, 0,
        .leastNonzeroMagnitude, 1e-300,
        .leastNormalMagnitude, 1, 4790.86, 1e15, 1e300, 1e308, .greatestFiniteMagnitude,
    ]

    static let unit = AdministrativeUnit(id: 1, kind: .district, name: "Cực Trị")
    static let flow = Indicator(code: "flow", name: "Tổng giá trị sản xuất", measureUnit: "tỷ đồng", kind: .flow)
    static let rate = Indicator(code: "rate", name: "Tỷ lệ che phủ rừng", measureUnit: "%", kind: .level)

    static func observation(_ indicator: Indicator, _ year: Int, to month: Int, _ value: Double) -> Observation {
        Observation(
            unitID: unit.id, indicatorCode: indicator.code, period: try! Period(year: year, toMonth: month),
            value: value)
    }

    static func targets(_ indicator: Indicator, bound: Double) -> [Target] {
        var targets = [
            Target(id: 1, unitID: unit.id, indicatorCode: indicator.code, scope: .year(2024), bound: .atLeast(bound)),
            Target(id: 2, unitID: unit.id, indicatorCode: indicator.code, scope: .year(2024), bound: .atMost(bound)),
        ]
        for (n, measure) in TargetMeasure.allCases.enumerated() {
            targets.append(
                Target(
                    id: TargetID(10 + n), unitID: unit.id, indicatorCode: indicator.code,
                    scope: .term(from: 2021, to: 2025), measure: measure, bound: .between(-abs(bound), abs(bound)),
                    denominator: measure == .shareOfUnits ? 12 : nil))
        }
        return targets
    }

    static func figures(_ a: Assessment) -> [Double?] {
        [a.value, a.achieved, a.percentOfPlan, a.growthPercent, a.expectedShare, a.forecast, a.shortfallPercent]
    }

    @Test(arguments: [flow, rate])
    func assessmentsOfExtremeHistoriesAreFiniteAndEncode(_ indicator: Indicator) throws {
        var assessed = 0
        var notComputable = 0
        for previous in Self.extremes {
            for current in Self.extremes {
                let history = ObservationHistory(
                    [2021, 2022, 2023].map { Self.observation(indicator, $0, to: 12, previous) }
                        + [Self.observation(indicator, 2023, to: 9, previous / 3)]
                        + [Self.observation(indicator, 2024, to: 9, current)])
                for bound in [previous, current, 1.0] {
                    let overview = Overview(
                        unit: Self.unit, period: try Period(year: 2024, toMonth: 9),
                        targets: Self.targets(indicator, bound: bound), indicators: [indicator], history: history)
                    for a in overview.annual + overview.term {
                        assessed += 1
                        for figure in Self.figures(a) {
                            #expect(figure?.isFinite ?? true, "\(previous) → \(current), bound \(bound): \(a)")
                        }
                        if a.note?.contains(Assessment.notComputable) == true { notComputable += 1 }
                    }
                    let json = try OverviewJSON(overview: overview, conference: nil, otherResults: []).encoded()
                    #expect(!json.contains("inf") && !json.contains("nan"))
                }
            }
        }
        #expect(assessed == Self.extremes.count * Self.extremes.count * 3 * (2 + TargetMeasure.allCases.count))
        // Some ratios of these figures do overflow; they must be named, not dropped silently.
        #expect(notComputable > 0)
    }

    @Test func chartScalesOfExtremeValuesAreFiniteAndSmall() {
        for a in Self.extremes {
            for b in Self.extremes {
                let scale = ChartScale(values: [a, b, .nan, .infinity])
                #expect(scale.low.isFinite && scale.high.isFinite && scale.low < scale.high, "\(a), \(b)")
                #expect((2...13).contains(scale.ticks.count), "\(a), \(b): \(scale.ticks.count) ticks")
                #expect(scale.ticks.allSatisfy { $0.isFinite })
                for v in [a, b] {
                    let y = scale.position(v, from: 256, to: 28)
                    #expect(y.isFinite && y >= 28 - 1e-6 && y <= 256 + 1e-6, "\(v) drawn at \(y)")
                }
            }
        }
    }

    @Test func chartsOfExtremeValuesDrawWithinTheirBox() {
        let line = LineChart(
            title: "Cực trị",
            series: [
                .init(
                    name: "Năm 2024",
                    points: [(1, -1.7e308), (2, 1e308), (3, .leastNonzeroMagnitude), (4, .greatestFiniteMagnitude)])
            ],
            plan: ("Kế hoạch", 1e307), measureUnit: "tỷ đồng"
        ).svg()
        let bars = BarChart(
            title: "Cực trị", bars: [.init(label: "A", value: -1e308), .init(label: "B", value: 1e308)],
            measureUnit: "tỷ đồng"
        ).svg()
        let coordinate = /\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"/
        for svg in [line, bars] {
            #expect(svg.hasSuffix("</svg>"))
            let values = svg.matches(of: coordinate).map { String($0.output.1) }
            #expect(values.count > 10)
            for value in values {
                let number = Double(value)
                #expect(number?.isFinite == true && abs(number!) <= 1e6, "coordinate \(value)")
            }
            #expect(!svg.contains("∞"))
        }
    }

    @Test func roundingToPlacesIsTotal() {
        #expect(1e307.rounded(places: 2) == 1e307)
        #expect((-1.7e308).rounded(places: 4) == -1.7e308)
        #expect(70.7649.rounded(places: 2) == 70.76)
        #expect(Double.leastNonzeroMagnitude.rounded(places: 2) == 0)
    }
}

@Suite struct ReportCSVTests {
    @Test func textCellsThatLookLikeFormulasAreNeutralised() throws {
        var table = ReportTable(title: "Thử", columns: ["Chỉ tiêu", "Ghi chú", "Số"], rows: [])
        table.rows = [
            [.text("=1+1"), .text("@cmd"), .number(-3.5)], [.text("Thu ngân sách"), .text("-"), .percent(70.76)],
        ]
        let csv = try table.csv()
        #expect(csv.contains("'=1+1,'@cmd,\"-3,5\""))
        #expect(csv.contains("Thu ngân sách,-,\"70,76\""))
    }
}

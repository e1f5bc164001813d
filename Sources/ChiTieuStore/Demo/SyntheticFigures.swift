import ChiTieuCore

/// Invented plans and results for one unit, the same on every run: each figure is drawn from
/// the unit's ID, the indicator's place in the list, the year and the month.
struct SyntheticFigures: Sendable {
    struct Rows {
        var targets: [Target]
        var results: [Observation]
    }

    let indicators: [Indicator]
    let firstYear: Int
    let lastYear: Int

    /// Plans for each year from 2025 on (there were no new communes before) and the results of
    /// January to each month of `years`, up to `lastMonth` in the last year.
    func rows(for unit: UnitID, years: ClosedRange<Int>, lastMonth: Int) -> Rows {
        var rows = Rows(targets: [], results: [])
        guard years.lowerBound <= years.upperBound else { return rows }
        let source = Provenance(document: NationalDataSet.source)
        for (index, indicator) in indicators.enumerated() {
            let size = Self.draw(unit, index, 0, 0)
            for year in years {
                let yearly =
                    level(indicator, size: size) * growth(indicator, year: year, draw: Self.draw(unit, index, year, 0))
                if year >= 2025 {
                    rows.targets.append(
                        Target(
                            unitID: unit, indicatorCode: indicator.code, scope: .year(year),
                            bound: bound(indicator, yearly * (1 + 0.1 * (Self.draw(unit, index, year, 13) - 0.4))),
                            issuer: "Kế hoạch mô phỏng"))
                }
                for month in 1...(year == lastYear ? lastMonth : 12) {
                    let noise = 0.95 + 0.1 * Self.draw(unit, index, year, month)
                    let value = indicator.kind == .flow ? yearly * Double(month) / 12 * noise : yearly * noise
                    guard let period = try? Period(year: year, toMonth: month) else { continue }
                    rows.results.append(
                        Observation(
                            unitID: unit, indicatorCode: indicator.code, period: period,
                            value: Self.rounded(indicator, value), source: source))
                }
            }
        }
        return rows
    }

    /// A commune's yearly figure in the indicator's unit, from `size` in 0..<1.
    private func level(_ indicator: Indicator, size: Double) -> Double {
        switch indicator.measureUnit {
        case "%": 20 + 70 * size
        case "hộ": 1_500 + 6_000 * size
        case "người": 6_000 + 24_000 * size
        case "tỷ đồng": 40 + 1_500 * size
        case "triệu USD": 1 + 30 * size
        default: 100 + 5_000 * size
        }
    }

    /// 6% a year on average, from `firstYear`; a rate stays near its level.
    private func growth(_ indicator: Indicator, year: Int, draw: Double) -> Double {
        guard indicator.measureUnit != "%" else { return 1 + 0.02 * (draw - 0.5) }
        var factor = 1.0
        for _ in firstYear..<max(firstYear, year) { factor *= 1.06 }
        return factor * (1 + 0.04 * (draw - 0.5))
    }

    private func bound(_ indicator: Indicator, _ value: Double) -> TargetBound {
        let rounded = Self.rounded(indicator, value)
        return indicator.direction == .higherIsBetter ? .atLeast(rounded) : .atMost(rounded)
    }

    /// Two decimals, or a whole number for things counted one by one («4.489 hợp tác xã», not
    /// «4.488,99»).
    static func rounded(_ indicator: Indicator, _ value: Double) -> Double {
        MeasureUnit.isCount(indicator.measureUnit) ? value.rounded() : (value * 100).rounded() / 100
    }

    /// A number in 0..<1 from four integers (SplitMix64's finaliser).
    static func draw(_ a: UnitID, _ b: Int, _ c: Int, _ d: Int) -> Double {
        var z = UInt64(truncatingIfNeeded: Int(a) &* 1_000_003 &+ b &* 10_007 &+ c &* 101 &+ d) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}

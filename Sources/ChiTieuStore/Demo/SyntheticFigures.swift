import ChiTieuCore

/// Invented plans and results for one unit, the same on every run: each figure is drawn from
/// the unit's ID, the indicator's place in the list, the year and the month.
///
/// So that a national database looks like one — some provinces ahead, some behind, a rate
/// never above what its parts give — a year's result is its plan times the province's outlook
/// for that indicator and year (0,93–1,07, the same for all its communes: a province's sum of
/// communes is not always just under its summed plan), times a little of the commune's own;
/// a rate recomputed from two other indicators (`share:poor_households/households*100`) is
/// computed from them, plan and result; a rate stays between 0 and 100.
struct SyntheticFigures: Sendable {
    struct Rows: Sendable {
        var targets: [Target]
        var results: [Observation]
    }

    let indicators: [Indicator]
    let firstYear: Int
    let lastYear: Int

    /// Plans for each year from 2025 on (there were no new communes before) and the results of
    /// January to each month of `years`, up to `lastMonth` in the last year. `province` sets the
    /// outlook; `sizedAs` (default: the unit) and `share` size the figures: an old commune's
    /// 2024 is its successor's, times its share of it, so that a new commune's growth against its
    /// predecessors' sum is near the 6% the figures grow by.
    func rows(
        for unit: UnitID, province: UnitID, sizedAs model: UnitID? = nil, share: Double = 1,
        years: ClosedRange<Int>, lastMonth: Int
    ) -> Rows {
        var rows = Rows(targets: [], results: [])
        guard years.lowerBound <= years.upperBound else { return rows }
        let source = Provenance(document: NationalDataSet.source)
        let model = model ?? unit
        let byCode = Dictionary(indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        for year in years {
            let months = 1...(year == lastYear ? lastMonth : 12)
            // per indicator: the plan and the result of each month, parts before the rates made of them
            var figures = [(plan: Double, results: [Double])](repeating: (0, []), count: indicators.count)
            for (index, indicator) in indicators.enumerated() {
                let yearly =
                    level(indicator, size: Self.draw(model, index, 0, 0)) * share
                    * growth(indicator, year: year, draw: Self.draw(model, index, year, 0))
                let plan = yearly * (1 + 0.04 * (Self.draw(model, index, year, 13) - 0.5))
                let outlook =
                    (0.93 + 0.14 * Self.draw(province, index, year, 17))
                    * (0.98 + 0.04 * Self.draw(unit, index, year, 19))
                let result = indicator.direction == .higherIsBetter ? plan * outlook : plan / outlook
                figures[index] = (
                    plan,
                    months.map { month in
                        indicator.kind == .flow
                            ? result * Double(month) / 12 * (0.99 + 0.02 * Self.draw(unit, index, year, month))
                            : result
                    }
                )
            }
            for (index, indicator) in indicators.enumerated() {
                if case .share(let n, let d, let scale)? = indicator.rollUp.methods.first,
                    let numerator = byCode[n], let denominator = byCode[d]
                {
                    let (top, bottom) = (figures[numerator], figures[denominator])
                    figures[index] = (
                        scale * top.plan / bottom.plan, zip(top.results, bottom.results).map { scale * $0 / $1 }
                    )
                }
                let (plan, results) = figures[index]
                if year >= 2025 {
                    rows.targets.append(
                        Target(
                            unitID: unit, indicatorCode: indicator.code, scope: .year(year),
                            bound: bound(indicator, plan), issuer: "Kế hoạch mô phỏng"))
                }
                for (month, value) in zip(months, results) {
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
        let lower = indicator.direction == .lowerIsBetter
        switch indicator.measureUnit {
        case "%" where indicator.kind == .flow: return 0.5 + 2.5 * size
        case "%": return lower ? 2 + 10 * size : 55 + 40 * size
        case "hộ": return lower ? 40 + 400 * size : 1_500 + 6_000 * size
        case "người" where indicator.kind == .flow: return 20 + 300 * size
        case "người": return 6_000 + 24_000 * size
        case "lao động": return 100 + 900 * size
        case "tỷ đồng": return 40 + 1_500 * size
        case "triệu USD": return 1 + 30 * size
        case "tấn": return 1_000 + 9_000 * size
        case "ha": return 200 + 3_000 * size
        case "tiêu chí/xã": return 12 + 7 * size
        case let unit where unit.hasPrefix("triệu đồng/người"): return 40 + 80 * size
        case let unit where MeasureUnit.isCount(unit): return 2 + 25 * size
        default: return 100 + 5_000 * size
        }
    }

    /// Flows grow 6% a year on average from `firstYear`, levels 1%; a rate stays near its level.
    private func growth(_ indicator: Indicator, year: Int, draw: Double) -> Double {
        guard indicator.measureUnit != "%" else { return 1 + 0.02 * (draw - 0.5) }
        let rate = indicator.kind == .flow ? 1.06 : 1.01
        var factor = 1.0
        for _ in firstYear..<max(firstYear, year) { factor *= rate }
        return factor * (1 + 0.04 * (draw - 0.5))
    }

    private func bound(_ indicator: Indicator, _ value: Double) -> TargetBound {
        let rounded = Self.rounded(indicator, value)
        return indicator.direction == .higherIsBetter ? .atLeast(rounded) : .atMost(rounded)
    }

    /// Two decimals, or a whole number for things counted one by one («4.489 hợp tác xã», not
    /// «4.488,99»); a rate no higher than 100.
    static func rounded(_ indicator: Indicator, _ value: Double) -> Double {
        let value = indicator.measureUnit == "%" ? min(value, 99.9) : value
        return MeasureUnit.isCount(indicator.measureUnit) ? value.rounded() : (value * 100).rounded() / 100
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

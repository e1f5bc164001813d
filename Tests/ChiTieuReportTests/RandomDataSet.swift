import ChiTieuCore
import ChiTieuStore

/// A reproducible random data set: a district with plans, results, last year's results and
/// next year's goals for a random choice of catalogue indicators.
struct RandomDataSet {
    var rng: SplitMix64
    let catalogue: Catalogue

    init(seed: UInt64, catalogue: Catalogue) {
        rng = SplitMix64(seed: seed &+ 0x5eed)
        self.catalogue = catalogue
    }

    mutating func make() async throws -> (MemoryRepository, AdministrativeUnit, Period) {
        let repository = MemoryRepository()
        try await repository.ensureCatalogue()
        var units = DataBatch()
        let province = units.addUnit(.province, "Thử Nghiệm")
        units.addUnit(
            .district, pick(["Sông Hậu", "Ea Thử", "Tân Lập", "Bình Minh"]), parent: province,
            terms: [CommitteeTerm(number: 9, fromYear: 2020, toYear: 2025)])
        let ids = try await repository.save(units).unitIDs
        let unit = try await repository.unit(id: ids[-2]!)!
        let year = Int.random(in: 2019...2025, using: &rng)
        let month = pick([3, 6, 9, 12, 12])
        let period = try Period.yearToDate(year, through: month)
        var batch = DataBatch()
        if Bool.random(using: &rng) {
            batch.add(
                Conference(
                    unitID: unit.id, number: Int.random(in: 1...40, using: &rng), term: 9,
                    extended: Bool.random(using: &rng), period: period))
        }
        var indicators = catalogue.indicators.shuffled(using: &rng).prefix(Int.random(in: 4...14, using: &rng))
        if month < 12 { indicators.removeAll { $0.frequency == .yearly } }
        for (index, indicator) in indicators.enumerated() {
            let plan = figure(for: indicator)
            let bound: TargetBound = indicator.direction == .higherIsBetter ? .atLeast(plan) : .atMost(plan)
            batch.add(Target(unitID: unit.id, indicatorCode: indicator.code, scope: .year(year), bound: bound))
            if indicator.kind == .flow, indicator.measureUnit == "tỷ đồng", Bool.random(using: &rng) {
                batch.add(
                    Target(
                        unitID: unit.id, indicatorCode: indicator.code, scope: .year(year), bound: .atLeast(plan * 1.2),
                        issuer: "dự toán HĐND huyện giao"))
            }
            let share = indicator.kind == .flow ? Double(month) / 12 : 1
            let value = rounded(plan * share * Double.random(in: 0.6...1.3, using: &rng), indicator)
            let priceBasis: String? =
                indicator.code == "total_production_value" ? pick(["so sánh 2010", "hiện hành"]) : nil
            let qualifier: Qualifier? =
                indicator.kind == .flow && index % 5 == 1 ? pick([.above, .below, .approximately]) : nil
            batch.add(
                Observation(
                    unitID: unit.id, indicatorCode: indicator.code, period: period, value: value, qualifier: qualifier,
                    estimated: Bool.random(using: &rng), priceBasis: priceBasis))
            if Bool.random(using: &rng) {
                let last = rounded(value * Double.random(in: 0.8...1.2, using: &rng), indicator)
                batch.add(
                    Observation(
                        unitID: unit.id, indicatorCode: indicator.code, period: period.samePeriodLastYear, value: last))
            }
            if month == 12, Bool.random(using: &rng) {
                let next = rounded(plan * Double.random(in: 1.0...1.2, using: &rng), indicator)
                // One goal in four is a range, "6,5 - 7%", as resolutions set growth rates.
                let upper = rounded(next * 1.1, indicator)
                let bound: TargetBound =
                    Int.random(in: 0..<4, using: &rng) == 0 && upper > next
                    ? .between(next, upper) : indicator.direction == .higherIsBetter ? .atLeast(next) : .atMost(next)
                batch.add(
                    Target(unitID: unit.id, indicatorCode: indicator.code, scope: .year(year + 1), bound: bound))
            }
        }
        try await repository.save(batch)
        return (repository, unit, period)
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &rng)] }

    /// A plausible plan for the indicator's unit.
    private mutating func figure(for indicator: Indicator) -> Double {
        let raw: Double =
            switch indicator.measureUnit {
            case "%": Double.random(in: 1...99, using: &rng)
            case "tỷ đồng": Double.random(in: 5...20_000, using: &rng)
            case "lần": Double.random(in: 1...3, using: &rng)
            default: Double.random(in: 2...5_000, using: &rng)
            }
        return rounded(raw, indicator)
    }

    /// Counts are whole; money and rates have two decimals.
    private func rounded(_ value: Double, _ indicator: Indicator) -> Double {
        let decimals =
            [
                "tỷ đồng", "%", "triệu đồng", "triệu đồng/người", "triệu đồng/người/năm", "lần", "ha", "tấn",
                "triệu USD", "tiêu chí/xã",
            ]
            .contains(indicator.measureUnit) ? 100.0 : 1.0
        let figure = max(1 / decimals, (value * decimals).rounded() / decimals)
        // A rate above 100% is not a figure any report would print.
        return indicator.measureUnit == "%" ? min(figure, 100) : figure
    }
}

/// A small seeded generator, so a failing data set can be run again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// The national-scale generator: the same figures every run, plans only from 2025 (no new
/// communes before), this year's results only for months that have ended, and a database
/// that already has figures refused before anything is written.
@Suite struct NationalDataSetTests {
    let indicators = NationalDataSet.indicators(of: try! StandardCatalogue.load())

    @Test func fortyIndicatorsThatAddUpFromCommunes() {
        #expect(indicators.count == 40)
        #expect(indicators.allSatisfy { $0.kind == .flow || !$0.rollUp.methods.isEmpty })
        #expect(!indicators.contains { $0.measureUnit == "xã" })
    }

    @Test func figuresAreTheSameEveryRunAndOnlyForEndedMonths() throws {
        let data = NationalDataSet(today: CalendarDay(year: 2026, month: 12, day: 2)!, years: 3)
        #expect(data.lastYear == 2026 && data.lastMonth == 11)
        #expect(NationalDataSet(today: CalendarDay(year: 2027, month: 1, day: 5)!, years: 1).lastMonth == 12)
        let figures = SyntheticFigures(indicators: indicators, firstYear: 2024, lastYear: 2026)
        let rows = figures.rows(for: 5_000, province: 40, years: 2025...2026, lastMonth: 11)
        #expect(rows.targets.count == 40 * 2)
        #expect(rows.results.count == 40 * (12 + 11))
        #expect(rows.results.allSatisfy { $0.value.map { $0.isFinite && $0 >= 0 } ?? false })
        // things counted one by one are whole numbers, plan and result
        let counted = Set(indicators.filter { MeasureUnit.isCount($0.measureUnit) }.map(\.code))
        #expect(!counted.isEmpty)
        #expect(
            rows.results.filter { counted.contains($0.indicatorCode) }.allSatisfy { $0.value == $0.value?.rounded() })
        #expect(
            rows.targets.filter { counted.contains($0.indicatorCode) }.allSatisfy {
                $0.bound.reference(for: .higherIsBetter).rounded() == $0.bound.reference(for: .higherIsBetter)
            })
        #expect(
            rows.results.map(\.value)
                == figures.rows(for: 5_000, province: 40, years: 2025...2026, lastMonth: 11).results.map(\.value))
        #expect(
            rows.results.map(\.value)
                != figures.rows(for: 5_001, province: 40, years: 2025...2026, lastMonth: 11).results.map(\.value))
        // a flow adds up over the months: November's year-to-date is about 11 times January's
        let revenue = rows.results.filter { $0.indicatorCode == "total_production_value" && $0.period.year == 2026 }
        let ratio = try #require(revenue.last?.value) / (try #require(revenue.first?.value))
        #expect(ratio > 9.5 && ratio < 12.5)
        let legacy = figures.rows(for: 7, province: 40, years: 2024...2024, lastMonth: 11)
        #expect(legacy.targets.isEmpty && legacy.results.count == 40 * 12)
    }

    /// Figures that hang together: a rate is what its parts give and at most 100, a flow never
    /// falls from one month to the next, provinces differ in how their year goes, and an old
    /// commune's 2024 is its part of its successor's.
    @Test func figuresHangTogether() throws {
        let figures = SyntheticFigures(indicators: indicators, firstYear: 2024, lastYear: 2026)
        let rows = figures.rows(for: 5_000, province: 40, years: 2024...2026, lastMonth: 11)
        func value(_ code: String, _ year: Int, _ month: Int) throws -> Double {
            try #require(
                rows.results.first { $0.indicatorCode == code && $0.period.year == year && $0.period.toMonth == month }?
                    .value)
        }
        let rate = try value("poverty_rate", 2026, 11)
        let parts = try value("poor_households", 2026, 11) / value("households", 2026, 11) * 100
        #expect(abs(rate - parts) < 0.01 && rate > 0.5 && rate < 30)
        #expect(
            rows.results.filter { $0.indicatorCode.hasSuffix("_rate") || $0.indicatorCode.hasSuffix("_coverage") }
                .allSatisfy { ($0.value ?? 0) <= 100 })
        let production = try (1...11).map { try value("total_production_value", 2026, $0) }
        #expect(zip(production, production.dropFirst()).allSatisfy { $0 < $1 })
        // the year's outlook, the same for every commune of a province, differs between provinces
        func outlook(_ province: UnitID) throws -> Double {
            let rows = figures.rows(for: 5_000, province: province, years: 2026...2026, lastMonth: 11)
            let plan = try #require(rows.targets.first { $0.indicatorCode == "total_production_value" })
            let result = try #require(rows.results.last { $0.indicatorCode == "total_production_value" }?.value)
            return result * 12 / 11 / plan.bound.reference(for: .higherIsBetter)
        }
        let outlooks = try (1...30).map { try outlook(UnitID($0)) }
        #expect(outlooks.contains { $0 < 0.97 } && outlooks.contains { $0 > 1.03 })
        // three old communes sized as thirds of their successor add up to about its figure
        let successor = figures.rows(for: 9_000, province: 40, years: 2024...2024, lastMonth: 11)
        let thirds = [7, 8, 9].map {
            figures.rows(
                for: UnitID($0), province: 40, sizedAs: 9_000, share: 1.0 / 3, years: 2024...2024, lastMonth: 11)
        }
        let whole = try #require(successor.results.last { $0.indicatorCode == "total_production_value" }?.value)
        let sum = thirds.compactMap { $0.results.last { $0.indicatorCode == "total_production_value" }?.value }
            .reduce(0, +)
        #expect(abs(sum / whole - 1) < 0.05)
    }

    @Test func aDatabaseWithFiguresIsRefusedAndKeptAsItWas() async throws {
        let file = TemporaryFile()
        let repository = try await SQLRepository.openSQLite(path: file.path)
        defer { file.remove() }
        do {
            _ = try await repository.ensureCatalogue()
            try await repository.save(DemoDataSet.batch())
            let before = try await repository.observations(unitIDs: Array(1...20_000), years: 2020...2030).count
            await #expect(throws: NationalDataSetError.self) {
                try await NationalDataSet(today: CalendarDay(year: 2026, month: 12, day: 2)!, years: 1)
                    .load(into: repository)
            }
            #expect(try await repository.observations(unitIDs: Array(1...20_000), years: 2020...2030).count == before)
        } catch {
            await repository.close()
            throw error
        }
        await repository.close()
    }
}

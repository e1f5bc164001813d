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
        let rows = figures.rows(for: 5_000, years: 2025...2026, lastMonth: 11)
        #expect(rows.targets.count == 40 * 2)
        #expect(rows.results.count == 40 * (12 + 11))
        #expect(rows.results.allSatisfy { $0.value.map { $0.isFinite && $0 > 0 } ?? false })
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
                == figures.rows(for: 5_000, years: 2025...2026, lastMonth: 11).results.map(\.value))
        #expect(
            rows.results.map(\.value)
                != figures.rows(for: 5_001, years: 2025...2026, lastMonth: 11).results.map(\.value))
        // a flow adds up over the months: November's year-to-date is about 11 times January's
        let revenue = rows.results.filter { $0.indicatorCode == "total_production_value" && $0.period.year == 2026 }
        let ratio = try #require(revenue.last?.value) / (try #require(revenue.first?.value))
        #expect(ratio > 9.5 && ratio < 12.5)
        let legacy = figures.rows(for: 7, years: 2024...2024, lastMonth: 11)
        #expect(legacy.targets.isEmpty && legacy.results.count == 40 * 12)
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

import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuReport

/// A generated report, read back by the extractor, gives every figure that went into it.
@Suite struct RoundTripTests {
    let catalogue = try! StandardCatalogue.load()

    /// What a report states about one indicator, rounded as it is printed.
    struct Stated: Equatable, CustomStringConvertible {
        var value: Double?
        var percentOfPlan: Double?
        var growth: Double?

        var description: String {
            "v:\(value.map { "\($0)" } ?? "–") pp:\(percentOfPlan.map { "\($0)" } ?? "–") g:\(growth.map { "\($0)" } ?? "–")"
        }
    }

    /// Rounded as the report prints it (`%.2f` rounds the exact binary value, not value × 100).
    static func round(_ x: Double?) -> Double? { x.flatMap { Double(String(format: "%.2f", $0)) } }

    /// The figures that went into the report, by indicator code.
    func expected(_ material: ReviewMaterial) -> [String: Stated] {
        var out: [String: Stated] = [:]
        for a in Tally.counted(material.overview.annual) where a.value != nil || a.percentOfPlan != nil {
            var s = Stated(
                value: Self.round(a.value), percentOfPlan: Self.round(a.percentOfPlan),
                growth: Self.round(a.growthPercent))
            if s.growth == 0 { s.growth = nil }
            if a.indicator.isGrowthRate, a.value != nil {
                // Reports state a growth rate as a change ("tốc độ tăng trưởng đạt 7,2%").
                s.growth = s.value
                s.value = nil
            }
            out[a.indicator.code] = s
        }
        for other in material.otherResults {
            out[other.indicator.code] = Stated(
                value: Self.round(other.observation.value), growth: Self.round(other.observation.statedGrowthPercent))
        }
        return out
    }

    func read(_ report: ReviewReport) -> ExtractionResult {
        Extractor(catalogue: catalogue, currentYear: 2026).extract(report.text)
    }

    func check(_ material: ReviewMaterial, file: String = #fileID, line: Int = #line) {
        let report = NarrativeWriter().write(material)
        let result = read(report)
        let location = SourceLocation(fileID: file, filePath: file, line: line, column: 1)
        #expect(result.period == material.period, "period", sourceLocation: location)
        #expect(result.unit?.name == material.unit.name, "unit", sourceLocation: location)
        #expect(result.conference?.number == material.conference?.number, "conference", sourceLocation: location)
        var read: [String: Stated] = [:]
        for o in result.observations {
            guard let code = o.indicatorCode else { continue }
            read[code] = Stated(
                value: Self.round(o.value), percentOfPlan: Self.round(o.percentOfPlan),
                growth: Self.round(o.growthPercent))
        }
        let wanted = expected(material)
        for (code, stated) in wanted {
            #expect(read[code] == stated, "\(code) in:\n\(report.text)", sourceLocation: location)
        }
        let tally = material.overview.tally
        if tally.total > 0 {
            let t = result.tally
            let outcomes = [t?.exceeded, t?.met, t?.missed, t?.onTrack, t?.atRisk, t?.offTrack, t?.unevaluated].map {
                $0 ?? 0
            }
            #expect(
                outcomes == [
                    tally.exceeded, tally.met, tally.missed, tally.onTrack, tally.atRisk, tally.offTrack,
                    tally.unassessed,
                ],
                "tally", sourceLocation: location)
            #expect(t?.total == tally.total, sourceLocation: location)
        }
        var goals = Set<String>()
        var goalsChecked = 0
        for goal in material.nextYearTargets where goals.insert(goal.indicator.code).inserted {
            goalsChecked += 1
            let back = result.targets.first { $0.indicatorCode == goal.indicator.code }
            #expect(back?.value == goal.target.bound.values.0, "goal \(goal.indicator.code)", sourceLocation: location)
            // A range ("6,5 - 7%") is read as its lower bound and «>», as the gold annotations do.
            if case .between = goal.target.bound {
                #expect(back?.qualifier == .above, "range goal \(goal.indicator.code)", sourceLocation: location)
            }
            #expect(back?.year == material.period.year + 1, sourceLocation: location)
        }
        // A case that writes no figure, tally or goal would check nothing.
        #expect(
            wanted.count + (tally.total > 0 ? 1 : 0) + goalsChecked > 0, "nothing checked", sourceLocation: location)
    }

    @Test(arguments: [
        ("Kông Chro", 2024, 9), ("Kông Chro", 2023, 12), ("An Khê", 2023, 6), ("Chợ Đồn", 2023, 9),
        ("Chợ Đồn", 2024, 12), ("Chư Sê", 2021, 6),
    ])
    func theDemoReportsReadBack(unit name: String, year: Int, month: Int) async throws {
        let repository = MemoryRepository()
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        let period = try Period.yearToDate(year, through: month)
        let unit = try await UnitResolver(repository: repository).resolve(name, on: period.endDay)
        check(try await UnitReview(repository: repository).material(of: unit, period: period))
    }

    @Test(arguments: 0..<200)
    func randomDataSetsReadBack(seed: Int) async throws {
        var generator = RandomDataSet(seed: UInt64(seed), catalogue: catalogue)
        let (repository, unit, period) = try await generator.make()
        check(try await UnitReview(repository: repository).material(of: unit, period: period))
    }

    /// The random cases above do send ranges round the trip (else the range check tests nothing).
    @Test func someRandomCasesHaveRangeGoals() async throws {
        var ranges = 0
        for seed in 0..<200 {
            var generator = RandomDataSet(seed: UInt64(seed), catalogue: catalogue)
            let (repository, unit, period) = try await generator.make()
            let material = try await UnitReview(repository: repository).material(of: unit, period: period)
            ranges +=
                material.nextYearTargets.filter { if case .between = $0.target.bound { true } else { false } }.count
        }
        #expect(ranges >= 10)
    }
}

import ChiTieuCore
import SQLKit
import Testing

@testable import ChiTieuStore

/// Many rows at once go to PostgreSQL by `COPY`; on every database what comes back is what
/// went in, to the last bit of a figure and the last character of a note.
@Suite struct BulkInsertTests {
    @Test func rowsAreWrittenInCopysTextFormat() {
        let text = PostgresCopy.text(
            [
                [SQLBind(Int64(12)), SQLBind("Kế hoạch\tnăm\n2026 \\ 2025"), SQLBind(true), SQLLiteral.null],
                [SQLBind(4790.86), SQLBind(Optional<String>.none), SQLBind(false), SQLBind(Optional(70.76))],
            ], width: 4)
        #expect(text == "12\tKế hoạch\\tnăm\\n2026 \\\\ 2025\tt\t\\N\n4790.86\t\\N\tf\t70.76\n")
        #expect(PostgresCopy.text([[SQLBind(Double.nan)]], width: 1) == nil, "not finite: the usual way")
        #expect(PostgresCopy.text([[SQLBind(Int64(1))]], width: 2) == nil, "a row of the wrong width")
    }

    static let awkward: [Double] = [4790.86, 0.1 + 0.2, 1e-7, 123_456_789.123_456_7, 70.76, 1e15, -3.5, 0]

    @Test(arguments: RepositoryKind.available)
    func whatGoesInComesBack(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            var units = DataBatch()
            let commune = units.addUnit(.commune, "Ia Thử Số")
            let id = try #require(try await repository.save(units).unitIDs[commune])
            let document = "Báo cáo \"số 12\"\nphụ lục\t1 \\ 2\r"
            var batch = DataBatch()
            for (month, value) in zip(1..., Self.awkward) {
                var o = Observation(
                    unitID: id, indicatorCode: "total_production_value", period: period(2026, month), value: value,
                    source: Provenance(document: document))
                o.estimated = month.isMultiple(of: 2)
                batch.add(o)
            }
            var stated = Observation(
                unitID: id, indicatorCode: "budget_revenue", period: period(2026, 1), value: nil,
                source: Provenance(document: ""))
            stated.statedPercentOfPlan = 101.5
            batch.add(stated)
            try await repository.save(batch)
            let stored = try await repository.observations(unitIDs: [id], years: 2026...2026)
            let production = stored.filter { $0.indicatorCode == "total_production_value" }
                .sorted { $0.period.toMonth < $1.period.toMonth }
            #expect(production.map(\.value) == Self.awkward)
            #expect(production.map(\.estimated) == (1...Self.awkward.count).map { $0.isMultiple(of: 2) })
            #expect(production.allSatisfy { $0.source.document == document })
            let revenue = try #require(stored.first { $0.indicatorCode == "budget_revenue" })
            #expect(revenue.value == nil && revenue.statedPercentOfPlan == 101.5)
        }
    }
}

/// What every read returns of stored results: each series' newest version, in order.
@Suite struct LatestVersionTests {
    @Test func eachSeriesKeepsItsNewestVersionInOrderOfUnitIndicatorAndPeriod() {
        func o(_ unit: UnitID, _ code: String, _ month: Int, _ value: Double, version: Int) -> Observation {
            var o = Observation(unitID: unit, indicatorCode: code, period: period(2026, month), value: value)
            o.version = version
            return o
        }
        let stored = [
            o(2, "budget_revenue", 6, 61, version: 1), o(1, "budget_revenue", 9, 90, version: 1),
            o(2, "budget_revenue", 6, 62, version: 3), o(1, "budget_revenue", 6, 60, version: 1),
            o(2, "budget_revenue", 6, 63, version: 2), o(1, "agricultural_production_value", 9, 5, version: 1),
        ]
        let latest = SQLRepository.latestVersions(stored)
        #expect(latest.map(\.value) == [5, 60, 90, 62])
        #expect(latest.map(\.version) == [1, 1, 1, 3])
    }
}

/// A value the bulk path cannot write (here a 32-bit number) hands the rest of the rows to
/// the usual insert, in the same transaction: every row is stored once.
@Suite struct BulkInsertFallbackTests {
    @Test(arguments: RepositoryKind.available.filter { $0 != .memory })
    func fromTheFirstRowItCannotWriteTheUsualInsertTakesOver(kind: RepositoryKind) async throws {
        try await kind.withRepository { repository in
            let sql = try #require(repository as? SQLRepository)
            let rows = Array(0..<250)
            try await sql.database.transaction { db in
                try await db.raw("CREATE TABLE bulk_probe (n INTEGER, label TEXT)").run()
                try await SQLRepository.insertRows(rows, into: "bulk_probe", columns: ["n", "label"], db: db) { n in
                    [n == 150 ? SQLBind(Int32(n)) : SQLBind(n), SQLBind("dòng\t\(n)\n")]
                }
            }
            let stored = try await sql.database.withSession { db in
                try await db.select().columns("n", "label").from("bulk_probe").orderBy("n").all()
                    .map { try ($0.decode(column: "n", as: Int.self), $0.decode(column: "label", as: String.self)) }
            }
            #expect(stored.map(\.0) == rows)
            #expect(stored.map(\.1) == rows.map { "dòng\t\($0)\n" })
        }
    }
}

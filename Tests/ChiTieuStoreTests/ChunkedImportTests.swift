import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuStore

/// A CSV file read and saved a few rows at a time (`CSVTableChunks`, `save(chunks:dryRun:)`):
/// the same checks as a whole table, across chunk boundaries, in one transaction.
@Suite struct ChunkedImportTests {
    private static let header = "Loại,Đơn vị,Chỉ tiêu,Năm,Từ tháng,Đến tháng,Giá trị"

    /// A row of Ia Thử's production value from January of 2024.
    private static func production(toMonth: Int, value: String) -> String {
        "kết quả,Ia Thử,Tổng giá trị sản xuất,2024,1,\(toMonth),\(value)"
    }

    /// Imports `rows` (after the header) two rows to a chunk into a repository holding huyện Ia Thử.
    private func importRows(
        _ rows: [String], kind: RepositoryKind, dryRun: Bool = false, text: ((String) -> Data)? = nil,
        _ check: (any ChiTieuRepository, Result<SaveSummary, any Error>) async throws -> Void
    ) async throws {
        try await kind.withRepository { repository in
            var units = DataBatch()
            units.addUnit(.district, "Ia Thử")
            try await repository.save(units)
            let file = TemporaryFile(extension: "csv")
            defer { file.remove() }
            let csv = ([Self.header] + rows).joined(separator: "\n") + "\n"
            try (text?(csv) ?? Data(csv.utf8)).write(to: URL(fileURLWithPath: file.path))
            let importer = TableImporter(
                repository: repository, catalogue: try await repository.storedCatalogue(location: "test"))
            let chunks = CSVTableChunks(path: file.path, importer: importer, document: "bang.csv", rowsPerChunk: 2)
            let result: Result<SaveSummary, any Error>
            do {
                result = .success(try await repository.save(chunks: chunks, dryRun: dryRun))
            } catch {
                result = .failure(error)
            }
            try await check(repository, result)
        }
    }

    private func stored(_ repository: any ChiTieuRepository) async throws -> [Observation] {
        let unit = try await UnitResolver(repository: repository).resolve("Ia Thử")
        return try await repository.observations(unitIDs: [unit.id], years: 2000...2030)
            .sorted { ($0.period.toMonth, $0.version) < ($1.period.toMonth, $1.version) }
    }

    private func problems(_ result: Result<SaveSummary, any Error>) -> [String] {
        guard case .failure(StoreError.invalidBatch(let list)) = result else { return [] }
        return list.map(\.message)
    }

    @Test(arguments: RepositoryKind.available)
    func everyChunkIsWrittenAndCounted(kind: RepositoryKind) async throws {
        let rows = (1...5).map { Self.production(toMonth: $0, value: "\"\($0),5\"") }
        try await importRows(rows, kind: kind) { repository, result in
            let summary = try result.get()
            let values = try await stored(repository).map(\.value)
            #expect(summary.observationsAdded == 5)
            #expect(values == [1.5, 2.5, 3.5, 4.5, 5.5])
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aWrongRowInTheLastChunkLeavesTheChunksBeforeUnwritten(kind: RepositoryKind) async throws {
        let rows = [(3, "\"1,5\""), (6, "\"2,5\""), (9, "\"3,5\""), (12, "abc"), (3, "\"9,5\"")].map {
            Self.production(toMonth: $0, value: $1)
        }
        try await importRows(rows, kind: kind) { repository, result in
            let listed = problems(result)
            #expect(listed.count == 2, "\(listed)")
            #expect(listed.first?.hasPrefix("Dòng 5, cột «Giá trị»: «abc»") == true, "\(listed)")
            // the repeat is six rows down, two chunks after the row it repeats
            #expect(listed.last == "Dòng 6: kết quả quý I năm 2024 bị trùng với dòng 2.", "\(listed)")
            let left = try await stored(repository)
            #expect(left.isEmpty)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aDryRunChecksEveryChunkAndWritesNothing(kind: RepositoryKind) async throws {
        let rows = [(3, "\"1,5\""), (6, "\"2,5\""), (9, "\"3,5\"")].map { Self.production(toMonth: $0, value: $1) }
        try await importRows(rows, kind: kind, dryRun: true) { repository, result in
            let summary = try result.get()
            #expect(summary.observationsAdded == 3)
            let left = try await stored(repository)
            #expect(left.isEmpty)
        }
    }

    @Test(arguments: RepositoryKind.available)
    func aFileThatIsNotUTF8IsRefusedWithTheLineItStartsAt(kind: RepositoryKind) async throws {
        let rows = ["kết quả,Ia Thử,Tổng giá trị sản xuất,2024,1,3,\"1,5\""]
        // a stray byte of an old code page in the last row: not UTF-8
        let codePage: (String) -> Data = { Data($0.utf8.dropLast(40)) + [0xD5] + Data($0.utf8.suffix(39)) }
        try await importRows(rows, kind: kind, text: codePage) { repository, result in
            #expect(
                problems(result) == [
                    "Từ dòng 1: tệp không phải văn bản UTF-8. Trong Excel, hãy lưu dạng «CSV UTF-8»."
                ])
            let left = try await stored(repository)
            #expect(left.isEmpty)
        }
    }

    @Test func semicolonsAndAByteOrderMarkReadAsInTheWholeTable() async throws {
        let rows = ["kết quả;Ia Thử;Tổng giá trị sản xuất;2024;1;9;\"4.790,86\""]
        let excelStyle: (String) -> Data = { csv in
            let header = csv.prefix { $0 != "\n" }
            return Data("\u{FEFF}".utf8)
                + Data((header.replacingOccurrences(of: ",", with: ";") + csv.dropFirst(header.count)).utf8)
        }
        try await importRows(rows, kind: .sqlite, text: excelStyle) { repository, result in
            let summary = try result.get()
            let value = try await stored(repository).first?.value
            #expect(summary.observationsAdded == 1)
            #expect(value == 4790.86)
        }
    }

    @Test func blocksEndAtALineBreakOutsideQuotes() {
        let text = Data("a,\"b\nc\",d\ne,\"f \"\"x\"\"\ng\"\nh".utf8)
        let cut = try! #require(CSVBlocks.lastBoundary(in: text))
        #expect(String(decoding: text[..<cut], as: UTF8.self) == "a,\"b\nc\",d\ne,\"f \"\"x\"\"\ng\"\n")
        #expect(CSVBlocks.lastBoundary(in: Data("a,\"b\nc".utf8)) == nil)
    }

    @Test func theFiguresSeenAreToldApartByEveryPartOfTheirKey() {
        var seen = SeenSeries()
        let key = SeriesKey(unitID: 7, indicatorCode: "retail_sales", period: period(2024, 9))
        seen[key] = "dòng 2"
        let neighbours = [
            SeriesKey(unitID: 8, indicatorCode: "retail_sales", period: period(2024, 9)),
            SeriesKey(unitID: 7, indicatorCode: "grain_output", period: period(2024, 9)),
            SeriesKey(unitID: 7, indicatorCode: "retail_sales", period: period(2023, 9)),
            SeriesKey(unitID: 7, indicatorCode: "retail_sales", period: period(2024, 9, from: 7)),
            SeriesKey(unitID: 7, indicatorCode: "retail_sales", period: period(2024, 12)),
        ]
        #expect(seen[key] == .some("dòng 2"))
        #expect(neighbours.allSatisfy { seen[$0] == nil })
        // a batch's new unit (a negative ID) is kept whole, a row without origin as seen
        let provisional = SeriesKey(unitID: -1, indicatorCode: "retail_sales", period: period(2024, 9))
        #expect(seen[provisional] == nil)
        seen[provisional] = .some(nil)
        #expect(seen[provisional] == .some(nil))
    }

}

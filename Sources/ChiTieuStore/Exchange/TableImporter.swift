import CSV
import ChiTieuCore
import Foundation

/// Reads plans and results from a CSV table (as Excel saves it, with `,` or `;`) into a
/// batch. Every row is checked; if any row is wrong, all problems are reported with their
/// line and column and nothing is returned to be written.
public struct TableImporter: Sendable {
    public let repository: any ChiTieuRepository
    public let catalogue: Catalogue

    public init(repository: any ChiTieuRepository, catalogue: Catalogue) {
        self.repository = repository
        self.catalogue = catalogue
    }

    /// Columns a table may carry that are not data: row numbers and notes.
    static let ignoredHeaders: Set<String> = ["stt", "ghi chu", "tt"]

    public func batch(csv text: String, document: String, enteredBy: String? = nil) async throws -> DataBatch {
        let records = try Self.records(text)
        guard let header = records.first else {
            throw StoreError.invalidBatch([BatchProblem(origin: nil, "tệp trống.")])
        }
        var problems: [BatchProblem] = []
        var columns: [TableColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || Self.ignoredHeaders.contains(NameKey(trimmed).folded) { continue }
            guard let column = TableColumn.matching(trimmed) else {
                problems.append(
                    BatchProblem(
                        origin: "dòng 1",
                        "cột «\(trimmed)» không được hỗ trợ. Các cột hợp lệ: \(TableColumn.allCases.map(\.vietnamese).joined(separator: ", "))."
                    ))
                continue
            }
            if columns[column] != nil {
                problems.append(BatchProblem(origin: "dòng 1", "cột «\(column.vietnamese)» xuất hiện hai lần."))
            }
            columns[column] = index
        }
        for required in [TableColumn.kind, .unit, .indicator, .value] where columns[required] == nil {
            problems.append(
                BatchProblem(origin: "dòng 1", "thiếu cột «\(required.vietnamese)» (hoặc \(required.rawValue))."))
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }

        var batch = DataBatch()
        var units = UnitCache(resolver: UnitResolver(repository: repository))
        for (offset, record) in records.dropFirst().enumerated() {
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var row = TableRow(line: offset + 2, fields: record, columns: columns)
            if let item = await row.read(catalogue: catalogue, units: &units, document: document, enteredBy: enteredBy)
            {
                switch item {
                case .target(let t): batch.add(t, origin: row.origin)
                case .observation(let o): batch.add(o, origin: row.origin)
                }
            }
            problems += row.problems
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }
        return batch
    }

    /// Splits CSV text into records, choosing `;` when the header uses it (Excel in a
    /// Vietnamese locale, where `,` is the decimal mark).
    static func records(_ text: String) throws -> [[String]] {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar =
            firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        do {
            let reader = try CSVReader(string: body, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            var records: [[String]] = []
            while let record = reader.next() { records.append(record) }
            if let error = reader.error { throw error }
            return records
        } catch {
            throw StoreError.invalidBatch([BatchProblem(origin: nil, "tệp CSV không đọc được (\(error)).")])
        }
    }
}

/// Resolves each unit name of a table once per year.
struct UnitCache {
    let resolver: UnitResolver
    private var resolved: [String: Result<AdministrativeUnit, StoreError>] = [:]

    init(resolver: UnitResolver) {
        self.resolver = resolver
    }

    mutating func unit(_ text: String, year: Int) async -> Result<AdministrativeUnit, StoreError> {
        let key = "\(year)|\(NameKey(text))"
        if let cached = resolved[key] { return cached }
        let day = CalendarDay(year: year, month: 12, day: 31)
        let result: Result<AdministrativeUnit, StoreError>
        do {
            result = .success(try await resolver.resolve(text, on: day))
        } catch let error as StoreError {
            result = .failure(error)
        } catch {
            result = .failure(.internalFailure("\(error)"))
        }
        resolved[key] = result
        return result
    }
}

import CSV
import ChiTieuCore
import Foundation

/// Reads plans and results from a CSV table (as Excel saves it, with `,` or `;`) into a
/// batch. Every row is checked; if any row is wrong, all problems are reported with their
/// line and column and nothing is returned to be written.
public struct TableImporter: Sendable {
    public let repository: any ChiTieuRepository
    public let catalogue: Catalogue
    /// Indicators not in the catalogue become own indicators (their rows must give the unit of
    /// measure), instead of being refused.
    public var createIndicators = false
    /// When given, the table's plan rows also form a target set with this title, in the
    /// table's order and numbering (`TargetSetCollector`).
    public var targetSetTitle: String?

    public init(
        repository: any ChiTieuRepository, catalogue: Catalogue, createIndicators: Bool = false,
        targetSetTitle: String? = nil
    ) {
        self.repository = repository
        self.catalogue = catalogue
        self.createIndicators = createIndicators
        self.targetSetTitle = targetSetTitle
    }

    /// Columns a table may carry that are not data: notes.
    static let ignoredHeaders: Set<String> = ["ghi chu"]

    public func batch(csv text: String, document: String, enteredBy: String? = nil) async throws -> DataBatch {
        try await batch(table: try Self.table(csv: text), document: document, enteredBy: enteredBy)
    }

    /// The table of a CSV file: its first line the header.
    public static func table(csv text: String) throws -> ImportTable {
        let records = try records(text)
        guard let header = records.first else {
            throw StoreError.invalidBatch([BatchProblem(origin: nil, "tệp trống.")])
        }
        let rows = records.dropFirst().enumerated().map { ImportTable.Row(line: $0.offset + 2, fields: $0.element) }
        return ImportTable(header: header, rows: rows)
    }

    /// The batch of a table read from any file: a CSV file's, or a workbook sheet's.
    public func batch(table: ImportTable, document: String, enteredBy: String? = nil) async throws -> DataBatch {
        let columns = try Self.columns(of: table.header, at: table.headerPlace)
        var problems: [BatchProblem] = []
        var batch = DataBatch()
        var cleaner = FieldCleaner()
        var rows = table.rows.compactMap { cleaner.row($0, columns: columns) }
        var collector = targetSetTitle.map { TargetSetCollector(title: $0, numbered: columns[.number] != nil) }
        let headings = Set(rows.filter { collector != nil && TargetSetCollector.isHeading($0) }.map(\.line))
        let allRows = rows
        rows.removeAll { headings.contains($0.line) }
        var catalogue = self.catalogue
        if createIndicators {
            let created = NewIndicators(rows: rows, catalogue: catalogue)
            if !created.problems.isEmpty { throw StoreError.invalidBatch(created.problems) }
            for indicator in created.indicators { batch.addOwnIndicator(indicator) }
            catalogue = try Catalogue(version: catalogue.version, indicators: catalogue.indicators + created.indicators)
        }
        var lookups = ImportLookups(resolver: UnitResolver(repository: repository), catalogue: catalogue)
        for var row in allRows {
            if headings.contains(row.line) {
                collector?.heading(row)
                continue
            }
            if let item = await row.read(lookups: &lookups, document: document, enteredBy: enteredBy) {
                if case .target(let t) = item { collector?.add(t, row: row) }
                batch.add(item, origin: row.origin)
            }
            problems += row.problems
        }
        if let collector {
            problems += collector.problems
            if collector.targetSets.isEmpty, problems.isEmpty {
                problems.append(
                    BatchProblem(origin: nil, "bảng không có dòng kế hoạch hay nghị quyết nào để lập bộ chỉ tiêu."))
            }
            for set in collector.targetSets { batch.add(set, origin: "bộ chỉ tiêu «\(set.title)»") }
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }
        return batch
    }

    /// Which column of the table each field is, from its header; refused with every unknown,
    /// repeated or missing column.
    static func columns(of header: [String], at headerPlace: String) throws -> [TableColumn: Int] {
        var problems: [BatchProblem] = []
        var columns: [TableColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || Self.ignoredHeaders.contains(NameKey(trimmed).folded) { continue }
            guard let column = TableColumn.matching(trimmed) else {
                problems.append(
                    BatchProblem(
                        origin: headerPlace,
                        "cột «\(trimmed)» không được hỗ trợ. Các cột hợp lệ: \(TableColumn.allCases.map(\.vietnamese).joined(separator: ", "))."
                    ))
                continue
            }
            if columns[column] != nil {
                problems.append(BatchProblem(origin: headerPlace, "cột «\(column.vietnamese)» xuất hiện hai lần."))
            }
            columns[column] = index
        }
        for required in [TableColumn.kind, .unit, .indicator, .value] where columns[required] == nil {
            problems.append(
                BatchProblem(origin: headerPlace, "thiếu cột «\(required.vietnamese)» (hoặc \(required.rawValue))."))
        }
        if !problems.isEmpty { throw StoreError.invalidBatch(problems) }
        return columns
    }

    /// `;` when the header uses it more than `,` (Excel in a Vietnamese locale, where `,` is
    /// the decimal mark).
    static func delimiter(ofFirstLineIn text: String) -> UnicodeScalar {
        let firstLine = text.utf8.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        return semicolons > firstLine.filter { $0 == UInt8(ascii: ",") }.count ? ";" : ","
    }

    /// Splits CSV text into records, with the delimiter its header uses.
    static func records(_ text: String) throws -> [[String]] {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let delimiter = delimiter(ofFirstLineIn: body)
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

/// What the rows of one table look up, each distinct text once: a table of 100.000 rows names
/// a few units, indicators and kinds thousands of times each, and the normalising of a name
/// (`NameKey`) would otherwise be most of the import's time.
struct ImportLookups {
    let resolver: UnitResolver
    let catalogue: Catalogue
    private var resolved: [String: Result<AdministrativeUnit, StoreError>] = [:]
    private var kinds: [String: RowKind?] = [:]
    private var indicators: [String: Indicator?] = [:]

    init(resolver: UnitResolver, catalogue: Catalogue) {
        self.resolver = resolver
        self.catalogue = catalogue
    }

    mutating func kind(_ text: String) -> RowKind? {
        if let known = kinds[text] { return known }
        let found = RowKind.matching(text)
        kinds[text] = found
        return found
    }

    mutating func indicator(named text: String) -> Indicator? {
        if let known = indicators[text] { return known }
        let found = catalogue.indicator(named: text)
        indicators[text] = found
        return found
    }

    /// The unit named `text` at the end of `year`: the same text is looked up once, and two
    /// spellings of one name once between them.
    mutating func unit(_ text: String, year: Int) async -> Result<AdministrativeUnit, StoreError> {
        let spelled = "\(year)|=\(text)"
        if let cached = resolved[spelled] { return cached }
        let key = "\(year)|\(NameKey(text))"
        if let cached = resolved[key] {
            resolved[spelled] = cached
            return cached
        }
        let day = CalendarDay(year: year, month: 12, day: 31)
        let result: Result<AdministrativeUnit, StoreError>
        do {
            result = .success(try await resolver.resolve(text, on: day))
        } catch let error as StoreError {
            result = .failure(error)
        } catch {
            result = .failure(.internalFailure("\(error)"))
        }
        (resolved[key], resolved[spelled]) = (result, result)
        return result
    }
}

/// A cell as the rows read it: trimmed, a spreadsheet's protective «'» taken off, in NFC; each
/// distinct text cleaned once.
struct FieldCleaner {
    private var cleaned: [String: String] = [:]

    mutating func clean(_ field: String) -> String {
        if let known = cleaned[field] { return known }
        let value = SpreadsheetCell.restored(field.trimmingCharacters(in: .whitespacesAndNewlines))
            .precomposedStringWithCanonicalMapping
        // numbers are seldom repeated: remembering them would only grow the table
        if cleaned.count < 100_000 { cleaned[field] = value }
        return value
    }

    /// The row with its fields cleaned, nil when all are empty.
    mutating func row(_ row: ImportTable.Row, columns: [TableColumn: Int]) -> TableRow? {
        let fields = row.fields.map { clean($0) }
        return fields.allSatisfy(\.isEmpty) ? nil : TableRow(row, fields: fields, columns: columns)
    }
}

/// The own indicators an import creates: one per name the catalogue lacks, with the unit of
/// measure its rows give (the first row's; the others must agree), as a level indicator
/// collected yearly — the clerk can change either later on the catalogue page.
struct NewIndicators {
    private(set) var indicators: [Indicator] = []
    private(set) var problems: [BatchProblem] = []

    init(rows: [TableRow], catalogue: Catalogue) {
        var units: [String: (name: String, unit: String?, origin: String)] = [:]
        var order: [String] = []
        for row in rows {
            guard let name = row.text(.indicator), catalogue.indicator(named: name) == nil else { continue }
            let key = NameKey(name).folded
            let unit = row.text(.measureUnit)
            if let seen = units[key] {
                if let unit, let first = seen.unit, NameKey(unit) != NameKey(first) {
                    problems.append(
                        BatchProblem(
                            origin: "\(row.origin), cột «\(row.columnName(.measureUnit))»",
                            "«\(unit)» khác «\(first)» ở \(seen.origin) cho cùng chỉ tiêu «\(name)»."))
                }
                if seen.unit == nil, unit != nil { units[key] = (seen.name, unit, row.origin) }
                continue
            }
            units[key] = (name, unit, row.origin)
            order.append(key)
        }
        var all = catalogue.indicators
        for key in order {
            let (name, unit, origin) = units[key]!
            guard let unit else {
                problems.append(
                    BatchProblem(
                        origin: "\(origin), cột «Đơn vị tính»",
                        "cần đơn vị tính để tạo chỉ tiêu mới «\(name)» (thêm cột «Đơn vị tính» hoặc «dvt»)."))
                continue
            }
            let draft = IndicatorDraft(name: name, measureUnit: unit)
            switch draft.indicator(code: Indicator.code(forName: name, taken: Set(all.map(\.code))), against: all) {
            case .success(let made):
                indicators.append(made)
                all.append(made)
            case .failure(let list):
                problems += list.problems.map { BatchProblem(origin: origin, $0.message) }
            }
        }
    }
}

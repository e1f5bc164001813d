import ChiTieuCore
import Foundation

/// One data row of the plans-and-results table, read field by field; what is wrong is
/// collected in `problems` with the column it concerns.
struct TableRow {
    enum Item {
        case target(Target)
        case observation(Observation)
    }

    let line: Int
    let fields: [String]
    let columns: [TableColumn: Int]
    /// "dòng 12", or "trang «Biểu 01», dòng 12" for a sheet's row.
    let origin: String
    private let cellNames: [TableColumn: String]
    private(set) var problems: [BatchProblem] = []

    /// `fields` are the row's cells as `FieldCleaner` leaves them.
    init(_ row: ImportTable.Row, fields: [String], columns: [TableColumn: Int]) {
        line = row.line
        self.fields = fields
        origin = row.place
        cellNames = row.cellNames
        self.columns = columns
    }

    /// The column as messages name it: the header's, or the cell a rebuilt row took it from.
    func columnName(_ column: TableColumn) -> String { cellNames[column] ?? column.vietnamese }

    mutating func read(lookups: inout ImportLookups, document: String, enteredBy: String?) async -> Item? {
        guard let kindText = text(.kind) else {
            return fail(.kind, "để trống; ghi «kế hoạch», «kết quả» hoặc «nghị quyết».")
        }
        guard let kind = lookups.kind(kindText) else {
            return fail(.kind, "«\(kindText)» không hợp lệ; ghi «kế hoạch», «kết quả» hoặc «nghị quyết».")
        }
        let indicator: Indicator? = text(.indicator).flatMap { name in
            if let found = lookups.indicator(named: name) { return found }
            problem(
                .indicator,
                "«\(name)» không có trong danh mục chỉ tiêu; thêm bằng «chitieu indicators add», hoặc nhập với --create-indicators và cột «Đơn vị tính»."
            )
            return nil
        }
        if let indicator, let unit = text(.measureUnit),
            MeasureUnit.factor(from: unit, to: indicator.measureUnit) == nil
        {
            problem(
                .measureUnit, "«\(unit)» không khớp đơn vị tính của «\(indicator.name)» (\(indicator.measureUnit)).")
        }
        if text(.indicator) == nil { problem(.indicator, "để trống.") }
        guard let years = readYears(kind) else { return nil }
        guard let unitText = text(.unit) else { return fail(.unit, "để trống.") }
        let unit: AdministrativeUnit
        switch await lookups.unit(unitText, year: years.last) {
        case .success(let found): unit = found
        case .failure(let error): return fail(.unit, error.message)
        }
        guard let indicator else { return nil }

        switch kind {
        case .result:
            return readObservation(
                unit: unit, indicator: indicator, year: years.first, document: document, enteredBy: enteredBy)
        case .plan, .resolution:
            return readTarget(kind, unit: unit, indicator: indicator, years: years)
        }
    }

    private mutating func readYears(_ kind: RowKind) -> (first: Int, last: Int)? {
        if kind == .resolution {
            if let range = text(.year), let (from, to) = Self.yearRange(range) { return (from, to) }
            guard let from = integer(.fromYear), let to = integer(.toYear) else {
                return fail(.toYear, "chỉ tiêu nghị quyết cần «Từ năm» và «Đến năm» (hoặc «Năm» dạng 2020-2025).")
            }
            guard from <= to else { return fail(.toYear, "năm \(to) trước năm \(from).") }
            return (from, to)
        }
        guard let year = integer(.year) else { return fail(.year, "cần ghi năm.") }
        guard Period.yearRange.contains(year) else { return fail(.year, "năm \(year) không hợp lệ.") }
        return (year, year)
    }

    private mutating func readObservation(
        unit: AdministrativeUnit, indicator: Indicator, year: Int, document: String, enteredBy: String?
    ) -> Item? {
        let from = integer(.fromMonth) ?? 1
        let to = integer(.toMonth) ?? 12
        let period: Period
        do {
            period = try Period(year: year, fromMonth: from, toMonth: to)
        } catch {
            return fail(.toMonth, error.message)
        }
        let (qualifier, value) = qualifiedNumber(.value)
        let percent = number(.percentOfPlan)
        if value == nil, percent == nil, problems.isEmpty { problem(.value, "để trống (cần giá trị hoặc % kế hoạch).") }
        let estimated = flag(.estimated)
        let observation = Observation(
            unitID: unit.id, indicatorCode: indicator.code, period: period, value: value, qualifier: qualifier,
            estimated: estimated, statedPercentOfPlan: percent, statedGrowthPercent: number(.growth),
            priceBasis: text(.priceBasis), source: Provenance(document: text(.source) ?? document, enteredBy: enteredBy)
        )
        return problems.isEmpty ? .observation(observation) : nil
    }

    private mutating func readTarget(
        _ kind: RowKind, unit: AdministrativeUnit, indicator: Indicator, years: (first: Int, last: Int)
    ) -> Item? {
        var measure = TargetMeasure.value
        if let word = text(.measure) {
            guard let found = TargetMeasure.matching(word) else {
                return fail(
                    .measure,
                    "«\(word)» không hợp lệ; ví dụ: mức đạt, tăng bình quân, giảm bình quân, tổng giai đoạn, hằng năm, tỷ lệ đơn vị."
                )
            }
            measure = found
        }
        guard let bound = readBound(indicator) else { return nil }
        let issuer = text(.issuer) ?? (kind == .resolution ? "nghị quyết" : Target.defaultIssuer)
        let scope: TargetScope = kind == .resolution ? .term(from: years.first, to: years.last) : .year(years.first)
        let target = Target(
            unitID: unit.id, indicatorCode: indicator.code, scope: scope, measure: measure, bound: bound,
            issuer: issuer,
            exceedMargin: number(.exceedMargin), denominator: integer(.denominator), note: text(.source))
        return problems.isEmpty ? .target(target) : nil
    }

    /// `4.790,86`, `12 - 13` (a range), or a value with `Giá trị trên`; the comparison from
    /// `So sánh` or, when empty, from the indicator's direction.
    private mutating func readBound(_ indicator: Indicator) -> TargetBound? {
        guard let raw = text(.value) else { return fail(.value, "để trống.") }
        if let upper = number(.upperValue), let lower = number(.value) { return .between(lower, upper) }
        if let (low, high) = Self.numberRange(raw) { return .between(low, high) }
        guard let value = number(.value) else { return nil }
        if let word = text(.comparator) {
            let folded = NameKey(word).folded
            if [">=", "≥", ">"].contains(word)
                || ["tu", "tren", "toi thieu", "khong duoi", "it nhat", "tro len"].contains(where: folded.contains)
            {
                return .atLeast(value)
            }
            if ["<=", "≤", "<"].contains(word)
                || ["duoi", "toi da", "khong qua", "tro xuong"].contains(where: folded.contains)
            {
                return .atMost(value)
            }
            return fail(.comparator, "«\(word)» không hợp lệ; ghi «>=» (từ … trở lên) hoặc «<=» (không quá).")
        }
        return indicator.direction == .higherIsBetter ? .atLeast(value) : .atMost(value)
    }

    // MARK: fields

    private func raw(_ column: TableColumn) -> String? {
        guard let index = columns[column], index < fields.count, !fields[index].isEmpty else { return nil }
        return fields[index]
    }

    func text(_ column: TableColumn) -> String? { raw(column) }

    private mutating func number(_ column: TableColumn) -> Double? {
        guard let raw = raw(column) else { return nil }
        let cleaned = raw.hasSuffix("%") ? String(raw.dropLast()) : raw
        guard let value = VietnameseNumber.parse(cleaned) else {
            problem(column, "«\(raw)» không phải là số (ví dụ đúng: 4.790,86).")
            return nil
        }
        return value
    }

    private mutating func integer(_ column: TableColumn) -> Int? {
        guard let raw = raw(column) else { return nil }
        guard let value = Int(raw) else {
            problem(column, "«\(raw)» không phải là số nguyên.")
            return nil
        }
        return value
    }

    private mutating func qualifiedNumber(_ column: TableColumn) -> (Qualifier?, Double?) {
        guard let raw = raw(column) else { return (nil, nil) }
        if let parsed = QualifiedNumber.parse(raw), parsed.qualifier != nil { return (parsed.qualifier, parsed.value) }
        return (nil, number(column))
    }

    private func flag(_ column: TableColumn) -> Bool {
        guard let raw = raw(column) else { return false }
        return ["x", "co", "1", "true", "uoc", "yes"].contains(NameKey(raw).folded)
    }

    private mutating func problem(_ column: TableColumn, _ text: String) {
        problems.append(BatchProblem(origin: "\(origin), cột «\(columnName(column))»", text))
    }

    private mutating func fail<T>(_ column: TableColumn, _ text: String) -> T? {
        problem(column, text)
        return nil
    }

    static func yearRange(_ text: String) -> (Int, Int)? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else { return nil }
        return (a, b)
    }

    static func numberRange(_ text: String) -> (Double, Double)? {
        let parts = text.split(whereSeparator: { $0 == "–" || $0 == "—" }).map(String.init)
        let pieces = parts.count == 2 ? parts : text.components(separatedBy: " - ")
        guard pieces.count == 2, let a = VietnameseNumber.parse(pieces[0]), let b = VietnameseNumber.parse(pieces[1]),
            a <= b
        else { return nil }
        return (a, b)
    }
}

import ChiTieuCore
import ChiTieuExtract
import ChiTieuOffice
import ChiTieuStore

/// The results and plans of a report's table («Biểu» appended to a Word report), read by the
/// layout of an office's «biểu» with the document's own unit and period, as observations and
/// targets like those read from prose; each points at its row of the table in the text.
struct TableFigures {
    let table: SourceDocument.TableText
    let matcher: IndicatorMatcher?

    func add(to result: inout ExtractionResult) {
        guard let layout = SummarySheet(table.sheet) else { return }
        let period = result.period
        // the unit is the document's; a placeholder keeps a table readable before it is known
        let options = SummarySheet.Options(
            unit: layout.titleUnit ?? "văn bản", year: layout.titleYear ?? period?.year,
            toMonth: layout.titleMonths ?? period?.toMonth)
        guard let (rows, _) = try? layout.table(options) else { return }
        let header = rows.header
        let prose = Set(result.observations.compactMap(\.indicatorCode))
        for row in rows.rows {
            let field = { (column: TableColumn) -> String? in
                guard let index = header.firstIndex(of: column.vietnamese), index < row.fields.count,
                    !row.fields[index].isEmpty
                else { return nil }
                return row.fields[index]
            }
            guard let name = field(.indicator), let span = table.rowSpans[row.line] else { continue }
            let unit = field(.measureUnit)?.lowercased()
            let code = matcher?.code(for: name, unit: unit)
            let number = { (column: TableColumn) in field(column).flatMap { VietnameseNumber.parse($0) } }
            switch field(.kind) {
            case RowKind.result.vietnamese?:
                // the table's result of the document's period; prose that gave the same figure wins
                guard let year = field(.year).flatMap(Int.init), year == period?.year,
                    field(.toMonth).flatMap(Int.init) == period?.toMonth, !(code.map(prose.contains) ?? false)
                else { continue }
                let value = field(.value).flatMap { QualifiedNumber.parse($0) }
                result.observations.append(
                    ExtractionResult.ReadObservation(
                        indicator: name, value: value?.value, unit: unit, qualifier: value?.qualifier,
                        estimated: field(.estimated) != nil, percentOfPlan: number(.percentOfPlan),
                        growthPercent: number(.growth), span: span, indicatorCode: code))
            case RowKind.plan.vietnamese?:
                guard let year = field(.year).flatMap(Int.init), let value = number(.value) else { continue }
                let qualifier: Qualifier? =
                    field(.comparator) == ">=" ? .above : field(.comparator) == "<=" ? .below : nil
                result.targets.append(
                    ExtractionResult.ReadTarget(
                        indicator: name, value: value, unit: unit, qualifier: qualifier, year: year, span: span,
                        indicatorCode: code))
            default:
                continue
            }
        }
    }
}

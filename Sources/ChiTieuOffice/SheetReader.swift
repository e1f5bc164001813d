import Foundation

/// A worksheet part: its cells row by row, with the texts and formats resolved, and its merged
/// ranges. Work is linear in the part's size: each cell is seen once; it stops after `limit`
/// cells, so that memory is bounded whatever the file holds.
final class SheetReader: XMLPartReader {
    private let strings: [String]
    private let formats: [CellFormat]
    private let limit: Int
    private(set) var cellCount = 0
    private(set) var rows: [SheetRow] = []
    private(set) var merged: [CellRange] = []

    private var rowNumber = 0
    private var cells: [SheetCell] = []
    private var nextColumn = 0
    // the cell being read
    private var reference: CellReference?
    private var type = ""
    private var style = 0
    private var value = ""
    private var formula = ""
    private var inline = ""
    private var capture: Capture = .none
    private var phonetic = 0

    private enum Capture { case none, value, formula, inlineText }

    init(strings: [String], formats: [CellFormat], limit: Int = .max) {
        self.strings = strings
        self.formats = formats
        self.limit = limit
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            nextColumn = 0
        case "c":
            reference = attributes["r"].flatMap { CellReference($0) }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            formula = ""
            inline = ""
        case "v": capture = .value
        case "f": capture = .formula
        case "t" where phonetic == 0: capture = .inlineText
        case "rPh": phonetic += 1
        case "mergeCell":
            if let range = attributes["ref"].flatMap({ CellRange($0) }) { merged.append(range) }
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v", "f", "t": capture = .none
        case "rPh": phonetic -= 1
        case "c": finishCell()
        case "row":
            if !cells.isEmpty {
                cells.sort { $0.column < $1.column }
                rows.append(SheetRow(number: rowNumber, cells: cells))
            }
        default: break
        }
    }

    override func text(_ string: String) {
        switch capture {
        case .none: break
        case .value: value += string
        case .formula: formula += string
        case .inlineText: inline += string
        }
    }

    private func finishCell() {
        let column = reference?.column ?? nextColumn
        nextColumn = column + 1
        let format = style < formats.count ? formats[style] : .general
        guard let value = cellValue() else { return }
        cells.append(SheetCell(column: column, value: value, format: format))
        cellCount += 1
        if cellCount > limit { limitReached = true }
    }

    private func cellValue() -> CellValue? {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                return value.isEmpty ? nil : .error("#REF!")
            }
            return strings[index].isEmpty ? nil : .text(strings[index])
        case "inlineStr": return inline.isEmpty ? nil : .text(inline)
        case "str": return value.isEmpty ? (formula.isEmpty ? nil : .formulaWithoutValue(formula)) : .text(value)
        case "b": return .boolean(value.trimmingCharacters(in: .whitespaces) == "1")
        case "e": return .error(value)
        case "d": return value.isEmpty ? nil : .text(value)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return formula.isEmpty ? nil : .formulaWithoutValue(formula) }
            guard let number = Double(trimmed), number.isFinite else { return .error(trimmed) }
            return .number(number)
        }
    }
}

import ChiTieuCore
import ChiTieuOffice
import ChiTieuStore
import Foundation

/// A cell as the importer's field text: what a person sees in the cell, in Vietnamese notation
/// so that the table's own parsing reads it back (0,7076 shown as 70,76% becomes "70,76").
enum SheetFields {
    static func text(_ cell: SheetCell?) -> String {
        guard let cell else { return "" }
        switch cell.value {
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let number): return Self.number(cell.format == .percent ? number * 100 : number)
        case .boolean(let flag): return flag ? "x" : ""
        case .error(let code): return code
        case .formulaWithoutValue: return ""
        }
    }

    /// Whether a cell holds a value or a formula (even one without its result).
    static func holdsSomething(_ cell: SheetCell?) -> Bool {
        guard let cell else { return false }
        if case .formulaWithoutValue = cell.value { return true }
        return !text(cell).isEmpty
    }

    /// `4790,86`, `2024`, `-3,5`: no thousands grouping (a dot would be read as one), at most
    /// twelve significant digits, so 0,7076 × 100 is 70,76 and not 70,76000000000001.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.12g", value)
        if text.contains("e") {
            text = String(format: "%.10f", value)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// What is wrong with a cell whose value cannot be taken: a formula's error, or a formula
    /// saved without its result.
    static func problem(_ cell: SheetCell?, at reference: CellReference, sheet: String) -> BatchProblem? {
        guard let cell else { return nil }
        let place = "trang «\(sheet)», ô \(reference.name)"
        switch cell.value {
        case .error(let code):
            return BatchProblem(origin: place, "công thức cho lỗi \(code); sửa công thức rồi lưu lại.")
        case .formulaWithoutValue(let formula):
            return BatchProblem(
                origin: place,
                "công thức =\(formula) chưa có kết quả lưu trong tệp; mở tệp bằng Excel hoặc LibreOffice và lưu lại.")
        default:
            return nil
        }
    }
}

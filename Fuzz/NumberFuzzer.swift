import ChiTieuCore
import Foundation

// libFuzzer entry point for the number parser and what stands around it (scripts/fuzz.sh
// numbers). Every parsed number is finite, prints and parses back, is judged by the limits
// without trapping, and text cells survive the spreadsheet neutraliser.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    if let value = VietnameseNumber.parse(text) {
        precondition(value.isFinite)
        _ = FigureLimits.problem(value)
        if abs(value) < 1e15 {
            let printed = VietnameseNumberFormat(maximumFractionDigits: 6).string(value)
            let again = VietnameseNumber.parse(printed)
            precondition(again != nil, "\(printed) does not parse back")
            precondition(abs(again! - value) <= 5.1e-7 + abs(value) * 1e-12, "\(text) → \(printed) → \(again!)")
        }
    }
    if let scaled = VietnameseNumber.parseScaled(text) { precondition(scaled.value.isFinite) }
    if let qualified = QualifiedNumber.parse(text) { precondition(qualified.value.isFinite) }
    precondition(SpreadsheetCell.restored(SpreadsheetCell.neutralised(text)) == text)
    _ = PlainText.problem(bytes)
    return 0
}

import Foundation
import ChiTieuCore
import ChiTieuExtract

// libFuzzer entry point, outside the package's targets: scripts/fuzz-extract.sh compiles
// it against an instrumented build of ChiTieuCore and ChiTieuExtract.

let extractor = Extractor(currentYear: 2026)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = extractor.extract(text)
    // Everything read must point inside the text and carry finite figures.
    let length = text.precomposedStringWithCanonicalMapping.unicodeScalars.count
    for o in result.observations {
        precondition(o.span.start >= 0 && o.span.start <= o.span.end && o.span.end <= max(length, text.unicodeScalars.count))
        for figure in [o.value, o.percentOfPlan, o.growthPercent, o.planValue].compactMap({ $0 }) {
            precondition(figure.isFinite)
        }
    }
    _ = try? result.json()
    return 0
}

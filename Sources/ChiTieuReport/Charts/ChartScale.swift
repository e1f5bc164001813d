import ChiTieuCore
import Foundation

/// A value axis from zero (or the lowest negative value) to a round number above the largest
/// value, with four or five round ticks.
///
/// Total over every `Double`: values past ±1e300 are drawn at ±1e300 (no chart can show such a
/// figure; one stored `-1,7e308` once made the old loop over powers of ten spin for ever),
/// NaN and infinities are left out, and the work does not depend on the values' magnitude.
struct ChartScale {
    let low: Double
    let high: Double
    let ticks: [Double]

    /// The largest magnitude drawn: small enough that every span, step and tick stays finite.
    static let limit = 1e300

    init(values: [Double]) {
        let drawn = values.filter(\.isFinite).map(Self.clamped)
        let top = max(drawn.max() ?? 1, 0)
        let bottom = min(drawn.min() ?? 0, 0)
        let span = max(top - bottom, 1e-9)
        let rough = span / 4
        let power = pow(10, log10(rough).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        let low = (bottom / step).rounded(.down) * step
        let high = max((top / step).rounded(.up) * step, low + step)
        // At most 4/1 + 2 steps by construction; the cap guards the float arithmetic.
        let count = min(Int(((high - low) / step).rounded()), 12)
        self.low = low
        self.high = high
        ticks = (0...max(count, 1)).map { low + Double($0) * step }
    }

    static func clamped(_ value: Double) -> Double { min(max(value, -limit), limit) }

    /// Position of `value` between `from` (at `low`) and `to` (at `high`); a value outside
    /// the drawable range sits at its edge.
    func position(_ value: Double, from: Double, to: Double) -> Double {
        guard !value.isNaN else { return from }
        return from + (Self.clamped(value) - low) / (high - low) * (to - from)
    }
}

/// Formats chart coordinates with one decimal, so the SVG stays small and stable. Coordinates
/// are within the drawing; anything else is pinned to ±1e6 rather than trapping in `Int(_:)`.
func svgNumber(_ value: Double) -> String {
    let bounded = value.isNaN ? 0 : min(max(value, -1e6), 1e6)
    let rounded = (bounded * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

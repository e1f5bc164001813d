import ChiTieuCore

/// A value axis from zero (or the lowest negative value) to a round number above the largest
/// value, with four or five round ticks.
struct ChartScale {
    let low: Double
    let high: Double
    let ticks: [Double]

    init(values: [Double]) {
        let top = max(values.max() ?? 1, 0)
        let bottom = min(values.min() ?? 0, 0)
        let span = max(top - bottom, 1e-9)
        let rough = span / 4
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        low = (bottom / step).rounded(.down) * step
        high = max((top / step).rounded(.up) * step, low + step)
        ticks = stride(from: low, through: high + step / 2, by: step).map { $0 }
    }

    /// Position of `value` between `from` (at `low`) and `to` (at `high`).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - low) / (high - low) * (to - from)
    }
}

/// Formats chart coordinates with one decimal, so the SVG stays small and stable.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

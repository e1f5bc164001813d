import ChiTieuCore

/// One indicator across units as ranked horizontal bars, as SVG drawn by our own code.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// A CSS class for the bar's colour (the status of the unit's target).
        public var cls: String

        public init(label: String, value: Double, cls: String = "") {
            self.label = label
            self.value = value
            self.cls = cls
        }
    }

    public var title: String
    public var bars: [Bar]
    public var measureUnit: String

    public init(title: String, bars: [Bar], measureUnit: String) {
        self.title = title
        self.bars = bars
        self.measureUnit = measureUnit
    }

    public func svg() -> String {
        let width = 640.0
        let row = 26.0
        let (left, right, top) = (170.0, 90.0, 24.0)
        let height = top + row * Double(max(bars.count, 1)) + 8
        let scale = ChartScale(values: bars.map(\.value))
        func x(_ value: Double) -> Double { scale.position(value, from: left, to: width - right) }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" aria-labelledby=\"bars-title\" class=\"chart bars\">"
        out += "<title id=\"bars-title\">\(htmlEscaped(title))</title>"
        out +=
            "<text x=\"\(svgNumber(width - right))\" y=\"14\" class=\"axis\" text-anchor=\"end\">\(htmlEscaped(measureUnit))</text>"
        let zero = x(max(scale.low, 0))
        for (index, bar) in bars.enumerated() {
            let y = top + row * Double(index)
            let end = x(bar.value)
            let (from, to) = (min(zero, end), max(zero, end))
            out +=
                "<text x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(y + row / 2))\" class=\"label\" text-anchor=\"end\" dominant-baseline=\"middle\">\(htmlEscaped(bar.label))</text>"
            out +=
                "<rect x=\"\(svgNumber(from))\" y=\"\(svgNumber(y + 4))\" width=\"\(svgNumber(max(to - from, 1)))\" height=\"\(svgNumber(row - 8))\" class=\"bar \(htmlEscaped(bar.cls))\"><title>\(htmlEscaped("\(bar.label): \(bar.value.vietnamese) \(measureUnit)"))</title></rect>"
            out +=
                "<text x=\"\(svgNumber(to + 6))\" y=\"\(svgNumber(y + row / 2))\" class=\"value\" dominant-baseline=\"middle\">\(htmlEscaped(bar.value.vietnamese))</text>"
        }
        return out + "</svg>"
    }
}

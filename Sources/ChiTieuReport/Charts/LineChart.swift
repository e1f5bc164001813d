import ChiTieuCore

/// Results of one indicator by month of the year, against last year's and the plan line, as
/// SVG drawn by our own code (no script, no external font). Every label is escaped.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// (month 1–12, value)
        public var points: [(month: Int, value: Double)]
        public var dashed: Bool

        public init(name: String, points: [(month: Int, value: Double)], dashed: Bool = false) {
            self.name = name
            self.points = points.sorted { $0.month < $1.month }
            self.dashed = dashed
        }
    }

    public var title: String
    public var series: [Series]
    /// The plan as a horizontal line, with its label.
    public var plan: (label: String, value: Double)?
    public var measureUnit: String

    public init(title: String, series: [Series], plan: (label: String, value: Double)?, measureUnit: String) {
        self.title = title
        self.series = series
        self.plan = plan
        self.measureUnit = measureUnit
    }

    static let colours = ["#1f5fa8", "#8a8f98"]
    static let planColour = "#b3261e"

    public func svg() -> String {
        let width = 640.0
        let height = 300.0
        let (left, right, top, bottom) = (72.0, 16.0, 28.0, 44.0)
        let values = series.flatMap { $0.points.map(\.value) } + (plan.map { [$0.value] } ?? [])
        let scale = ChartScale(values: values)
        func x(_ month: Int) -> Double { left + (Double(month) - 0.5) / 12 * (width - left - right) }
        func y(_ value: Double) -> Double { scale.position(value, from: height - bottom, to: top) }

        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" aria-labelledby=\"chart-title\" class=\"chart\">"
        out += "<title id=\"chart-title\">\(htmlEscaped(title))</title>"
        for tick in scale.ticks {
            let ty = svgNumber(y(tick))
            out +=
                "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(width - right))\" y1=\"\(ty)\" y2=\"\(ty)\" class=\"grid\"/>"
            out +=
                "<text x=\"\(svgNumber(left - 6))\" y=\"\(ty)\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">\(htmlEscaped(tick.vietnamese))</text>"
        }
        for month in 1...12 {
            out +=
                "<text x=\"\(svgNumber(x(month)))\" y=\"\(svgNumber(height - bottom + 16))\" class=\"axis\" text-anchor=\"middle\">T\(month)</text>"
        }
        out += "<text x=\"\(svgNumber(left))\" y=\"14\" class=\"axis\">\(htmlEscaped(measureUnit))</text>"
        if let plan {
            let py = svgNumber(y(plan.value))
            out +=
                "<line x1=\"\(svgNumber(left))\" x2=\"\(svgNumber(width - right))\" y1=\"\(py)\" y2=\"\(py)\" stroke=\"\(Self.planColour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        }
        for (index, line) in series.enumerated() where !line.points.isEmpty {
            let colour = Self.colours[min(index, Self.colours.count - 1)]
            let path = line.points.map { "\(svgNumber(x($0.month))),\(svgNumber(y($0.value)))" }.joined(separator: " ")
            out +=
                "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(line.dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
            for point in line.points {
                out +=
                    "<circle cx=\"\(svgNumber(x(point.month)))\" cy=\"\(svgNumber(y(point.value)))\" r=\"4\" fill=\"\(colour)\"><title>\(htmlEscaped("\(line.name), \(point.month) tháng: \(point.value.vietnamese) \(measureUnit)"))</title></circle>"
            }
        }
        // Legend along the bottom.
        var lx = left
        let ly = height - 8
        let entries =
            series.enumerated().map { ($1.name, Self.colours[min($0, Self.colours.count - 1)], $1.dashed) }
            + (plan.map { [($0.label, Self.planColour, true)] } ?? [])
        for (name, colour, dashed) in entries {
            out +=
                "<line x1=\"\(svgNumber(lx))\" x2=\"\(svgNumber(lx + 22))\" y1=\"\(svgNumber(ly - 4))\" y2=\"\(svgNumber(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dashed ? " stroke-dasharray=\"5 3\"" : "")/>"
            out +=
                "<text x=\"\(svgNumber(lx + 28))\" y=\"\(svgNumber(ly))\" class=\"legend\">\(htmlEscaped(name))</text>"
            lx += 40 + Double(name.count) * 7
        }
        return out + "</svg>"
    }
}

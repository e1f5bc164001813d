import ChiTieuCore
import Foundation

/// The units below a unit as dots at their registry coordinates, each coloured by its share of
/// targets on track and linked to its overview: SVG drawn by our code, no tiles, nothing fetched.
/// Longitude is scaled by the cosine of the middle latitude, so that the shape of a province
/// is kept.
public struct DotMap: Sendable {
    public struct Dot: Sendable {
        public var label: String
        public var href: String
        public var coordinate: Coordinate
        /// Targets on track among those assessed, 0…1; nil when none is assessed yet.
        public var share: Double?

        public init(label: String, href: String, coordinate: Coordinate, share: Double?) {
            self.label = label
            self.href = href
            self.coordinate = coordinate
            self.share = share
        }
    }

    public var title: String
    public var dots: [Dot]

    public init(title: String, dots: [Dot]) {
        self.title = title
        self.dots = dots
    }

    /// «dot-good» from 80% on track, «dot-fair» from 50%, «dot-poor» below, «dot-none».
    public static func colourClass(_ share: Double?) -> String {
        guard let share else { return "dot-none" }
        return share >= 0.8 ? "dot-good" : share >= 0.5 ? "dot-fair" : "dot-poor"
    }

    public func svg() -> String? {
        guard !dots.isEmpty else { return nil }
        let lats = dots.map(\.coordinate.latitude)
        let lons = dots.map(\.coordinate.longitude)
        let (south, north, west, east) = (lats.min()!, lats.max()!, lons.min()!, lons.max()!)
        let squeeze = max(cos((south + north) / 2 * .pi / 180), 0.2)
        // a single unit, or units on one line, still get a box: at least 0,05° each way
        let spanX = max((east - west) * squeeze, 0.05)
        let spanY = max(north - south, 0.05)
        let (width, margin) = (640.0, 16.0)
        let height = min(max((width - 2 * margin) * spanY / spanX + 2 * margin, 200), 900)
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        let (midX, midY) = ((west + east) / 2 * squeeze, (south + north) / 2)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" aria-labelledby=\"map-title\" class=\"chart dot-map\">"
        out += "<title id=\"map-title\">\(htmlEscaped(title))</title>"
        for dot in dots {
            let x = width / 2 + (dot.coordinate.longitude * squeeze - midX) * scale
            let y = height / 2 - (dot.coordinate.latitude - midY) * scale
            let share = dot.share.map { VietnameseNumberFormat.standard.percent($0 * 100) + " chỉ tiêu đúng tiến độ" }
            out += "<a href=\"\(htmlEscaped(dot.href))\">"
            // names beside the dots while they fit: a district's communes, not a province's 100
            if dots.count <= 30 {
                // on the right of the dot, or on its left in the map's eastern third, so it stays inside
                let east = x > width * 2 / 3
                out +=
                    "<text x=\"\(svgNumber(east ? x - 10 : x + 10))\" y=\"\(svgNumber(y + 4))\" class=\"label\"\(east ? " text-anchor=\"end\"" : "")>\(htmlEscaped(dot.label))</text>"
            }
            out +=
                "<circle cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"7\" class=\"dot \(Self.colourClass(dot.share))\"><title>\(htmlEscaped("\(dot.label): \(share ?? "chưa đánh giá")"))</title></circle></a>"
        }
        return out + "</svg>"
    }
}

import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuReport

/// The dot map of a leader's view: where each unit lies, its colour, its link.
@Suite struct DotMapTests {
    static func dot(_ name: String, _ lat: Double, _ lon: Double, _ share: Double?) -> DotMap.Dot {
        DotMap.Dot(
            label: name, href: "/don-vi/1?x=<\(name)>", coordinate: Coordinate(latitude: lat, longitude: lon)!,
            share: share)
    }

    /// The (cx, cy) of every circle, in order.
    static func centres(_ svg: String) -> [(Double, Double)] {
        svg.matches(of: /<circle cx="([-0-9.]+)" cy="([-0-9.]+)"/).map { (Double($0.1)!, Double($0.2)!) }
    }

    @Test func northIsUpEastIsRightAndColoursFollowTheShare() throws {
        let svg = try #require(
            DotMap(
                title: "Huyện Thử",
                dots: [Self.dot("xã Tây Bắc", 13.9, 108.4, 0.9), Self.dot("xã Đông Nam", 13.7, 108.6, 0.3)]
            ).svg())
        let points = Self.centres(svg)
        #expect(points.count == 2)
        #expect(points[0].0 < points[1].0 && points[0].1 < points[1].1, "north-west above and left of south-east")
        #expect(svg.contains("class=\"dot dot-good\"") && svg.contains("class=\"dot dot-poor\""))
        #expect(svg.contains("href=\"/don-vi/1?x=&lt;xã Tây Bắc&gt;\""), "escaped")
        #expect(svg.contains("<title>xã Đông Nam: 30% chỉ tiêu đúng tiến độ</title>"))
        #expect(points.allSatisfy { (0...640).contains($0.0) && $0.1 >= 0 })
    }

    @Test func oneUnitOrNoneStillDrawsOrSaysNothing() throws {
        let one = try #require(DotMap(title: "T", dots: [Self.dot("xã Một", 13.8, 108.5, nil)]).svg())
        let point = try #require(Self.centres(one).first)
        #expect(point.0.isFinite && point.1.isFinite && one.contains("dot-none"))
        #expect(DotMap(title: "T", dots: []).svg() == nil)
        #expect([0.8, 0.5, 0.49].map(DotMap.colourClass) == ["dot-good", "dot-fair", "dot-poor"])
    }
}

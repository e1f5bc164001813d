import ChiTieuCore
import ChiTieuStore
import Testing

@testable import ChiTieuServer

/// The lineage page lists a new commune's predecessors with their shares and takes a share
/// from the merger resolution; a share over 100% is refused with nothing stored.
@Suite struct LineagePageTests {
    @Test func aShareIsEnteredForASplitPredecessor() async throws {
        let fixture = try await ServerFixture.demo(registry: true)
        let successions = try await fixture.repository.successions()
        let units = Dictionary(
            try await fixture.repository.allUnits().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A new commune one of whose predecessors was split between several new ones.
        let split = try #require(
            successions.first { s in
                s.share == nil && units[s.successorID]?.kind == .commune
            })
        let (old, new) = (try #require(units[split.predecessorID]), try #require(units[split.successorID]))
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(new.id)/ke-thua").text
            #expect(page.contains("<h2>Được lập từ</h2>"))
            #expect(
                page.contains(
                    ">\(old.capitalizedTitle) (đến trước 1/7/2025)</a></td>\n<td data-label=\"Hiện có\">chưa biết</td>")
            )
            let refused = try await client.postForm(
                "/don-vi/\(new.id)/ke-thua", [("tu", "\(old.id)"), ("ty_le", "150"), ("can_cu", "diện tích")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Tỷ lệ: phải lớn hơn 0% và không quá 100%."))
            #expect(refused.text.contains("value=\"150\""))
            let saved = try await client.postForm(
                "/don-vi/\(new.id)/ke-thua", [("tu", "\(old.id)"), ("ty_le", "35,2"), ("can_cu", "diện tích")])
            #expect(saved.status == .seeOther)
            let after = try await client.get("/don-vi/\(new.id)/ke-thua?da-luu=1").text
            #expect(after.contains("35,2% theo diện tích"))
            let oldPage = try await client.get("/don-vi/\(old.id)/ke-thua").text
            #expect(oldPage.contains("<h2>Đã chuyển về</h2>"))
            #expect(oldPage.contains("\(new.capitalizedTitle)</a>: 35,2% theo diện tích"))
        }
        let stored = try await fixture.repository.successions().first {
            $0.predecessorID == old.id && $0.successorID == new.id
        }
        #expect(abs((stored?.share ?? 0) - 0.352) < 1e-12 && stored?.shareBasis == "diện tích")
        let trail = try await fixture.repository.auditTrail(AuditQuery(recordKey: "ke-thua/\(old.id)/\(new.id)"))
        #expect(trail.first?.author.name == "quantri (trang Kế thừa)")
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation
import Testing

@testable import ChiTieuServer

/// The server reads "now" from its configuration alone: pinning the clock pins sessions,
/// audit stamps and the years a request may name.
@Suite struct ClockTests {
    @Test func sessionsExpireByTheConfiguredClockNotTheMachines() async throws {
        let fixture = try await ServerFixture.demo(signedIn: false)
        let admin = try await fixture.repository.addUser(
            name: "quantri", role: .admin, unitID: nil, passwordHash: "x", author: .commandLine)
        // Expired at 09:00 in Hà Nội; the fixture's clock says 09:30.
        try await fixture.repository.createSession(
            token: "phien-cu", userID: admin.id, csrfToken: "c", expiresAt: "2026-06-15T02:00:00Z")
        let expired = try await fixture.test(as: .init(token: "phien-cu", csrf: "c")) { try await $0.get("/") }
        #expect(expired.status == .seeOther)
        #expect(expired.headers[.location]?.hasPrefix("/dang-nhap") == true)

        var earlier = ServerFixture.configuration
        earlier.clock = .fixed(Date(timeIntervalSince1970: 1_781_485_200))  // 08:00 in Hà Nội
        let services = try await AppServices(repository: fixture.repository, configuration: earlier)
        let before = ServerFixture(repository: fixture.repository, services: services, session: nil)
        let valid = try await before.test(as: .init(token: "phien-cu", csrf: "c")) { try await $0.get("/") }
        #expect(valid.text.contains("quantri <span class=\"role\">(quản trị)</span>"))
    }

    @Test func changesAreStampedWithTheConfiguredTime() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let response = try await fixture.test { client in
            try await client.postForm(
                "/quan-tri/nguoi-dung",
                [
                    ("ten", "chuyenvien"), ("vai_tro", "viewer"), ("don_vi", "\(id)"),
                    ("mat_khau", "mat-khau-chuyen-vien"),
                ])
        }
        #expect(response.status == .seeOther)
        let entry = try #require(try await fixture.repository.auditTrail(AuditQuery()).first)
        #expect(entry.subject == .user)
        #expect(entry.at == "2026-06-15T02:30:00Z")
    }

    @Test func theYearTurnsAtMidnightInVietnamNotInGreenwich() {
        // 31 December 2026, 17:30 UTC = 1 January 2027, 00:30 in Hà Nội.
        #expect(WallClock.fixed(Date(timeIntervalSince1970: 1_798_738_200)).year == 2027)
        #expect(WallClock.fixed(Date(timeIntervalSince1970: 1_798_734_600)).year == 2026)
        #expect(ServerFixture.configuration.currentYear == 2026)
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// SQL and markup typed into every free-text field are stored as text and shown as text.
@Suite("SQL injection and XSS attempts in text fields")
struct InjectionTests {
    static let sql = "x'); DELETE FROM observations; DROP TABLE users; --"
    static let markup = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    /// User names are at most 64 characters.
    static let userName = "x'); DROP TABLE users; --<script>alert(2)</script>"

    @Test func hostileTextIsStoredAsTextAndShownEscaped() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let before = try await fixture.repository.observations(unitIDs: [id], years: 2000...2030).count
        try await fixture.test { client in
            // a user name, through the admin page
            let user = try await client.postForm(
                "/quan-tri/nguoi-dung",
                [
                    ("ten", Self.userName), ("vai_tro", "viewer"), ("don_vi", "\(id)"),
                    ("mat_khau", "mat-khau-dai-2"),
                ])
            #expect(user.status == .seeOther)
            // a document name and text, through the import page
            let text =
                "Trong 6 tháng đầu năm 2024, huyện Kông Chro có tổng giá trị sản xuất đạt 3.100 tỷ đồng. \(Self.markup)"
            let stored = try await client.postForm(
                "/nhap-van-ban/luu",
                [
                    ("van_ban", text), ("ten", Self.sql + Self.markup), ("don_vi", "\(id)"), ("nam", "2024"),
                    ("thang", "6"),
                    ("chi_tieu[r1]", Self.sql), ("ma[r1]", Self.sql),
                ])
            #expect(stored.status == .ok)
            #expect(!stored.text.contains("<script>alert(2)"))
            // an issuer, through the plan page
            let plan = try await client.postForm(
                "/don-vi/\(id)/ke-hoach",
                [
                    ("nam", "2025"), ("moi[chi_tieu]", "retail_sales"), ("moi[gia_tri]", "900"),
                    ("moi[cap_giao]", Self.sql + Self.markup),
                ])
            #expect(plan.status == .seeOther)

            for page in [
                "/quan-tri/nguoi-dung", "/don-vi/\(id)/lich-su?nam=2024&thang=6",
                "/don-vi/\(id)/chi-tieu/total_production_value?nam=2024&thang=6", "/don-vi/\(id)/ke-hoach?nam=2025",
            ] {
                let html = try await client.get(page).text
                #expect(!html.contains("<script>alert(2)"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
                #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "\(page)")
            }
        }
        let users = try await fixture.repository.users()
        #expect(users.contains { $0.name == Self.userName })
        let results = try await fixture.repository.observations(unitIDs: [id], years: 2000...2030)
        #expect(results.count == before + 1)
        #expect(results.contains { $0.source.document == Self.sql + Self.markup })
    }

    /// The same strings through the SQL repository itself, on SQLite: bound, never spliced.
    @Test func theSQLRepositoryBindsHostileText() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-inj-\(UUID()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + s) } }
        let repository = try await SQLRepository.openSQLite(path: file)
        try await repository.ensureCatalogue()
        var batch = DataBatch()
        batch.author = ChangeAuthor(name: Self.sql, address: Self.markup)
        let unit = batch.addUnit(.commune, Self.sql)
        let saved = try await repository.save(batch)
        let id = try #require(saved.unitIDs[unit])
        #expect(try await repository.unit(id: id)?.name == Self.sql)
        #expect(try await repository.units(named: NameKey(Self.sql)).count == 1)
        #expect(try await repository.auditTrail(AuditQuery(unitID: id)).first?.author.name == Self.sql)
        _ = try await repository.addUser(
            name: Self.sql, role: .viewer, unitID: id, passwordHash: "h", author: .commandLine)
        #expect(try await repository.credentials(name: Self.sql)?.user.name == Self.sql)
        #expect(try await repository.indicators().count == (try StandardCatalogue.load()).indicators.count)
        await repository.close()
    }
}

import ChiTieuCore
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The account routes on the databases offices run: sign-in through the form opens a session
/// stored in the database, it reads and changes figures, the wrong password and the limit are
/// counted there, and signing out ends the session — on SQLite and (where a server is given)
/// PostgreSQL, not only in memory.
@Suite struct AccountsOnEveryBackendTests {
    @Test(arguments: TestDatabase.available)
    func signInChangeAndSignOutThroughTheRoutes(database: TestDatabase) async throws {
        let configuration = ServerFixture.configuration
        let (repository, close) = try await database.open(clock: configuration.clock)
        do {
            try await run(on: repository, configuration: configuration)
        } catch {
            await close()
            throw error
        }
        await close()
    }

    private func run(on repository: SQLRepository, configuration: ServerConfiguration) async throws {
        try await repository.ensureCatalogue()
        try await repository.save(DemoDataSet.batch())
        let unit = try await UnitResolver(repository: repository).resolve("huyện Kông Chro")
        _ = try await repository.addUser(
            name: "nhaplieu", role: .editor, unitID: unit.id,
            passwordHash: configuration.passwords.hash("mat-khau-dai-2"),
            author: .commandLine)
        let services = try await AppServices(repository: repository, configuration: configuration)
        let app = Application(router: buildRouter(services))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/dang-nhap", method: .get) { $0 }
            let cookie = try #require(page.headers[.setCookie])
            let csrf = String(cookie.dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
            func signIn(_ password: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/dang-nhap", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(csrf)"],
                    body: ByteBuffer(string: "_csrf=\(csrf)&ten=nhaplieu&mat_khau=\(password)")
                ) { $0 }
            }
            #expect(try await signIn("sai").status == .unauthorized)
            #expect(try await repository.failedSignIns(key: "ten:nhaplieu", since: "2000-01-01T00:00:00Z") == 1)
            let signedIn = try await signIn("mat-khau-dai-2")
            #expect(signedIn.status == .seeOther)
            // The failure is forgiven on success; the session lives in the database.
            #expect(try await repository.failedSignIns(key: "ten:nhaplieu", since: "2000-01-01T00:00:00Z") == 0)
            let cookies = signedIn.headers[values: .setCookie]
            let session = try #require(
                cookies.first { $0.hasPrefix("chitieu_phien=") }.map {
                    String($0.dropFirst("chitieu_phien=".count).prefix { $0 != ";" })
                })
            let stored = try #require(
                try await repository.session(token: session, now: configuration.clock.timestamp()))
            let headers: HTTPFields = [
                .cookie: "chitieu_phien=\(session); chitieu_csrf=\(csrf)",
                .contentType: "application/x-www-form-urlencoded",
            ]
            let saved = try await client.execute(
                uri: "/don-vi/\(unit.id)/nhap-so-lieu", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=\(stored.csrfToken)&nam=2024&thang=9&gia_tri%5Bbudget_revenue%5D=37,2")
            ) { $0 }
            #expect(saved.status == .seeOther)
            let history = try await client.execute(
                uri: "/don-vi/\(unit.id)/lich-su?nam=2024&thang=9", method: .get, headers: headers
            ) { $0 }
            #expect(String(buffer: history.body).contains("nhaplieu (trang Nhập số liệu)"))
            let out = try await client.execute(
                uri: "/dang-xuat", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=\(stored.csrfToken)")
            ) { $0 }
            #expect(out.status == .seeOther)
            #expect(try await repository.session(token: session, now: configuration.clock.timestamp()) == nil)
        }
        let figure = try await repository.observations(unitIDs: [unit.id], years: 2024...2024)
            .first { $0.indicatorCode == "budget_revenue" && $0.period.toMonth == 9 }
        #expect(figure?.value == 37.2)
        #expect(figure?.version == 2)
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChiTieuServer

@Suite("Signing in: bcrypt passwords, session cookies, rate limit, sessions shared by servers")
struct SignInTests {
    /// The anonymous CSRF cookie and token a browser gets from the sign-in page.
    func csrf(_ client: Browser) async throws -> String {
        let page = try await client.get("/dang-nhap")
        let cookie = try #require(page.headers[.setCookie])
        #expect(cookie.contains("HttpOnly"))
        return String(cookie.dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
    }

    /// Where a sign-in asks to return: an address of the route table's shape (sign-in checks the
    /// shape, not the unit, which the page itself then checks).
    static let returnPath = "/don-vi/5"

    func signIn(_ client: Browser, name: String, password: String, csrf: String) async throws -> TestResponse {
        let next = Self.returnPath.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let body = "_csrf=\(csrf)&ten=\(name)&mat_khau=\(password)&tiep=\(next)"
        return try await client.client.execute(
            uri: "/dang-nhap", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(csrf)"],
            body: ByteBuffer(string: body)
        ) { $0 }
    }

    @Test func theRightPasswordOpensASessionTheWrongOneDoesNot() async throws {
        let fixture = try await ServerFixture.demo()
        let hash = try #require(try await fixture.repository.credentials(name: "quantri")).passwordHash
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(!hash.contains("mat-khau-dai-1"))
        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            let wrong = try await signIn(client, name: "quantri", password: "sai-mat-khau", csrf: token)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Sai tên đăng nhập hoặc mật khẩu."))
            let missingToken = try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: "")
            #expect(missingToken.status == .forbidden)

            let right = try await signIn(client, name: "QuanTri", password: "mat-khau-dai-1", csrf: token)
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == Self.returnPath)
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let session = String(cookie.dropFirst("chitieu_phien=".count).prefix { $0 != ";" })
            let home = try await client.client.execute(
                uri: "/", method: .get, headers: [.cookie: "chitieu_phien=\(session)"]
            ) { $0 }
            #expect(home.text.contains("quantri <span class=\"role\">(quản trị)</span>"))

            let csrfOfSession = try #require(
                try await fixture.repository.session(token: session, now: ServerFixture.clock.timestamp())
            )
            .csrfToken
            let out = try await client.client.execute(
                uri: "/dang-xuat", method: .post,
                headers: [.cookie: "chitieu_phien=\(session)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrfOfSession)")
            ) { $0 }
            #expect(out.status == .seeOther)
            #expect(try await fixture.repository.session(token: session, now: ServerFixture.clock.timestamp()) == nil)
        }
    }

    @Test func fiveWrongPasswordsCloseSignInForThatName() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            for _ in 0..<5 {
                #expect(
                    try await signIn(client, name: "quantri", password: "doan-mo-\(UUID())", csrf: token).status
                        == .unauthorized)
            }
            let locked = try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: token)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] == "900")
            #expect(locked.text.contains("Đăng nhập sai quá nhiều lần"))
        }
    }

    /// A clock a test moves forward.
    final class MovableNow: Sendable {
        let date = Mutex(Date(timeIntervalSince1970: 1_781_490_600))
        var clock: WallClock { WallClock { [self] in self.date.withLock { $0 } } }
        func advance(minutes: Double) { date.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
    }

    static func movableFixture() async throws -> (ServerFixture, MovableNow) {
        let now = MovableNow()
        var configuration = ServerFixture.configuration
        configuration.clock = now.clock
        return (try await ServerFixture.demo(configuration: configuration), now)
    }

    @Test func aClosedNameOpensAgainWhenTheWindowHasPassed() async throws {
        let (fixture, now) = try await Self.movableFixture()
        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            for _ in 0..<5 {
                _ = try await signIn(client, name: "quantri", password: "doan-\(UUID())", csrf: token)
            }
            now.advance(minutes: 14)
            #expect(
                try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: token).status
                    == .tooManyRequests)
            // The window is 15 minutes from the failures: one minute later the name is open again.
            now.advance(minutes: 1.5)
            #expect(
                try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: token).status == .seeOther)
        }
    }

    @Test func oneAddressTryingManyNamesIsStoppedWhateverTheName() async throws {
        let (fixture, now) = try await Self.movableFixture()
        let limit = ServerFixture.configuration.signInLimits.failuresPerAddress
        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            for n in 0..<limit {
                let status = try await signIn(client, name: "ten-\(n)", password: "sai", csrf: token).status
                #expect(status == .unauthorized, "attempt \(n)")
            }
            // Even the right password of a real account is refused from this address now.
            let refused = try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: token)
            #expect(refused.status == .tooManyRequests)
            now.advance(minutes: 16)
            #expect(
                try await signIn(client, name: "quantri", password: "mat-khau-dai-1", csrf: token).status == .seeOther)
        }
    }

    @Test func aRedirectAfterSignInGoesOnlyToAPageOfTheRouteTable() async throws {
        let fixture = try await ServerFixture.demo()
        let targets = RedirectTargets()
        targets.learn(from: buildRouter(fixture.services))
        for hostile in [
            "https://gia-mao.example/", "//gia-mao.example/", "/%09/gia-mao.example/", "/\t/gia-mao.example/",
            "/\\gia-mao.example", "/%5Cgia-mao.example", "/khong-co-trang-nay", "/api/v1/units", "/don-vi/5/x/y/z",
            "/don-vi/5 ?a", "",
        ] {
            #expect(targets.safe(hostile) == "/", "\(hostile)")
        }
        #expect(targets.safe("%2Fdon-vi%2F5%3Fnam%3D2024") == "/don-vi/5?nam=2024")
        #expect(
            targets.safe("/don-vi/5/chi-tieu/budget_revenue?nam=2024&thang=9")
                == "/don-vi/5/chi-tieu/budget_revenue?nam=2024&thang=9")
        #expect(targets.safe("/quan-tri/nguoi-dung") == "/quan-tri/nguoi-dung")
        #expect(targets.safe("/") == "/")

        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            let body = "_csrf=\(token)&ten=quantri&mat_khau=mat-khau-dai-1&tiep=%2F%2509%2Fgia-mao.example%2F"
            let response = try await client.client.execute(
                uri: "/dang-nhap", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(token)"],
                body: ByteBuffer(string: body)
            ) { $0 }
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
        }
    }

    /// 60 wrong passwords for one name at once: the count is taken before the check, so at
    /// most five reach bcrypt; the rest are 429 without a check.
    @Test func parallelWrongPasswordsAreCountedBeforeTheyAreChecked() async throws {
        let fixture = try await ServerFixture.demo()
        let statuses = try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            return try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<60 {
                    group.addTask {
                        try await signIn(client, name: "quantri", password: "doan-\(n)", csrf: token).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
        }
        #expect(statuses.filter { $0 == .unauthorized }.count == 5)
        #expect(statuses.filter { $0 == .tooManyRequests }.count == 55)
    }

    @Test func passwordsAreNormalisedAndNoBytePastTheSeventySecondIsIgnored() {
        let passwords = Passwords(cost: 4)
        let composed = "mật khẩu đêm trăng"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(passwords.verify(decomposed, hash: passwords.hash(composed)))
        let long = String(repeating: "a", count: 72)
        let hash = passwords.hash(long + "1")
        #expect(passwords.verify(long + "1", hash: hash))
        #expect(!passwords.verify(long + "2", hash: hash))
        #expect(!passwords.verify(long, hash: hash))
        #expect(Passwords.problem(String(repeating: "x", count: Passwords.maximumLength + 1)) != nil)
        #expect(Passwords.problem("ngắn") != nil)
        #expect(Passwords.problem("đủ dài rồi đấy") == nil)
    }

    @Test func anOverlongNameIsRefusedWithoutAnyRecord() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test(as: nil) { client in
            let token = try await csrf(client)
            let name = String(repeating: "x", count: 100_000)
            #expect(try await signIn(client, name: name, password: "sai", csrf: token).status == .unauthorized)
        }
        let since = "2000-01-01T00:00:00Z"
        #expect(
            try await fixture.repository.failedSignIns(
                key: "ten:" + NameKey(String(repeating: "x", count: 100_000)).rawValue, since: since) == 0)
        #expect(try await fixture.repository.failedSignIns(key: "dia-chi:?", since: since) == 0)
    }

    /// Two servers on one SQLite file: a session opened on the first is valid on the second,
    /// and a change made through the second shows on the first.
    @Test func twoServersOnOneDatabaseServeTheSameUsers() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-two-\(UUID()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + s) } }
        let first = try await SQLRepository.openSQLite(path: file)
        try await first.ensureCatalogue()
        try await first.save(DemoDataSet.batch())
        let configuration = ServerFixture.configuration
        _ = try await first.addUser(
            name: "quantri", role: .admin, unitID: nil, passwordHash: configuration.passwords.hash("mat-khau-dai-1"),
            author: .commandLine)
        let second = try await SQLRepository.openSQLite(path: file)
        let serverA = Application(
            router: buildRouter(try await AppServices(repository: first, configuration: configuration)))
        let serverB = Application(
            router: buildRouter(try await AppServices(repository: second, configuration: configuration)))

        let session = try await serverA.test(.router) { client in
            let browser = Browser(client: client, session: nil)
            let token = try await csrf(browser)
            let response = try await signIn(browser, name: "quantri", password: "mat-khau-dai-1", csrf: token)
            return String(
                try #require(response.headers[.setCookie]).dropFirst("chitieu_phien=".count).prefix { $0 != ";" })
        }
        let csrfToken = try #require(try await second.session(token: session, now: ServerFixture.clock.timestamp()))
            .csrfToken
        try await serverB.test(.router) { client in
            let browser = Browser(client: client, session: .init(token: session, csrf: csrfToken))
            let saved = try await browser.postJSON(
                "/api/v1/units/5/results", #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":"37,5"}"#)
            #expect(saved.status == .created)
        }
        try await serverA.test(.router) { client in
            let browser = Browser(client: client, session: .init(token: session, csrf: csrfToken))
            let (_, results) = try await browser.getJSON("/api/v1/units/5/results?year=2024&indicator=budget_revenue")
            #expect(item(results["items"], "period", "9 tháng năm 2024")?["value"] as? Double == 37.5)
        }
        await first.close()
        await second.close()
    }
}

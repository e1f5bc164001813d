import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChiTieuServer

/// What an attack on the running server found: hostile numbers, headers, the CSRF token in
/// the address, forwarded addresses, messages taken from the address, the audit trail under
/// public reading.
@Suite("Hardening: hostile input, headers, proxies")
struct HardeningTests {
    @Test func hostileNumbersAreRefusedWhereTheyEnter() async throws {
        let fixture = try await ServerFixture.demo()
        let before = try await fixture.repository.auditTrail(AuditQuery()).count
        try await fixture.test { (client: Browser) async throws in
            for value in ["1e308", "-1.7e308", "1e16", #""-1,7e308""#, #""999.999.999.999.999.999""#] {
                let response = try await client.postJSON(
                    "/api/v1/units/5/results",
                    #"{"indicator":"total_production_value","year":2024,"to_month":9,"value":\#(value)}"#)
                #expect(response.status == .badRequest, "\(value)")
                #expect(try response.apiError().field == "value")
            }
            let rate = try await client.postJSON(
                "/api/v1/units/5/results",
                #"{"indicator":"economic_growth_rate","year":2024,"to_month":12,"value":5000}"#)
            #expect(rate.status == .badRequest)
            let plan = try await client.postJSON(
                "/api/v1/units/5/targets", #"{"indicator":"total_production_value","year":2024,"value":1e300}"#)
            #expect(plan.status == .badRequest)
            let grid = try await client.postForm(
                "/don-vi/5/nhap-so-lieu",
                [("nam", "2024"), ("thang", "9"), ("gia_tri[total_production_value]", "1.000.000.000.000.000.000")])
            #expect(grid.status == .unprocessableContent)
            #expect(grid.text.contains("vượt quá giới hạn"))
        }
        #expect(try await fixture.repository.auditTrail(AuditQuery()).count == before)
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { (client: Browser) async throws in
            for path in ["/", "/don-vi/5", "/api/v1/units", "/khong-co", "/api/v1/units/99999", "/static/app.css"] {
                let response = try await client.get(path)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"))
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin")
            }
            let printable = try await client.get("/don-vi/5/bao-cao.html?nam=2024&thang=9")
            #expect(printable.status == .ok)
            #expect(printable.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.printablePolicy)
        }
    }

    @Test func theCSRFTokenIsNeverTakenFromTheAddress() async throws {
        let fixture = try await ServerFixture.demo()
        let session = try #require(fixture.session)
        try await fixture.test { (client: Browser) async throws in
            let refused = try await client.withoutCSRF.postJSON(
                "/api/v1/units/5/results?_csrf=\(session.csrf)",
                #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":"37,5"}"#)
            #expect(refused.status == .forbidden)
            // The upload form sends it as a field of the multipart body.
            #expect(!(try await client.get("/nhap-van-ban").text.contains("?_csrf=")))
            let boundary = "ranh-gioi"
            let body =
                [("_csrf", session.csrf), ("van_ban", "Thu ngân sách ước đạt 37,5 tỷ đồng."), ("ten", "thử")]
                .map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }
                .joined() + "--\(boundary)--\r\n"
            let accepted = try await client.withoutCSRF.execute(
                uri: "/nhap-van-ban", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("<mark>"))
        }
    }

    @Test func successMessagesAreNotTakenFromTheAddress() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { (client: Browser) async throws in
            let entry = try await client.get("/don-vi/5/nhap-so-lieu?nam=2024&thang=9&da-luu=Tai+khoan+bi+khoa")
            #expect(!entry.text.contains("Tai khoan bi khoa"))
            #expect(!entry.text.contains("alert ok"))
            #expect(
                try await client.get("/don-vi/5/nhap-so-lieu?nam=2024&thang=9&da-luu=3").text.contains(
                    "Đã lưu 3 số liệu"))
            let users = try await client.get("/quan-tri/nguoi-dung?da-them=Gọi+số+0900")
            #expect(!users.text.contains("0900"))
            #expect(
                try await client.get("/quan-tri/nguoi-dung?da-them=quantri").text.contains(
                    "Đã thêm người dùng «quantri»"))
        }
    }

    @Test func publicReadersSeeFiguresButNotTheAuditTrail() async throws {
        var configuration = ServerFixture.configuration
        configuration.publicReading = true
        let fixture = try await ServerFixture.demo(configuration: configuration)
        try await fixture.test(as: nil) { (client: Browser) async throws in
            #expect(try await client.get("/don-vi/5").status == .ok)
            #expect(try await client.get("/don-vi/5/lich-su").status == .unauthorized)
            #expect(try await client.get("/api/v1/units/5/history").status == .unauthorized)
        }
        try await fixture.test { (client: Browser) async throws in
            #expect(try await client.get("/don-vi/5/lich-su").status == .ok)
        }
    }

    @Test func aViewerReadsTheUnitJSON() async throws {
        let fixture = try await ServerFixture.demo()
        let viewer = try await fixture.repository.addUser(
            name: "xem", role: .viewer, unitID: 5, passwordHash: "không dùng", author: .commandLine)
        let session = try await ServerFixture.session(for: viewer, in: fixture.repository)
        try await fixture.test(as: session) { (client: Browser) async throws in
            let (status, json) = try await client.getJSON("/api/v1/units/5")
            #expect(status == .ok)
            #expect((json["unit"] as? [String: Any])?["id"] as? Int == 5)
        }
    }

    /// Over a real socket: the peer is 127.0.0.1, configured as the trusted proxy.
    @Test func aTrustedProxyGivesTheClientAddressAndTLS() async throws {
        var configuration = ServerFixture.configuration
        configuration.trustedProxies = ["127.0.0.1"]
        let fixture = try await ServerFixture.demo(configuration: configuration)
        let app = Application(router: buildRouter(fixture.services))
        try await app.test(.live) { client in
            let page = try await client.execute(
                uri: "/dang-nhap", method: .get,
                headers: [.init("X-Forwarded-For")!: "198.51.100.7, 203.0.113.9", .init("X-Forwarded-Proto")!: "https"])
            let cookie = try #require(page.headers[.setCookie])
            #expect(cookie.contains("Secure"))
            let csrf = String(cookie.dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
            func attempt(from address: String, password: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/dang-nhap", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(csrf)",
                        .init("X-Forwarded-For")!: address,
                    ],
                    body: ByteBuffer(string: "_csrf=\(csrf)&ten=quantri&mat_khau=\(password)"))
            }
            for n in 0..<5 {
                #expect(try await attempt(from: "203.0.113.9", password: "doan-\(n)").status == .unauthorized)
            }
            // The name is closed for the guessing address …
            #expect(try await attempt(from: "203.0.113.9", password: "mat-khau-dai-1").status == .tooManyRequests)
            // … but its owner, from an address with no failures, still gets in.
            let owner = try await attempt(from: "198.51.100.20", password: "mat-khau-dai-1")
            #expect(owner.status == .seeOther)
            #expect(owner.headers[.setCookie]?.contains("Secure") == false)
        }
        let since = "2000-01-01T00:00:00Z"
        #expect(try await fixture.repository.failedSignIns(key: "dia-chi:203.0.113.9", since: since) == 5)
        #expect(try await fixture.repository.failedSignIns(key: "dia-chi:127.0.0.1", since: since) == 0)
    }

    @Test func oldSignInRowsArePurged() async throws {
        let repository = MemoryRepository()
        #expect(
            try await repository.admitSignIn(
                nameKey: "ten:a", addressKey: "dia-chi:x", at: "2020-01-01T00:00:00Z", since: "2019-12-31T23:45:00Z",
                limits: .standard))
        try await repository.createSession(token: "t1", userID: 1, csrfToken: "c", expiresAt: "2020-01-01T08:00:00Z")
        try await repository.createSession(token: "t2", userID: 1, csrfToken: "c", expiresAt: "2999-01-01T00:00:00Z")
        let removed = try await repository.purgeSignInRecords(
            failuresBefore: "2026-01-01T00:00:00Z", now: "2026-01-01T00:00:00Z")
        #expect(removed == 3)
        #expect(try await repository.failedSignIns(key: "ten:a", since: "2000-01-01T00:00:00Z") == 0)
    }
}

@Suite("Accounts: own password, admin reset, disable, end sessions")
struct AccountPageTests {
    @Test func aUserChangesTheirPasswordAndTheirOtherSessionsEnd() async throws {
        let fixture = try await ServerFixture.demo()
        let session = try #require(fixture.session)
        let admin = try #require(try await fixture.repository.credentials(name: "quantri")).user
        let other = try await ServerFixture.session(for: admin, in: fixture.repository)
        try await fixture.test { (client: Browser) async throws in
            #expect(try await client.get("/tai-khoan").text.contains("Đổi mật khẩu"))
            let wrong = try await client.postForm(
                "/tai-khoan",
                [("mat_khau_cu", "sai-roi-nhe"), ("mat_khau_moi", "mat-khau-moi-2"), ("nhap_lai", "mat-khau-moi-2")])
            #expect(wrong.status == .forbidden)
            let mismatch = try await client.postForm(
                "/tai-khoan",
                [("mat_khau_cu", "mat-khau-dai-1"), ("mat_khau_moi", "mat-khau-moi-2"), ("nhap_lai", "khac")])
            #expect(mismatch.status == .unprocessableContent)
            let done = try await client.postForm(
                "/tai-khoan",
                [("mat_khau_cu", "mat-khau-dai-1"), ("mat_khau_moi", "mat-khau-moi-2"), ("nhap_lai", "mat-khau-moi-2")])
            #expect(done.status == .ok)
            #expect(done.text.contains("Đã đổi mật khẩu"))
        }
        let hash = try #require(try await fixture.repository.credentials(name: "quantri")).passwordHash
        #expect(ServerFixture.configuration.passwords.verify("mat-khau-moi-2", hash: hash))
        #expect(try await fixture.repository.session(token: session.token, now: ServerFixture.clock.timestamp()) != nil)
        #expect(try await fixture.repository.session(token: other.token, now: ServerFixture.clock.timestamp()) == nil)
    }

    @Test func anAdministratorResetsDisablesAndEndsSessions() async throws {
        let fixture = try await ServerFixture.demo()
        let editor = try await fixture.repository.addUser(
            name: "nhaplieu", role: .editor, unitID: 5,
            passwordHash: ServerFixture.configuration.passwords.hash("mat-khau-cu-1"), author: .commandLine)
        let editorSession = try await ServerFixture.session(for: editor, in: fixture.repository)
        // The editor reads first, so that the server holds the session in memory.
        try await fixture.test(as: editorSession) { (client: Browser) async throws in
            #expect(try await client.get("/api/v1/units").status == .ok)
        }
        try await fixture.test { (client: Browser) async throws in
            let reset = try await client.postForm(
                "/quan-tri/nguoi-dung/\(editor.id)/mat-khau", [("mat_khau", "mat-khau-moi-9")])
            #expect(reset.status == .ok)
            #expect(reset.text.contains("Đã đặt lại mật khẩu của «nhaplieu»"))
            #expect(
                try await client.postForm("/quan-tri/nguoi-dung/\(editor.id)/mat-khau", [("mat_khau", "ngan")]).status
                    == .unprocessableContent)
            let disabled = try await client.postForm("/quan-tri/nguoi-dung/\(editor.id)/khoa", [("khoa", "1")])
            #expect(disabled.text.contains("Đã khóa «nhaplieu»"))
            #expect(disabled.text.contains("đã khóa"))
            #expect(disabled.text.contains(#"action="/quan-tri/nguoi-dung/\#(editor.id)/khoa""#))
            #expect(disabled.text.contains(#"action="/quan-tri/nguoi-dung/\#(editor.id)/mat-khau""#))
            let me = try #require(try await fixture.repository.credentials(name: "quantri")).user
            #expect(
                try await client.postForm("/quan-tri/nguoi-dung/\(me.id)/khoa", [("khoa", "1")]).status
                    == .unprocessableContent)
            #expect(try await client.postForm("/quan-tri/nguoi-dung/99999/phien", []).status == .notFound)
        }
        #expect(
            try await fixture.repository.session(token: editorSession.token, now: ServerFixture.clock.timestamp())
                == nil)
        // … and the server does not serve the remembered session any more.
        try await fixture.test(as: editorSession) { (client: Browser) async throws in
            #expect(try await client.get("/api/v1/units").status == .unauthorized)
        }
        // A disabled account cannot sign in, even with the right password.
        try await fixture.test(as: nil) { (client: Browser) async throws in
            let page = try await client.get("/dang-nhap")
            let csrf = String(
                try #require(page.headers[.setCookie]).dropFirst("chitieu_csrf=".count).prefix { $0 != ";" })
            let response = try await client.client.execute(
                uri: "/dang-nhap", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "chitieu_csrf=\(csrf)"],
                body: ByteBuffer(string: "_csrf=\(csrf)&ten=nhaplieu&mat_khau=mat-khau-moi-9")
            ) { $0 }
            #expect(response.status == .forbidden)
            #expect(response.text.contains("đã bị khóa"))
        }
        // An editor cannot use the administrator's actions.
        let other = try await fixture.repository.addUser(
            name: "nhaplieu2", role: .editor, unitID: 5, passwordHash: "x", author: .commandLine)
        let otherSession = try await ServerFixture.session(for: other, in: fixture.repository)
        try await fixture.test(as: otherSession) { (client: Browser) async throws in
            #expect(
                try await client.postForm("/quan-tri/nguoi-dung/\(editor.id)/khoa", [("khoa", "0")]).status
                    == .forbidden)
        }
    }
}

@Suite struct PasswordCheckQueueTests {
    /// An unknown name is refused after a bcrypt check of a decoy hash of the same cost, so it
    /// takes as long as a wrong password: no user enumeration by timing.
    @Test func anUnknownNameIsCheckedAgainstADecoyOfTheSameCost() async throws {
        let passwords = Passwords(cost: 6)
        let checked = Mutex<[String]>([])
        let queue = PasswordCheckQueue(passwords: passwords) { password, hash in
            checked.withLock { $0.append(hash) }
            return passwords.verify(password, hash: hash)
        }
        let hash = passwords.hash("mat-khau-dung-1")
        #expect(try await queue.verify("mat-khau-sai-1", hash: hash) == false)
        #expect(try await queue.verify("mat-khau-sai-1", hash: nil) == false)
        #expect(try await queue.verify(queue.decoy, hash: nil) == false)  // never true without a user
        #expect(try await queue.verify("mat-khau-dung-1", hash: hash))
        let hashes = checked.withLock { $0 }
        #expect(hashes == [hash, queue.decoy, queue.decoy, hash])
        #expect(queue.decoy.hasPrefix("$2b$06$") && hash.hasPrefix("$2b$06$"))
    }

    @Test func checksBeyondTheQueueAreRefusedAtOnce() async throws {
        let queue = PasswordCheckQueue(passwords: Passwords(cost: 10), workers: 1, waiting: 1)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    do {
                        _ = try await queue.verify("x", hash: nil)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count >= 2)
        #expect(outcomes.filter { !$0 }.count >= 1)
    }
}

@Suite("API tokens: Bearer requests act within their user's scope")
struct APITokenTests {
    @Test func aBearerTokenReadsAndWritesWithinItsScopeAndNotAfterRevocation() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        let choDon = try await fixture.unitID("Chợ Đồn")
        let editor = try await fixture.repository.addUser(
            name: "tinh-gia-lai", role: .editor, unitID: kongChro, passwordHash: "x", author: .commandLine)
        let token = try await fixture.repository.createAPIToken(
            token: "ct_thu-nghiem", userID: editor.id, label: "báo cáo tỉnh", author: .commandLine)
        @Sendable func bearer(_ client: Browser, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil)
            async throws
            -> TestResponse
        {
            try await client.client.execute(
                uri: uri, method: method,
                headers: [.authorization: "Bearer ct_thu-nghiem", .contentType: "application/json"],
                body: body.map { ByteBuffer(string: $0) }
            ) { $0 }
        }
        let result = #"{"indicator":"budget_revenue","year":2024,"to_month":9,"value":"37,5"}"#
        try await fixture.test(as: nil) { (client: Browser) async throws in
            #expect(
                try await bearer(client, .get, "/api/v1/units/\(kongChro)/overview?year=2024&to_month=9").status == .ok)
            #expect(
                try await bearer(client, .get, "/api/v1/units/\(choDon)/overview?year=2024&to_month=9").status
                    == .forbidden)
            // No CSRF token: a bearer request is no browser's.
            #expect(try await bearer(client, .post, "/api/v1/units/\(kongChro)/results", result).status == .created)
            #expect(try await bearer(client, .post, "/api/v1/units/\(choDon)/results", result).status == .forbidden)
            #expect(try await bearer(client, .get, "/don-vi/\(kongChro)").status == .unauthorized)
        }
        let change = try #require(try await fixture.repository.auditTrail(AuditQuery(unitID: kongChro)).first)
        #expect(change.author.name == "tinh-gia-lai (API (token \(token.id): báo cáo tỉnh))")
        try await fixture.repository.revokeAPIToken(id: token.id, userID: editor.id, author: .commandLine)
        try await fixture.test(as: nil) { (client: Browser) async throws in
            let refused = try await bearer(client, .get, "/api/v1/units/\(kongChro)/overview?year=2024&to_month=9")
            #expect(refused.status == .unauthorized)
            #expect(try refused.apiError().message.contains("thu hồi"))
        }
    }

    @Test func theAccountPageMakesATokenShownOnceAndRevokesIt() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { (client: Browser) async throws in
            let made = try await client.postForm("/tai-khoan/ma-api", [("ten_ma", "bảng tính tự động")])
            #expect(made.status == .ok)
            let secret = try #require(
                made.text.firstMatch(of: /<code class="token">(ct_[A-Za-z0-9_-]+)<\/code>/)?.output.1)
            let again = try await client.get("/tai-khoan")
            #expect(!again.text.contains(String(secret)))
            #expect(again.text.contains("bảng tính tự động"))
            #expect(again.text.contains(#"<form method="post" action="/tai-khoan/ma-api/"#))
            let admin = try #require(try await fixture.repository.credentials(name: "quantri")).user
            let id = try #require(try await fixture.repository.apiTokens(userID: admin.id).first).id
            #expect(
                try await client.postForm("/tai-khoan/ma-api/\(id)/thu-hoi", []).text.contains(
                    "Đã thu hồi mã API số \(id)"))
            #expect(try await fixture.repository.apiTokenUser(token: String(secret)) == nil)
        }
    }
}

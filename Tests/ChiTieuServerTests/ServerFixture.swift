import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The demo data set in a fresh in-memory repository, served by the real router, with an
/// administrator signed in (a session made directly in the repository).
struct ServerFixture {
    let repository: MemoryRepository
    let services: AppServices
    /// The signed-in administrator's session cookie and CSRF token.
    let session: Browser.Session?

    /// 15 June 2026, 09:30 in Hà Nội: every page, session and audit entry of the tests lives then.
    static let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_781_490_600))
    static let configuration = ServerConfiguration(clock: clock, passwords: Passwords(cost: 4))

    static func demo(
        extraUnit: String? = nil, configuration: ServerConfiguration = configuration, signedIn: Bool = true,
        registry: Bool = false, cache: ResponseCache = ResponseCache()
    ) async throws -> ServerFixture {
        let repository = MemoryRepository(clock: configuration.clock)
        try await repository.ensureCatalogue()
        if registry { try await repository.ensureRegistry() }
        var batch = DemoDataSet.batch()
        if let extraUnit { batch.addUnit(.commune, extraUnit) }
        _ = try await repository.save(batch)
        let services = try await AppServices(repository: repository, configuration: configuration, cache: cache)
        var session: Browser.Session?
        if signedIn {
            let admin = try await repository.addUser(
                name: "quantri", role: .admin, unitID: nil,
                passwordHash: configuration.passwords.hash("mat-khau-dai-1"),
                author: .commandLine)
            session = try await Self.session(for: admin, in: repository)
        }
        return ServerFixture(repository: repository, services: services, session: session)
    }

    static func session(for user: UserAccount, in repository: MemoryRepository) async throws -> Browser.Session {
        let session = Browser.Session(token: "phien-\(user.id)-\(UUID().uuidString)", csrf: "csrf-\(UUID().uuidString)")
        try await repository.createSession(
            token: session.token, userID: user.id, csrfToken: session.csrf, expiresAt: "2999-01-01T00:00:00Z")
        return session
    }

    /// Runs `body` against the router, without opening a socket, as the signed-in administrator.
    func test<T: Sendable>(_ body: @Sendable (Browser) async throws -> T) async throws -> T {
        try await test(as: session, body)
    }

    func test<T: Sendable>(as session: Browser.Session?, _ body: @Sendable (Browser) async throws -> T) async throws
        -> T
    {
        let app = Application(router: buildRouter(services))
        return try await app.test(.router) { client in try await body(Browser(client: client, session: session)) }
    }

    /// The old district of that name (a registry fixture) and its communes, by name: more than two.
    func districtAndCommunes(_ name: String) async throws -> (UnitID, [AdministrativeUnit]) {
        let district = try #require(try await repository.units(named: NameKey(name)).first { $0.kind == .district }).id
        let communes = try await repository.children(of: district).sorted { $0.name < $1.name }
        try #require(communes.count > 2)
        return (district, communes)
    }

    func unitID(_ name: String) async throws -> UnitID {
        let units = try await repository.units(named: NameKey(name))
        let current = units.first { $0.validTo == nil } ?? units.first
        return try #require(current).id
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    /// The `error.message` and `error.field` of a refused API request.
    func apiError() throws -> (message: String, field: String?) {
        let error = try #require(try json()["error"] as? [String: Any])
        return (try #require(error["message"] as? String), error["field"] as? String)
    }
}

/// A test client that sends the session cookie and, with every change, the CSRF token.
struct Browser: Sendable {
    struct Session: Sendable {
        let token: String
        let csrf: String
    }

    let client: any TestClientProtocol
    let session: Session?
    var sendsCSRF = true

    var withoutCSRF: Browser {
        var browser = self
        browser.sendsCSRF = false
        return browser
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil)
        async throws
        -> TestResponse
    {
        var headers = headers
        if let session {
            headers[.cookie] = "chitieu_phien=\(session.token)"
            if sendsCSRF, method != .get { headers[.init("X-CSRF-Token")!] = session.csrf }
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { $0 }
    }

    func execute(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        _ check: (TestResponse) async throws -> Void
    ) async throws {
        try await check(try await execute(uri: uri, method: method, headers: headers, body: body))
    }

    func getJSON(_ uri: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        let response = try await get(uri)
        return (response.status, try response.json())
    }

    func postJSON(_ uri: String, _ body: String) async throws -> TestResponse {
        try await execute(
            uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    func postForm(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

/// The row of `items` whose `key` is `value`.
func item(_ items: Any?, _ key: String, _ value: String) -> [String: Any]? {
    (items as? [[String: Any]])?.first { ($0[key] as? String) == value }
}

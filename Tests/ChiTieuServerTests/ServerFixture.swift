import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The demo data set in a fresh in-memory repository, served by the real router.
struct ServerFixture {
    let repository: MemoryRepository
    let services: AppServices

    static func demo(extraUnit: String? = nil) async throws -> ServerFixture {
        let repository = MemoryRepository()
        try await repository.ensureCatalogue()
        var batch = DemoDataSet.batch()
        if let extraUnit { batch.addUnit(.commune, extraUnit) }
        _ = try await repository.save(batch)
        return ServerFixture(
            repository: repository, services: try await AppServices(repository: repository, currentYear: 2026))
    }

    /// Runs `body` against the router, without opening a socket.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: buildRouter(services))
        return try await app.test(.router, body)
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

extension TestClientProtocol {
    func getJSON(_ uri: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await execute(uri: uri, method: .get) { response in (response.status, try response.json()) }
    }

    func postJSON(_ uri: String, _ body: String) async throws -> TestResponse {
        try await execute(
            uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ) { $0 }
    }

    func postForm(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        ) { $0 }
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get) { $0 }
    }
}

/// The row of `items` whose `key` is `value`.
func item(_ items: Any?, _ key: String, _ value: String) -> [String: Any]? {
    (items as? [[String: Any]])?.first { ($0[key] as? String) == value }
}

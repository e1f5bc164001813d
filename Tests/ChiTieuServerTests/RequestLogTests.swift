import ChiTieuCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import ChiTieuServer

/// The lines a test's logger received, each as `level message key=value …` (metadata sorted).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "chitieu.server") { _ in Handler(lines: self) }
    }

    fileprivate func append(_ line: String) { lock.withLock { lines.append(line) } }

    private struct Handler: LogHandler {
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
            function: String, line: UInt
        ) {
            let merged = self.metadata.merging(metadata ?? [:]) { $1 }
            let fields = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }
            lines.append(([level.rawValue, message.description] + fields).joined(separator: " "))
        }
    }
}

@Suite("One log line per request, with its id; nothing secret in it")
struct RequestLogTests {
    @Test func eachRequestIsOneLineWithPathStatusAndIDButNoQueryOrBody() async throws {
        let fixture = try await ServerFixture.demo(signedIn: false)
        let log = LogLines()
        let app = Application(router: buildRouter(fixture.services), logger: log.logger)
        let ids = try await app.test(.router) { client in
            let browser = Browser(client: client, session: nil)
            let page = try await browser.get("/dang-nhap?tiep=%2Fdon-vi%2F5&token=bi-mat-trong-dia-chi")
            let post = try await browser.postForm(
                "/dang-nhap", [("ten", "quantri"), ("mat_khau", "mat-khau-bi-mat-9"), ("_csrf", "sai")])
            return [page, post].map { $0.headers[.init(RequestLogMiddleware.requestIDHeader)!] }
        }
        let requests = log.all.filter { $0.hasPrefix("info request ") }
        #expect(requests.count == 2)
        #expect(requests.first?.contains("method=GET") == true)
        #expect(requests.first?.contains("path=/dang-nhap ") == true)
        #expect(requests.first?.contains("status=200") == true)
        #expect(requests.last?.contains("method=POST") == true)
        #expect(requests.last?.contains("status=403") == true)
        for (line, id) in zip(requests, ids) {
            let id = try #require(id)
            #expect(id.count >= 16)
            #expect(line.contains("hb.request.id=\(id)"))
        }
        #expect(ids[0] != ids[1])
        for line in log.all {
            #expect(!line.contains("bi-mat"), "«\(line)» holds a secret")
            #expect(!line.contains("tiep="), "«\(line)» holds the query")
        }
    }

    @Test func aServerFaultShowsTheRequestIDOfItsLogLine() async throws {
        struct Breakdown: Error {}
        let fixture = try await ServerFixture.demo(signedIn: false)
        let log = LogLines()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorPageMiddleware(pages: fixture.services.pages))
        router.get("/hong") { _, _ -> Response in throw Breakdown() }
        router.get("/thieu") { _, _ -> Response in throw APIError(.notFound, "Không có đơn vị này.") }
        let app = Application(router: router, logger: log.logger)
        let (fault, refusal) = try await app.test(.router) { client in
            (
                try await client.execute(uri: "/hong", method: .get) { $0 },
                try await client.execute(uri: "/thieu", method: .get) { $0 }
            )
        }
        #expect(fault.status == .internalServerError)
        let id = try #require(fault.headers[.init(RequestLogMiddleware.requestIDHeader)!])
        let page = String(buffer: fault.body)
        #expect(page.contains("Mã yêu cầu: <code>\(id)</code>"))
        #expect(page.contains("Lỗi máy chủ, chưa xử lý được yêu cầu."))
        let errors = log.all.filter { $0.hasPrefix("error ") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("hb.request.id=\(id)") == true)
        #expect(errors.first?.contains("Breakdown") == true)
        // A refusal is the user's to fix: no id to send to anyone, no error line.
        #expect(refusal.status == .notFound)
        #expect(!String(buffer: refusal.body).contains("Mã yêu cầu"))
        #expect(log.all.filter { $0.contains("status=404") }.count == 1)
    }
}

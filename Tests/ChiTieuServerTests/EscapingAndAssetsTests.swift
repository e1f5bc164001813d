import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("Escaping of user text, static assets, the OpenAPI document")
struct EscapingAndAssetsTests {
    static let attack = "<script>alert(1)</script>"

    @Test func aUnitNameWithMarkupIsShownAsText() async throws {
        let fixture = try await ServerFixture.demo(extraUnit: Self.attack)
        let id = try await fixture.unitID(Self.attack)
        try await fixture.test { client in
            for uri in ["/", "/don-vi/\(id)?nam=2024&thang=9", "/don-vi/\(id)/nhap-so-lieu?nam=2024&thang=9"] {
                let page = try await client.get(uri).text
                #expect(!page.contains(Self.attack), "\(uri)")
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
            }
        }
    }

    @Test func pastedTextAndTypedValuesAreEscaped() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let preview = try await client.postForm(
                "/nhap-van-ban",
                [
                    ("van_ban", "Tổng giá trị sản xuất đạt 5 tỷ đồng. \(Self.attack)"),
                    ("ten", "\"><img src=x onerror=alert(2)>"),
                ])
            #expect(!preview.text.contains(Self.attack))
            #expect(!preview.text.contains("<img src=x"))
            #expect(preview.text.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            let entry = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [("nam", "2024"), ("thang", "9"), ("gia_tri[budget_revenue]", "\"><b>x</b>")])
            #expect(entry.status == .unprocessableContent)
            #expect(!entry.text.contains("<b>x</b>"))
            #expect(entry.text.contains("value=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;\""))
        }
    }

    @Test func staticAssetsAreServedWithValidators() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(".st-at-risk"))
            let etag = try #require(css.headers[.eTag])
            do {
                let response = try await client.execute(
                    uri: "/static/app.css", method: .get, headers: [.ifNoneMatch: etag]
                )
                #expect(response.status == .notModified)
            }
            #expect(try await client.get("/static/app.js").text.contains("data-autosubmit"))
            #expect(try await client.get("/static/favicon.svg").headers[.contentType] == "image/svg+xml")
            #expect(try await client.get("/static/../Package.swift").status == .notFound)
        }
    }

    /// Every `/api/v1` route the router serves is described, with its method, and nothing else is.
    @Test func openAPIDocumentDescribesEveryRoute() async throws {
        let fixture = try await ServerFixture.demo()
        let router = buildRouter(fixture.services)
        let served = Set(
            router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" }
                .filter { $0.contains(" /api/v1/") }
                .map {
                    $0.replacingOccurrences(of: ":id", with: "{id}").replacingOccurrences(of: ":code", with: "{code}")
                })
        try await fixture.test { client in
            let (status, document) = try await client.getJSON("/openapi.json")
            #expect(status == .ok)
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, methods in methods.keys.map { "\($0) \(path)" } })
            #expect(served.count >= 16)
            #expect(served == described)
        }
    }
}

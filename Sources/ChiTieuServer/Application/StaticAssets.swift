import Foundation
import Hummingbird

/// The stylesheet, script and icon, shipped in the module and served from memory under
/// `/static/`: nothing is fetched from elsewhere at run time.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let body: ByteBuffer
        let etag: String
    }

    let assets: [String: Asset]

    init() {
        var assets: [String: Asset] = [:]
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
        if let folder = Bundle.module.url(forResource: "Static", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        {
            for name in names {
                guard let type = types[(name as NSString).pathExtension],
                    let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                else { continue }
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                assets[name] = Asset(
                    contentType: type, body: ByteBuffer(bytes: data), etag: "\"\(String(hash, radix: 36))\"")
            }
        }
        self.assets = assets
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.asset("").pattern) { request, context in
            let name = context.parameters.get("name") ?? ""
            guard let asset = assets[name] else { throw APIError.notFound("Không có tệp «\(name)».") }
            if request.headers[.ifNoneMatch] == asset.etag { return Response(status: .notModified) }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: asset.body))
        }
    }
}

/// `GET /openapi.json`: the OpenAPI 3 description of `/api/v1`, shipped with the module.
struct OpenAPIDocument: Sendable {
    let body: ByteBuffer

    init() {
        let url = Bundle.module.url(forResource: "openapi", withExtension: "json")
        body = ByteBuffer(bytes: url.flatMap { FileManager.default.contents(atPath: $0.path) } ?? Data("{}".utf8))
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.openAPI.pattern) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
        }
    }
}

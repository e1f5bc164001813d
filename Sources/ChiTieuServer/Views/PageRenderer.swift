import Foundation
import Hummingbird
import Mustache

/// The Mustache templates of the pages, loaded once from the module's resources. Every
/// `{{value}}` is HTML-escaped by Mustache; only SVG drawn by our own code and already
/// escaped goes through `{{{triple}}}`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() async throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ServerSetupError(message: "Thiếu thư mục mẫu trang (Templates) trong gói chương trình.")
        }
        library = try await MustacheLibrary(directory: folder.path)
    }

    /// The page as an HTML response.
    func render(_ view: Any, template: String, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: Self.contentType, .cacheControl: "no-store"],
            body: .init(byteBuffer: try html(view, template: template)))
    }

    static let contentType = "text/html; charset=utf-8"

    func html(_ view: Any, template: String) throws -> ByteBuffer {
        guard let html = library.render(view, withTemplate: template) else {
            throw ServerSetupError(message: "Không có mẫu trang «\(template)».")
        }
        return ByteBuffer(string: html)
    }
}

/// The program was installed without one of its parts.
struct ServerSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

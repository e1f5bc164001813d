import Hummingbird
import MultipartKit
import NIOCore

/// The parts of a `multipart/form-data` body, read with MultipartKit's parser.
struct MultipartBody {
    /// The largest upload read: the longest text accepted and room for the other fields.
    static let maximumSize = ImportsAPI.maximumText + 65_536

    private(set) var parts: [MultipartPart] = []

    init(_ body: ByteBuffer, contentType: String) throws {
        guard
            let boundary = contentType.components(separatedBy: "boundary=").last?
                .trimmingCharacters(in: .init(charactersIn: "\" ")),
            !boundary.isEmpty, contentType.contains("boundary=")
        else { throw APIError.badRequest("Biểu mẫu tải tệp thiếu ranh giới (boundary).") }
        let parser = MultipartParser(boundary: boundary)
        var current = MultipartPart(body: ByteBuffer())
        var collected: [MultipartPart] = []
        parser.onHeader = { name, value in current.headers.add(name: name, value: value) }
        parser.onBody = { chunk in current.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            collected.append(current)
            current = MultipartPart(body: ByteBuffer())
        }
        do { try parser.execute(body) } catch {
            throw APIError.badRequest("Không đọc được biểu mẫu tải tệp lên.", field: "tep")
        }
        parts = collected
    }

    /// The posted form when it is multipart (an upload), nil for a url-encoded one.
    static func read(_ request: Request) async throws -> MultipartBody? {
        let type = request.headers[.contentType] ?? ""
        guard type.hasPrefix("multipart/form-data") else { return nil }
        var request = request
        return try MultipartBody(try await request.collectBody(upTo: maximumSize), contentType: type)
    }

    func part(named name: String) -> MultipartPart? { parts.first { $0.name == name } }

    /// The file name the browser sent with a part («Báo cáo 12.pdf»), if any.
    static func filename(_ part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition"),
            let range = disposition.range(of: "filename=\"")
        else { return nil }
        let name = disposition[range.upperBound...].prefix { $0 != "\"" }
        return name.isEmpty ? nil : String(name)
    }

    func string(_ name: String) -> String? {
        part(named: name).map { String(buffer: $0.body) }
    }
}

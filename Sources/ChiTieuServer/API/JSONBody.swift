import Foundation
import Hummingbird

/// JSON bodies read and written with the same settings everywhere.
enum JSONBody {
    static let maximumSize = 6 << 20

    /// The request body decoded as `T`; a decoding failure names the field at fault
    /// (Hummingbird's own `decode` folds it into a generic 400).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumSize)
        do {
            return try JSONDecoder().decode(T.self, from: buffer)
        } catch let error as DecodingError {
            throw APIError(error)
        }
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

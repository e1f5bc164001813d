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

    static let contentType = "application/json; charset=utf-8"

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: try encode(value)))
    }

    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }
}

/// A body that is one object or a list of them: `{…}` or `[{…}, …]`.
struct OneOrMany<Item: Decodable>: Decodable {
    let items: [Item]

    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [Item] = []
            while !list.isAtEnd { items.append(try list.decode(Item.self)) }
            guard !items.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "empty list"))
            }
            self.items = items
        } else {
            items = [try Item(from: decoder)]
        }
    }
}

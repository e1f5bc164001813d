import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`) decoded into `T`; `a[b]=c`
/// fields become dictionaries.
enum FormBody {
    /// The confirm form of a text import carries the whole text again, percent-encoded: each
    /// byte of a Vietnamese letter becomes three ("ế" is `%E1%BA%BF`), so the limit is three
    /// times the longest text accepted, with room for the other fields.
    static let maximumSize = 3 * ImportsAPI.maximumText + (1 << 20)

    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumSize)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch let error as DecodingError {
            throw APIError(error)
        } catch {
            throw APIError.badRequest("Biểu mẫu gửi lên không đọc được.")
        }
    }
}

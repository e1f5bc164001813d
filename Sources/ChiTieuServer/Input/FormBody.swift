import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`) decoded into `T`; `a[b]=c`
/// fields become dictionaries.
enum FormBody {
    static let maximumSize = 6 << 20

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

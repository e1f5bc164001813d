import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import NIOCore

/// A request the application refuses, with the Vietnamese message shown to the user and,
/// when one field is at fault, its name.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    let field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, message, field: field)
    }

    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }

    /// The JSON body of an API error: `{"error": {"message": …, "field": …}}`.
    var json: ByteBuffer {
        struct Body: Encodable {
            struct Detail: Encodable {
                let message: String
                let field: String?
                let problems: [String]?
            }
            let error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(Body(error: .init(message: message, field: field, problems: problems)))) ?? Data()
        return ByteBuffer(bytes: data)
    }

    /// Every problem of a refused batch, one line each.
    var problems: [String]? = nil
}

extension APIError {
    /// What any error thrown by a route means for the person who sent the request.
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as HTTPError:
            let message =
                switch error.status {
                case .notFound: "Không tìm thấy trang hoặc tài nguyên này."
                case .methodNotAllowed: "Phương thức này không dùng được ở đây."
                case .contentTooLarge: "Dữ liệu gửi lên quá lớn."
                case .unsupportedMediaType: "Kiểu dữ liệu gửi lên không được hỗ trợ."
                default: error.body ?? "Yêu cầu không hợp lệ."
                }
            self.init(error.status, message)
        case let error as StoreError:
            self.init(error.httpStatus, error.message)
            if case .invalidBatch(let problems) = error { self.problems = problems.map(\.message) }
        case let error as any UserFacingError:
            self.init(.badRequest, error.message)
        case is NIOTooManyBytesError:
            self.init(.contentTooLarge, "Dữ liệu gửi lên quá lớn (văn bản tối đa 5 MB).")
        case let error as DecodingError:
            self.init(.badRequest, Self.describe(error), field: Self.field(of: error))
        default:
            self.init(.internalServerError, "Lỗi máy chủ, chưa xử lý được yêu cầu. Dữ liệu đã lưu không bị ảnh hưởng.")
        }
    }

    private static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey] =
            switch error {
            case .keyNotFound(let key, let context): context.codingPath + [key]
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                context.codingPath
            @unknown default: []
            }
        // `[2].value`, not `Index 2.value`: the field as a caller writes it.
        var name = ""
        for key in path {
            if let index = key.intValue {
                name += "[\(index)]"
            } else {
                name += (name.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return name.isEmpty ? nil : name
    }

    private static func describe(_ error: DecodingError) -> String {
        let field = field(of: error).map { "«\($0)»" }
        switch error {
        case .keyNotFound: return "Thiếu trường \(field ?? "bắt buộc")."
        case .typeMismatch, .valueNotFound:
            guard let field else {
                return
                    "Dữ liệu gửi lên không đúng kiểu: cần một đối tượng JSON {…} (hoặc một danh sách [{…}, …] nơi nhận nhiều)."
            }
            return "Trường \(field) có giá trị không đúng kiểu."
        default: return "Dữ liệu gửi lên không đúng định dạng JSON\(field.map { " (ở \($0))" } ?? "")."
        }
    }
}

extension StoreError {
    /// Unknown things are 404, a refused batch 422, a database that cannot serve 503.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .invalidBatch, .invalidIndicator: .unprocessableContent
        case .unitNotFound, .indicatorNotFound, .explanationNotFound, .taskNotFound: .notFound
        case .stepRefused: .conflict
        case .ambiguousUnit: .conflict
        case .notInitialised, .cannotOpen, .notADatabase, .schemaTooNew, .catalogueUnavailable, .registryUnavailable,
            .busy:
            .serviceUnavailable
        case .internalFailure: .internalServerError
        }
    }
}

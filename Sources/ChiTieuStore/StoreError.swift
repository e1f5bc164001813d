import ChiTieuCore

/// What went wrong in the store, in the words shown to the user.
public enum StoreError: UserFacingError, Equatable {
    case cannotOpen(String, String)
    case notADatabase(String)
    case notInitialised(String)
    case schemaTooNew(found: Int, supported: Int)
    case invalidBatch([BatchProblem])
    case unitNotFound(String, suggestions: [String])
    case ambiguousUnit(String, candidates: [String])
    case indicatorNotFound(String)
    /// An own indicator that cannot be saved as typed, each problem naming its field.
    case invalidIndicator([IndicatorDraft.Problem])
    case catalogueUnavailable(String)
    case registryUnavailable(String)
    case internalFailure(String)
    /// Another writer held the database longer than the wait allows (SQLite's "database is locked").
    case busy
    case explanationNotFound(Int64)
    /// A step of an explanation request, or a task's update, that cannot follow the last one
    /// or is missing a part.
    case stepRefused(String)
    case taskNotFound(Int64)

    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Không mở được cơ sở dữ liệu \(path): \(reason)."
        case .notADatabase(let path):
            return "Tệp \(path) không phải cơ sở dữ liệu SQLite của chitieu."
        case .notInitialised(let path):
            return "Cơ sở dữ liệu \(path) chưa được khởi tạo. Hãy chạy: chitieu init"
        case .schemaTooNew(let found, let supported):
            return
                "Cơ sở dữ liệu ở phiên bản lược đồ \(found), mới hơn phiên bản \(supported) mà chương trình này hỗ trợ. Hãy cập nhật chitieu."
        case .invalidBatch(let problems):
            let shown = problems.prefix(50).map { "  - \($0.message)" }.joined(separator: "\n")
            let more = problems.count > 50 ? "\n  … và \(problems.count - 50) lỗi khác." : ""
            return "Dữ liệu có \(problems.count) lỗi, chưa ghi gì vào cơ sở dữ liệu:\n\(shown)\(more)"
        case .unitNotFound(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Có phải: \(suggestions.joined(separator: "; "))?"
            return "Không tìm thấy đơn vị \"\(name)\".\(hint)"
        case .ambiguousUnit(let name, let candidates):
            return
                "Có nhiều đơn vị tên \"\(name)\": \(candidates.joined(separator: "; ")). Hãy ghi rõ cấp hoặc đơn vị cấp trên, ví dụ \"huyện Chư Sê, Gia Lai\"."
        case .invalidIndicator(let problems):
            return "Chưa lưu chỉ tiêu: " + problems.map(\.message).joined(separator: " ")
        case .indicatorNotFound(let name):
            return "Không có chỉ tiêu \"\(name)\" trong danh mục."
        case .registryUnavailable(let reason):
            return "Không nạp được danh mục đơn vị hành chính: \(reason)."
        case .catalogueUnavailable(let reason):
            return "Không nạp được danh mục chỉ tiêu chuẩn: \(reason)."
        case .internalFailure(let detail):
            return "Lỗi nội bộ của kho dữ liệu: \(detail)."
        case .explanationNotFound(let id):
            return "Không có yêu cầu giải trình số \(id)."
        case .stepRefused(let reason):
            return reason
        case .taskNotFound(let id):
            return "Không có nhiệm vụ số \(id)."
        case .busy:
            return "Cơ sở dữ liệu đang bận (một thao tác khác đang ghi), chưa lưu gì. Hãy thử lại sau ít giây."
        }
    }
}

/// One problem found in data to be saved, with where it came from (a file line, a cell).
public struct BatchProblem: Sendable, Equatable {
    /// `dòng 12`, `ô B7` — nil when the data did not come from a file.
    public var origin: String?
    public var text: String

    public init(origin: String?, _ text: String) {
        self.origin = origin
        self.text = text
    }

    public var message: String {
        guard let origin else { return text }
        return origin.prefix(1).uppercased() + origin.dropFirst() + ": " + text
    }
}

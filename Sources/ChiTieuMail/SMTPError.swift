import ChiTieuCore

/// Why a mail did not go. A 5xx answer, or a setting the server cannot work with, will not get
/// better by trying again; everything else is tried again later.
public enum SMTPError: UserFacingError, Equatable {
    /// The server answered `code` to `command` («RCPT TO», «DATA», or «lời chào» for the greeting).
    case rejected(command: String, code: Int, text: String)
    case connectionFailed(String)
    case connectionClosed
    case timedOut
    case protocolViolation(String)
    /// The server offers no STARTTLS and a password would go in clear text.
    case wouldSendPasswordInClear
    case noAuthentication

    public var isPermanent: Bool {
        switch self {
        case .rejected(_, let code, _): code >= 500
        case .wouldSendPasswordInClear, .noAuthentication: true
        case .connectionFailed, .connectionClosed, .timedOut, .protocolViolation: false
        }
    }

    public var message: String {
        switch self {
        case .rejected(let command, let code, let text): "Máy chủ thư từ chối \(command): \(code) \(text)"
        case .connectionFailed(let why): "Không kết nối được máy chủ thư: \(why)"
        case .connectionClosed: "Máy chủ thư đóng kết nối giữa chừng."
        case .timedOut: "Máy chủ thư không trả lời kịp."
        case .protocolViolation(let line): "Máy chủ thư trả lời không đúng giao thức SMTP: «\(line.prefix(80))»."
        case .wouldSendPasswordInClear:
            "Máy chủ thư không hỗ trợ STARTTLS: không gửi mật khẩu qua kết nối không mã hóa."
        case .noAuthentication: "Máy chủ thư không nhận đăng nhập bằng PLAIN hay LOGIN."
        }
    }
}

import ChiTieuCore
import Foundation

/// Where and how notices are sent, from `CHITIEU_SMTP_URL=smtp://user:pass@host:port` (read by
/// the CLI, the one place that reads the environment). STARTTLS is used whenever the server
/// offers it; a password is never sent over a connection that is not encrypted, except to a
/// server on this machine (a local relay such as Postfix on 127.0.0.1).
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    /// The envelope and `From:` address.
    public var sender: MailAddress
    /// The name beside it in `From:`.
    public var senderName: String
    /// A PEM file of the certificate authority that signed the server's certificate, for an
    /// office's own mail server (`?ca=/etc/chitieu/mail-ca.pem`); the system's roots otherwise.
    public var trustedCAFile: String?
    /// How long to wait for the server to connect or answer before giving this attempt up.
    public var timeout: Duration

    public init(
        host: String, port: Int = 25, username: String? = nil, password: String? = nil, sender: MailAddress,
        senderName: String = "Hệ thống theo dõi chỉ tiêu", trustedCAFile: String? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.sender = sender
        self.senderName = senderName
        self.trustedCAFile = trustedCAFile
        self.timeout = timeout
    }

    /// Reads `smtp://[user[:password]@]host[:port][?ca=PATH]`; user and password percent-encoded.
    public init(url text: String, sender: MailAddress) throws(MailSettingsError) {
        guard let url = URLComponents(string: text), url.scheme?.lowercased() == "smtp" else {
            throw .invalid(text, "phải có dạng smtp://tên:mật-khẩu@máy-chủ:cổng")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalid(text, "thiếu tên máy chủ thư") }
        let port = url.port ?? 25
        guard (1...65_535).contains(port) else { throw .invalid(text, "cổng \(port) không hợp lệ") }
        self.init(
            host: host, port: port, username: url.percentEncodedUser?.removingPercentEncoding,
            password: url.percentEncodedPassword?.removingPercentEncoding, sender: sender,
            trustedCAFile: url.queryItems?.first { $0.name == "ca" }?.value)
    }

    /// The URL without its password, for logs and `chitieu mail status`.
    public var shown: String {
        "smtp://" + (username.map { "\($0):***@" } ?? "") + "\(host):\(port)"
    }

    var isLoopback: Bool { ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) }
}

public enum MailSettingsError: UserFacingError, Equatable {
    case invalid(String, String)

    public var message: String {
        switch self {
        case .invalid(let text, let why):
            "CHITIEU_SMTP_URL «\(text.replacingOccurrences(of: #":[^:@/]*@"#, with: ":***@", options: .regularExpression))» không dùng được: \(why)."
        }
    }
}

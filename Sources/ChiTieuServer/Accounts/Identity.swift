import ChiTieuCore
import Foundation

/// Who is asking: a signed-in user with their session, or an anonymous reader.
public struct Identity: Sendable {
    public var user: UserAccount?
    public var access: AccessScope
    /// The token every form and API write must send back (`_csrf` field or `X-CSRF-Token`).
    public var csrfToken: String?
    /// The session cookie's value, when signed in.
    var sessionToken: String?
    /// "API (token 3: …)" when the request came with a personal API token instead of a session.
    var tokenChannel: String?

    static let nobody = Identity(user: nil, access: AccessScope(.nothing))

    /// A part of the response-cache key: pages differ by who reads them.
    var cacheKey: String {
        sessionToken ?? tokenChannel.map { "\(user?.id ?? 0) \($0)" }
            ?? (access.kind == .readEverything ? "public" : "none")
    }
}

/// Random tokens for session cookies and CSRF fields.
public enum SecretToken {
    public static func make() -> String {
        // Four 64-bit draws: one system call each, not one per byte.
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

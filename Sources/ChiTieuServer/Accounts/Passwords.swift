import Crypto
import Foundation
import HummingbirdBcrypt

/// Password hashes: bcrypt from hummingbird-auth, never the password itself.
///
/// A password is normalised to NFC first (a decomposed "ê" typed on one keyboard is the same
/// password as the precomposed one typed on another), and one longer than bcrypt's 72 bytes is
/// hashed with SHA-256 first, so that no byte past the 72nd is silently ignored.
public struct Passwords: Sendable {
    /// 12 in deployments; tests use the minimum to stay fast.
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// Longest password accepted, in characters.
    public static let maximumLength = 256

    public func hash(_ password: String) -> String { Bcrypt.hash(Self.prepared(password), cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(Self.prepared(password), hash: hash) }

    /// A hash of the same cost for no password, checked when a name is unknown so that an
    /// unknown name takes as long to refuse as a wrong password.
    func decoyHash() -> String { hash(UUID().uuidString) }

    static func prepared(_ password: String) -> String {
        let normal = password.precomposedStringWithCanonicalMapping
        guard normal.utf8.count > 72 else { return normal }
        return "sha256:" + Data(SHA256.hash(data: Data(normal.utf8))).base64EncodedString()
    }

    /// Why a new password is refused, or nil.
    public static func problem(_ password: String) -> String? {
        let count = password.precomposedStringWithCanonicalMapping.count
        if count < 10 { return "Mật khẩu phải có ít nhất 10 ký tự." }
        if count > maximumLength { return "Mật khẩu dài quá \(maximumLength) ký tự." }
        return nil
    }
}

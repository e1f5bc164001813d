import Crypto
import Foundation

/// Session tokens are kept as SHA-256 digests: someone who reads the database (a backup, a
/// replica) cannot sign in with what they find there.
enum SessionDigest {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

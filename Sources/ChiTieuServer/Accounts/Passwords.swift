import HummingbirdBcrypt

/// Password hashes: bcrypt from hummingbird-auth, never the password itself.
public struct Passwords: Sendable {
    /// 12 in deployments; tests use the minimum to stay fast.
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why a new password is refused, or nil.
    public static func problem(_ password: String) -> String? {
        password.count < 10 ? "Mật khẩu phải có ít nhất 10 ký tự." : nil
    }
}

import ChiTieuCore

/// A signed-in browser: who, until when, and the token its forms must send back.
public struct SignedInSession: Sendable, Equatable {
    public var user: UserAccount
    public var csrfToken: String
    public var expiresAt: String

    public init(user: UserAccount, csrfToken: String, expiresAt: String) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// Accounts, sessions and failed sign-ins, kept in the database so that any number of server
/// processes on one database serve the same users.
public protocol AccountRepository: Sendable {
    /// Adds a user; refuses a name already taken. Recorded in the audit trail.
    func addUser(
        name: String, role: Role, unitID: UnitID?, passwordHash: String, author: ChangeAuthor
    ) async throws -> UserAccount
    func users() async throws -> [UserAccount]
    /// The user and the stored password hash, for signing in.
    func credentials(name: String) async throws -> (user: UserAccount, passwordHash: String)?

    func createSession(token: String, userID: Int64, csrfToken: String, expiresAt: String) async throws
    /// The session for this cookie token, if it exists and has not expired at `now`.
    func session(token: String, now: String) async throws -> SignedInSession?
    func deleteSession(token: String) async throws

    /// Gives the user a new password and ends every session of theirs but `keeping` (the
    /// session of a user changing their own password). Recorded in the audit trail.
    func setPassword(userID: Int64, passwordHash: String, keeping token: String?, author: ChangeAuthor) async throws
    /// Disables (ending every session) or enables the user. Recorded in the audit trail.
    func setDisabled(userID: Int64, _ disabled: Bool, author: ChangeAuthor) async throws
    /// Sets or clears where the user's notices go. Recorded in the audit trail.
    func setEmail(userID: Int64, _ email: MailAddress?, author: ChangeAuthor) async throws
    /// Ends every session of the user; returns how many there were. Recorded in the audit trail.
    @discardableResult
    func endSessions(userID: Int64, author: ChangeAuthor) async throws -> Int

    /// Stores the digest of `token` as a new API token of the user. Recorded in the audit trail.
    func createAPIToken(token: String, userID: Int64, label: String, author: ChangeAuthor) async throws -> APIToken
    /// The user's tokens, newest first, revoked ones included.
    func apiTokens(userID: Int64) async throws -> [APIToken]
    /// The token sent and its user, if the token exists, is not revoked and the user is not disabled.
    func apiTokenUser(token: String) async throws -> (user: UserAccount, token: APIToken)?
    /// Revokes a token of the user (the user given, so one cannot revoke another's by its number).
    func revokeAPIToken(id: Int64, userID: Int64, author: ChangeAuthor) async throws

    /// Decides whether a sign-in attempt may have its password checked, from the failures
    /// recorded at or after `since` for the name and the address, and when it may, records it
    /// as a failure for both (forgiven by `forgiveSignIn` when the password is right). One
    /// transaction: parallel attempts cannot all read the same count and all be let through.
    func admitSignIn(nameKey: String, addressKey: String, at: String, since: String, limits: SignInLimits)
        async throws -> Bool
    /// The attempt admitted at `at` succeeded: it no longer counts, and neither do the name's
    /// earlier failures.
    func forgiveSignIn(nameKey: String, addressKey: String, at: String) async throws
    /// Failed sign-ins for `key` at or after `since`.
    func failedSignIns(key: String, since: String) async throws -> Int
    /// Deletes failures recorded before `failuresBefore` and sessions expired by `now`;
    /// returns how many rows went.
    func purgeSignInRecords(failuresBefore: String, now: String) async throws -> Int
}

public enum AccountError: UserFacingError, Equatable {
    case nameTaken(String)
    case emptyName
    case unitRequired(Role)
    case unknownUnit(UnitID)
    case nameTooLong(Int)
    case unknownUser(Int64)
    case emptyTokenLabel
    case unknownToken(Int64)

    public var message: String {
        switch self {
        case .nameTaken(let name): "Tên đăng nhập «\(name)» đã có người dùng."
        case .emptyName: "Tên đăng nhập không được để trống."
        case .unitRequired(let role): "Người dùng vai trò \(role.title) phải gắn với một đơn vị."
        case .unknownUnit(let id): "Không có đơn vị mã \(id)."
        case .nameTooLong(let limit): "Tên đăng nhập dài quá \(limit) ký tự."
        case .unknownUser(let id): "Không có người dùng mã \(id)."
        case .emptyTokenLabel: "Cần ghi mã API dùng cho việc gì (ví dụ «hệ thống báo cáo tỉnh»)."
        case .unknownToken(let id): "Không có mã API số \(id) của người dùng này."
        }
    }
}

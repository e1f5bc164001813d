import ChiTieuCore
import SQLKit

extension SQLRepository: AccountRepository {
    public func addUser(
        name: String, role: Role, unitID: UnitID?, passwordHash: String, author: ChangeAuthor
    ) async throws -> UserAccount {
        let name = try AccountRules.checkedName(name)
        let key = NameKey(name).rawValue
        try AccountRules.checkUnit(role: role, unitID: unitID)
        return try await database.writerTransaction { db in
            if let unitID, try await db.select().column("id").from("units").where("id", .equal, unitID).first() == nil {
                throw AccountError.unknownUnit(unitID)
            }
            if try await db.select().column("id").from("users").where("name_key", .equal, key).first() != nil {
                throw AccountError.nameTaken(name)
            }
            let now = clock.timestamp()
            let row = try await db.insert(into: "users")
                .columns("name", "name_key", "role", "unit_id", "password_hash", "created_at")
                .values(
                    SQLBind(name), SQLBind(key), SQLBind(role.rawValue), SQLBind(unitID), SQLBind(passwordHash),
                    SQLBind(now)
                )
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StoreError.internalFailure("không nhận được mã người dùng vừa thêm")
            }
            let user = UserAccount(id: id, name: name, role: role, unitID: unitID)
            let entry = AccountRules.auditEntry(for: user).stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            return user
        }
    }

    public func users() async throws -> [UserAccount] {
        try await database.withSession { db in
            try await db.select().columns("id", "name", "role", "unit_id", "disabled_at", "email").from("users")
                .orderBy("id")
                .all()
                .map(Self.user)
        }
    }

    public func credentials(name: String) async throws -> (user: UserAccount, passwordHash: String)? {
        let key = NameKey(name).rawValue
        return try await database.withSession { db in
            guard let row = try await db.select().column("*").from("users").where("name_key", .equal, key).first()
            else { return nil }
            return (try Self.user(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    public func createSession(token: String, userID: Int64, csrfToken: String, expiresAt: String) async throws {
        try await database.transaction { db in
            try await db.insert(into: "sessions").columns("token", "user_id", "csrf_token", "expires_at")
                .values(SQLBind(SessionDigest.of(token)), SQLBind(userID), SQLBind(csrfToken), SQLBind(expiresAt)).run()
        }
    }

    public func session(token: String, now: String) async throws -> SignedInSession? {
        try await database.withSession { db in
            guard
                let row = try await db.select()
                    .columns(
                        SQLColumn("id", table: "users"), SQLColumn("name", table: "users"),
                        SQLColumn("role", table: "users"), SQLColumn("unit_id", table: "users"),
                        SQLColumn("email", table: "users"),
                        SQLColumn("csrf_token", table: "sessions"), SQLColumn("expires_at", table: "sessions")
                    )
                    .from("sessions").join(
                        "users", on: SQLColumn("user_id", table: "sessions"), .equal, SQLColumn("id", table: "users")
                    )
                    .where(SQLColumn("token", table: "sessions"), .equal, SQLBind(SessionDigest.of(token)))
                    .where(SQLColumn("expires_at", table: "sessions"), .greaterThan, SQLBind(now))
                    .where(SQLColumn("disabled_at", table: "users"), .is, SQLLiteral.null)
                    .first()
            else { return nil }
            return SignedInSession(
                user: try Self.user(row), csrfToken: try row.decode(column: "csrf_token", as: String.self),
                expiresAt: try row.decode(column: "expires_at", as: String.self))
        }
    }

    public func deleteSession(token: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: "sessions").where("token", .equal, SessionDigest.of(token)).run()
        }
    }

    public func setPassword(userID: Int64, passwordHash: String, keeping token: String?, author: ChangeAuthor)
        async throws
    {
        try await changeUser(userID, author: author) { db, user in
            try await db.update("users").set("password_hash", to: SQLBind(passwordHash)).where("id", .equal, userID)
                .run()
            let ended = try await Self.deleteSessions(of: userID, except: token, db: db)
            return AccountRules.change(user, "đổi mật khẩu", new: "mật khẩu mới; kết thúc \(ended) phiên đăng nhập")
        }
    }

    public func setDisabled(userID: Int64, _ disabled: Bool, author: ChangeAuthor) async throws {
        try await changeUser(userID, author: author) { db, user in
            let at: String? = disabled ? clock.timestamp() : nil
            try await db.update("users").set("disabled_at", to: SQLBind(at)).where("id", .equal, userID).run()
            let ended = disabled ? try await Self.deleteSessions(of: userID, except: nil, db: db) : 0
            return AccountRules.change(
                user, disabled ? "khóa tài khoản" : "mở khóa tài khoản", old: user.disabled ? "đã khóa" : "đang dùng",
                new: disabled ? "đã khóa; kết thúc \(ended) phiên đăng nhập" : "đang dùng")
        }
    }

    public func setEmail(userID: Int64, _ email: MailAddress?, author: ChangeAuthor) async throws {
        try await changeUser(userID, author: author) { db, user in
            try await db.update("users").set("email", to: SQLBind(email?.value)).where("id", .equal, userID).run()
            return AccountRules.emailChange(user, to: email)
        }
    }

    @discardableResult
    public func endSessions(userID: Int64, author: ChangeAuthor) async throws -> Int {
        let ended = CountBox()
        try await changeUser(userID, author: author) { db, user in
            ended.value = try await Self.deleteSessions(of: userID, except: nil, db: db)
            return AccountRules.change(user, "kết thúc mọi phiên đăng nhập", new: "\(ended.value) phiên")
        }
        return ended.value
    }

    /// Runs `change` on the user in one transaction with its audit record.
    private func changeUser(
        _ userID: Int64, author: ChangeAuthor,
        _ change: @escaping @Sendable (any SQLDatabase, UserAccount) async throws -> AuditEntry
    ) async throws {
        try await database.writerTransaction { db in
            guard let row = try await db.select().column("*").from("users").where("id", .equal, userID).first() else {
                throw AccountError.unknownUser(userID)
            }
            let entry = try await change(db, try Self.user(row)).stamped(
                realID: { $0 }, author: author, at: clock.timestamp())
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
        }
    }

    private static func deleteSessions(of userID: Int64, except token: String?, db: any SQLDatabase) async throws
        -> Int
    {
        var count = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
            .where("user_id", .equal, userID)
        var delete = db.delete(from: "sessions").where("user_id", .equal, userID)
        if let token {
            count = count.where("token", .notEqual, SessionDigest.of(token))
            delete = delete.where("token", .notEqual, SessionDigest.of(token))
        }
        let n = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        try await delete.run()
        return n
    }

    public func admitSignIn(nameKey: String, addressKey: String, at: String, since: String, limits: SignInLimits)
        async throws -> Bool
    {
        return try await database.writerTransaction { db in
            let name = try await Self.failures(nameKey, since: since, db: db)
            let address = try await Self.failures(addressKey, since: since, db: db)
            guard limits.admits(nameFailures: name, addressFailures: address) else { return false }
            try await db.insert(into: "failed_sign_ins").columns("sign_in_key", "at")
                .values(SQLBind(nameKey), SQLBind(at)).values(SQLBind(addressKey), SQLBind(at)).run()
            return true
        }
    }

    public func forgiveSignIn(nameKey: String, addressKey: String, at: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: "failed_sign_ins").where("sign_in_key", .equal, nameKey).run()
            try await db.delete(from: "failed_sign_ins").where("sign_in_key", .equal, addressKey)
                .where("at", .equal, at).run()
        }
    }

    public func purgeSignInRecords(failuresBefore: String, now: String) async throws -> Int {
        try await database.transaction { db in
            let failures = try await Self.count("failed_sign_ins", "at", .lessThan, failuresBefore, db: db)
            let sessions = try await Self.count("sessions", "expires_at", .lessThanOrEqual, now, db: db)
            try await db.delete(from: "failed_sign_ins").where("at", .lessThan, failuresBefore).run()
            try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, now).run()
            return failures + sessions
        }
    }

    private static func count(
        _ table: String, _ column: String, _ op: SQLBinaryOperator, _ value: String, db: any SQLDatabase
    ) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(column), op, SQLBind(value))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func failures(_ key: String, since: String, db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("failed_sign_ins")
            .where("sign_in_key", .equal, key).where("at", .greaterThanOrEqual, since).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    public func failedSignIns(key: String, since: String) async throws -> Int {
        try await database.withSession { db in try await Self.failures(key, since: since, db: db) }
    }

    static func user(_ row: any SQLRow) throws -> UserAccount {
        UserAccount(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
            unitID: try row.decodeOptional(column: "unit_id", as: UnitID.self),
            disabled: (try? row.decodeOptional(column: "disabled_at", as: String.self)) != nil,
            email: (try? row.decodeOptional(column: "email", as: String.self)).flatMap { $0 }.flatMap {
                try? MailAddress($0)
            })
    }
}

/// The checks and the audit record both repositories apply to a new user.
enum AccountRules {
    static let maximumNameLength = 64

    static func checkedName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty else { throw AccountError.emptyName }
        guard name.count <= maximumNameLength else { throw AccountError.nameTooLong(maximumNameLength) }
        return name
    }

    /// The audit record of a change to an account (never the password or its hash).
    static func change(_ user: UserAccount, _ what: String, old: String? = nil, new: String) -> AuditEntry {
        AuditEntry(
            action: .changed, subject: .user, unitID: user.unitID, recordKey: "nguoi-dung/\(user.id)",
            description: "\(user.name): \(what)", oldValue: old, newValue: new)
    }

    static func emailChange(_ user: UserAccount, to email: MailAddress?) -> AuditEntry {
        change(
            user, "địa chỉ thư điện tử", old: user.email?.value ?? "chưa có", new: email?.value ?? "bỏ địa chỉ")
    }

    static func checkUnit(role: Role, unitID: UnitID?) throws {
        if role != .admin, unitID == nil { throw AccountError.unitRequired(role) }
    }

    static func auditEntry(for user: UserAccount) -> AuditEntry {
        AuditEntry(
            action: .added, subject: .user, unitID: user.unitID, recordKey: "nguoi-dung/\(user.id)",
            description: user.name,
            newValue: "vai trò \(user.role.title)" + (user.unitID.map { ", đơn vị mã \($0)" } ?? ""))
    }
}

/// Carries a count out of a transaction's closure.
private final class CountBox: @unchecked Sendable {
    var value = 0
}

import ChiTieuCore

extension MemoryRepository: AccountRepository {
    public func addUser(
        name: String, role: Role, unitID: UnitID?, passwordHash: String, author: ChangeAuthor
    ) throws -> UserAccount {
        let name = try AccountRules.checkedName(name)
        try AccountRules.checkUnit(role: role, unitID: unitID)
        if let unitID, unit(id: unitID) == nil { throw AccountError.unknownUnit(unitID) }
        guard accounts.allSatisfy({ NameKey($0.user.name) != NameKey(name) }) else {
            throw AccountError.nameTaken(name)
        }
        let user = UserAccount(id: Int64(accounts.count + 1), name: name, role: role, unitID: unitID)
        accounts.append((user, passwordHash))
        record(AccountRules.auditEntry(for: user), author: author)
        return user
    }

    public func users() -> [UserAccount] { accounts.map(\.user) }

    public func credentials(name: String) -> (user: UserAccount, passwordHash: String)? {
        accounts.first { NameKey($0.user.name) == NameKey(name) }.map { ($0.user, $0.hash) }
    }

    public func createSession(token: String, userID: Int64, csrfToken: String, expiresAt: String) {
        sessions[SessionDigest.of(token)] = (userID, csrfToken, expiresAt)
    }

    public func session(token: String, now: String) -> SignedInSession? {
        guard let s = sessions[SessionDigest.of(token)], s.expiresAt > now,
            let user = accounts.first(where: { $0.user.id == s.userID }), !user.user.disabled
        else { return nil }
        return SignedInSession(user: user.user, csrfToken: s.csrf, expiresAt: s.expiresAt)
    }

    public func deleteSession(token: String) { sessions[SessionDigest.of(token)] = nil }

    public func setPassword(userID: Int64, passwordHash: String, keeping token: String?, author: ChangeAuthor) throws {
        let index = try accountIndex(userID)
        accounts[index].hash = passwordHash
        let ended = removeSessions(of: userID, except: token)
        record(
            AccountRules.change(
                accounts[index].user, "đổi mật khẩu", new: "mật khẩu mới; kết thúc \(ended) phiên đăng nhập"),
            author: author)
    }

    public func setDisabled(userID: Int64, _ disabled: Bool, author: ChangeAuthor) throws {
        let index = try accountIndex(userID)
        let before = accounts[index].user
        accounts[index].user.disabled = disabled
        let ended = disabled ? removeSessions(of: userID, except: nil) : 0
        record(
            AccountRules.change(
                before, disabled ? "khóa tài khoản" : "mở khóa tài khoản",
                old: before.disabled ? "đã khóa" : "đang dùng",
                new: disabled ? "đã khóa; kết thúc \(ended) phiên đăng nhập" : "đang dùng"),
            author: author)
    }

    public func setEmail(userID: Int64, _ email: MailAddress?, author: ChangeAuthor) throws {
        let index = try accountIndex(userID)
        record(AccountRules.emailChange(accounts[index].user, to: email), author: author)
        accounts[index].user.email = email
    }

    @discardableResult
    public func endSessions(userID: Int64, author: ChangeAuthor) throws -> Int {
        let index = try accountIndex(userID)
        let ended = removeSessions(of: userID, except: nil)
        record(
            AccountRules.change(accounts[index].user, "kết thúc mọi phiên đăng nhập", new: "\(ended) phiên"),
            author: author)
        return ended
    }

    private func accountIndex(_ userID: Int64) throws -> Int {
        guard let index = accounts.firstIndex(where: { $0.user.id == userID }) else {
            throw AccountError.unknownUser(userID)
        }
        return index
    }

    private func removeSessions(of userID: Int64, except token: String?) -> Int {
        let kept = token.map(SessionDigest.of)
        let ended = sessions.filter { $0.value.userID == userID && $0.key != kept }.map(\.key)
        for key in ended { sessions[key] = nil }
        return ended.count
    }

    public func admitSignIn(nameKey: String, addressKey: String, at: String, since: String, limits: SignInLimits)
        -> Bool
    {
        let admitted = limits.admits(
            nameFailures: failedSignIns(key: nameKey, since: since),
            addressFailures: failedSignIns(key: addressKey, since: since))
        if admitted { failures += [(nameKey, at), (addressKey, at)] }
        return admitted
    }

    public func forgiveSignIn(nameKey: String, addressKey: String, at: String) {
        failures.removeAll { $0.key == nameKey || ($0.key == addressKey && $0.at == at) }
    }

    public func failedSignIns(key: String, since: String) -> Int {
        failures.filter { $0.key == key && $0.at >= since }.count
    }

    public func purgeSignInRecords(failuresBefore: String, now: String) -> Int {
        let before = failures.count + sessions.count
        failures.removeAll { $0.at < failuresBefore }
        sessions = sessions.filter { $0.value.expiresAt > now }
        return before - failures.count - sessions.count
    }
}

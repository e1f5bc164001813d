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
            let user = accounts.first(where: { $0.user.id == s.userID })
        else { return nil }
        return SignedInSession(user: user.user, csrfToken: s.csrf, expiresAt: s.expiresAt)
    }

    public func deleteSession(token: String) { sessions[SessionDigest.of(token)] = nil }

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

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

    public func recordFailedSignIn(key: String, at: String) { failures.append((key, at)) }

    public func failedSignIns(key: String, since: String) -> Int {
        failures.filter { $0.key == key && $0.at >= since }.count
    }
}

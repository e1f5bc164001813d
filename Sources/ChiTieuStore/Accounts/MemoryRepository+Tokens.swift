import ChiTieuCore

extension MemoryRepository {
    public func createAPIToken(token: String, userID: Int64, label: String, author: ChangeAuthor) throws -> APIToken {
        let label = try APIToken.checkedLabel(label)
        guard let user = accounts.first(where: { $0.user.id == userID })?.user else {
            throw AccountError.unknownUser(userID)
        }
        let made = APIToken(
            id: Int64(tokens.count + 1), userID: userID, label: label, createdAt: clock.timestamp())
        tokens.append((made, SessionDigest.of(token)))
        record(AccountRules.change(user, "tạo mã API", new: made.channel), author: author)
        return made
    }

    public func apiTokens(userID: Int64) -> [APIToken] {
        tokens.map(\.token).filter { $0.userID == userID }.sorted { $0.id > $1.id }
    }

    public func apiTokenUser(token: String) -> (user: UserAccount, token: APIToken)? {
        let digest = SessionDigest.of(token)
        guard let found = tokens.first(where: { $0.digest == digest && $0.token.revokedAt == nil })?.token,
            let user = accounts.first(where: { $0.user.id == found.userID })?.user, !user.disabled
        else { return nil }
        return (user, found)
    }

    public func revokeAPIToken(id: Int64, userID: Int64, author: ChangeAuthor) throws {
        guard let index = tokens.firstIndex(where: { $0.token.id == id && $0.token.userID == userID }),
            let user = accounts.first(where: { $0.user.id == userID })?.user
        else { throw AccountError.unknownToken(id) }
        guard tokens[index].token.revokedAt == nil else { return }
        let old = tokens[index].token
        tokens[index].token.revokedAt = clock.timestamp()
        record(AccountRules.change(user, "thu hồi mã API", old: old.channel, new: "đã thu hồi"), author: author)
    }
}

import ChiTieuCore
import SQLKit

extension SQLRepository {
    public func createAPIToken(token: String, userID: Int64, label: String, author: ChangeAuthor) async throws
        -> APIToken
    {
        let label = try APIToken.checkedLabel(label)
        return try await database.writerTransaction { db in
            guard let userRow = try await db.select().column("*").from("users").where("id", .equal, userID).first()
            else { throw AccountError.unknownUser(userID) }
            let now = clock.timestamp()
            let row = try await db.insert(into: "api_tokens").columns("user_id", "digest", "label", "created_at")
                .values(SQLBind(userID), SQLBind(SessionDigest.of(token)), SQLBind(label), SQLBind(now))
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StoreError.internalFailure("không nhận được mã của mã API vừa tạo")
            }
            let made = APIToken(id: id, userID: userID, label: label, createdAt: now)
            let entry = AccountRules.change(try Self.user(userRow), "tạo mã API", new: made.channel)
                .stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
            return made
        }
    }

    public func apiTokens(userID: Int64) async throws -> [APIToken] {
        try await database.withSession { db in
            try await db.select().column("*").from("api_tokens").where("user_id", .equal, userID)
                .orderBy("id", .descending).all().map(Self.apiToken)
        }
    }

    public func apiTokenUser(token: String) async throws -> (user: UserAccount, token: APIToken)? {
        try await database.withSession { db in
            guard
                let row = try await db.select().column("*").from("api_tokens")
                    .where("digest", .equal, SessionDigest.of(token)).where("revoked_at", .is, SQLLiteral.null).first()
            else { return nil }
            let token = try Self.apiToken(row)
            guard
                let userRow = try await db.select().column("*").from("users").where("id", .equal, token.userID)
                    .where("disabled_at", .is, SQLLiteral.null).first()
            else { return nil }
            return (try Self.user(userRow), token)
        }
    }

    public func revokeAPIToken(id: Int64, userID: Int64, author: ChangeAuthor) async throws {
        try await database.transaction { db in
            guard
                let row = try await db.select().column("*").from("api_tokens").where("id", .equal, id)
                    .where("user_id", .equal, userID).first(),
                let userRow = try await db.select().column("*").from("users").where("id", .equal, userID).first()
            else { throw AccountError.unknownToken(id) }
            let token = try Self.apiToken(row)
            guard token.revokedAt == nil else { return }
            let now = clock.timestamp()
            try await db.update("api_tokens").set("revoked_at", to: SQLBind(now)).where("id", .equal, id).run()
            let entry = AccountRules.change(
                try Self.user(userRow), "thu hồi mã API", old: token.channel, new: "đã thu hồi"
            )
            .stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
        }
    }

    static func apiToken(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.decode(column: "id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
            label: try row.decode(column: "label", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            revokedAt: try row.decodeOptional(column: "revoked_at", as: String.self))
    }
}

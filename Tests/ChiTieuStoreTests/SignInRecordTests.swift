import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Failed sign-ins are counted in the database, so every server on it applies one limit.
@Suite struct SignInRecordTests {
    /// 40 attempts for one name at once: the count and the record are one transaction, so
    /// exactly five are let through to the password check on every backend.
    ///
    /// Each of the three addresses has failed once before (for another name): an address with
    /// no failures at all is let through a closed name on purpose (so that whoever locks a
    /// name out does not lock its owner out), and without that first failure the sixth attempt
    /// is admitted whenever the first five happened to come from two of the addresses.
    @Test(arguments: RepositoryKind.available)
    func parallelAttemptsCannotAllReadTheSameCount(kind: RepositoryKind) async throws {
        let (made, close) = try await kind.make()
        defer { Task { await close() } }
        let repository = try #require(made as? any AccountRepository)
        for n in 0..<3 {
            #expect(
                try await repository.admitSignIn(
                    nameKey: "ten:khac", addressKey: "dia-chi:10.0.0.\(n)", at: "2026-12-01T09:59:00Z",
                    since: "2026-12-01T09:45:00Z", limits: .standard))
        }
        let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for n in 0..<40 {
                group.addTask {
                    try await repository.admitSignIn(
                        nameKey: "ten:quantri", addressKey: "dia-chi:10.0.0.\(n % 3)", at: "2026-12-01T10:00:00Z",
                        since: "2026-12-01T09:45:00Z", limits: .standard)
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 5)
        #expect(try await repository.failedSignIns(key: "ten:quantri", since: "2000-01-01T00:00:00Z") == 5)
    }

    @Test(arguments: RepositoryKind.available)
    func aSuccessForgivesTheNameAndPurgeRemovesOldRows(kind: RepositoryKind) async throws {
        let (made, close) = try await kind.make()
        defer { Task { await close() } }
        let repository = try #require(made as? any AccountRepository)
        let limits = SignInLimits.standard
        for minute in 0..<3 {
            let at = "2026-12-01T10:0\(minute):00Z"
            #expect(
                try await repository.admitSignIn(
                    nameKey: "ten:a", addressKey: "dia-chi:x", at: at, since: "2026-12-01T09:50:00Z", limits: limits))
        }
        try await repository.forgiveSignIn(nameKey: "ten:a", addressKey: "dia-chi:x", at: "2026-12-01T10:02:00Z")
        #expect(try await repository.failedSignIns(key: "ten:a", since: "2000-01-01T00:00:00Z") == 0)
        #expect(try await repository.failedSignIns(key: "dia-chi:x", since: "2000-01-01T00:00:00Z") == 2)
        let removed = try await repository.purgeSignInRecords(
            failuresBefore: "2026-12-01T10:01:00Z", now: "2026-12-01T10:01:00Z")
        #expect(removed == 1)
        #expect(try await repository.failedSignIns(key: "dia-chi:x", since: "2000-01-01T00:00:00Z") == 1)
    }

    @Test func theLimitClosesANameButNotForAnAddressWithNoFailures() {
        let limits = SignInLimits.standard
        #expect(limits.admits(nameFailures: 4, addressFailures: 4))
        #expect(!limits.admits(nameFailures: 5, addressFailures: 1))
        #expect(limits.admits(nameFailures: 500, addressFailures: 0))
        #expect(!limits.admits(nameFailures: 0, addressFailures: 20))
    }
}

/// Password changes, disabled accounts and ended sessions, on every backend, in the audit trail.
@Suite struct AccountControlTests {
    @Test(arguments: RepositoryKind.available)
    func passwordsDisablingAndSessionsAreControlled(kind: RepositoryKind) async throws {
        let (made, close) = try await kind.make()
        defer { Task { await close() } }
        let repository = try #require(made as? any AccountRepository & ChiTieuRepository)
        let user = try await repository.addUser(
            name: "biên tập", role: .admin, unitID: nil, passwordHash: "cũ", author: .commandLine)
        let now = "2026-12-01T10:00:00Z"
        for token in ["a", "b", "c"] {
            try await repository.createSession(
                token: token, userID: user.id, csrfToken: "x", expiresAt: "2999-01-01T00:00:00Z")
        }
        try await repository.setPassword(userID: user.id, passwordHash: "mới", keeping: "a", author: .commandLine)
        #expect(try await repository.credentials(name: "biên tập")?.passwordHash == "mới")
        #expect(try await repository.session(token: "a", now: now) != nil)
        #expect(try await repository.session(token: "b", now: now) == nil)

        try await repository.setDisabled(userID: user.id, true, author: .commandLine)
        #expect(try await repository.session(token: "a", now: now) == nil)
        #expect(try await repository.credentials(name: "biên tập")?.user.disabled == true)
        #expect(try await repository.users().first?.disabled == true)
        try await repository.createSession(
            token: "d", userID: user.id, csrfToken: "x", expiresAt: "2999-01-01T00:00:00Z")
        #expect(try await repository.session(token: "d", now: now) == nil)  // no session for a disabled account
        try await repository.setDisabled(userID: user.id, false, author: .commandLine)
        #expect(try await repository.session(token: "d", now: now) != nil)
        #expect(try await repository.endSessions(userID: user.id, author: .commandLine) == 1)
        #expect(try await repository.session(token: "d", now: now) == nil)

        let trail = try await repository.auditTrail(AuditQuery()).filter { $0.subject == .user }
        #expect(
            trail.map(\.description).sorted()
                == [
                    "biên tập", "biên tập: khóa tài khoản", "biên tập: kết thúc mọi phiên đăng nhập",
                    "biên tập: mở khóa tài khoản",
                    "biên tập: đổi mật khẩu",
                ].sorted())
        #expect(trail.allSatisfy { !($0.newValue ?? "").contains("mới\"") && $0.newValue != "mới" })
        await #expect(throws: AccountError.unknownUser(999)) {
            try await repository.setDisabled(userID: 999, true, author: .commandLine)
        }
        await #expect(throws: AccountError.nameTooLong(64)) {
            _ = try await repository.addUser(
                name: String(repeating: "a", count: 65), role: .admin, unitID: nil, passwordHash: "x",
                author: .commandLine)
        }
    }
}

@Suite struct APITokenStoreTests {
    @Test(arguments: RepositoryKind.available)
    func tokensAreStoredAsDigestsAndStopWorkingWhenRevokedOrDisabled(kind: RepositoryKind) async throws {
        let (made, close) = try await kind.make()
        defer { Task { await close() } }
        let repository = try #require(made as? any AccountRepository & ChiTieuRepository)
        let user = try await repository.addUser(
            name: "tinh", role: .admin, unitID: nil, passwordHash: "x", author: .commandLine)
        let token = try await repository.createAPIToken(
            token: "ct_bi-mat-1", userID: user.id, label: "hệ thống báo cáo tỉnh", author: .commandLine)
        #expect(token.channel == "API (token \(token.id): hệ thống báo cáo tỉnh)")
        #expect(try await repository.apiTokenUser(token: "ct_bi-mat-1")?.user.id == user.id)
        #expect(try await repository.apiTokenUser(token: "ct_bi-mat-2") == nil)
        if let sql = repository as? SQLRepository {
            let stored = try await sql.database.withSession { db in
                try await db.select().column("digest").from("api_tokens").all().map {
                    try $0.decode(column: "digest", as: String.self)
                }
            }
            #expect(stored == [SessionDigest.of("ct_bi-mat-1")])
            #expect(!stored.contains("ct_bi-mat-1"))
        }
        try await repository.setDisabled(userID: user.id, true, author: .commandLine)
        #expect(try await repository.apiTokenUser(token: "ct_bi-mat-1") == nil)
        try await repository.setDisabled(userID: user.id, false, author: .commandLine)
        #expect(try await repository.apiTokenUser(token: "ct_bi-mat-1") != nil)
        await #expect(throws: AccountError.unknownToken(token.id)) {
            try await repository.revokeAPIToken(id: token.id, userID: user.id + 1, author: .commandLine)
        }
        try await repository.revokeAPIToken(id: token.id, userID: user.id, author: .commandLine)
        #expect(try await repository.apiTokenUser(token: "ct_bi-mat-1") == nil)
        #expect(try await repository.apiTokens(userID: user.id).first?.revokedAt != nil)
        await #expect(throws: AccountError.emptyTokenLabel) {
            _ = try await repository.createAPIToken(token: "t", userID: user.id, label: "  ", author: .commandLine)
        }
        let trail = try await repository.auditTrail(AuditQuery()).map(\.description)
        #expect(trail.contains("tinh: tạo mã API") && trail.contains("tinh: thu hồi mã API"))
    }
}

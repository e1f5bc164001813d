import ChiTieuCore
import Testing

@testable import ChiTieuStore

/// Failed sign-ins are counted in the database, so every server on it applies one limit.
@Suite struct SignInRecordTests {
    /// 40 attempts for one name at once: the count and the record are one transaction, so
    /// exactly five are let through to the password check on every backend.
    @Test(arguments: RepositoryKind.available)
    func parallelAttemptsCannotAllReadTheSameCount(kind: RepositoryKind) async throws {
        let (made, close) = try await kind.make()
        defer { Task { await close() } }
        let repository = try #require(made as? any AccountRepository)
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

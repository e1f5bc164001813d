import ChiTieuCore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuStore

/// The repositories every store test runs against.
enum RepositoryKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite
    /// Only where `CHITIEU_TEST_POSTGRES_URL` names a server (`scripts/with-postgres.sh`).
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CHITIEU_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The backends this run can reach: every store test runs on each of them.
    static var available: [RepositoryKind] { postgresURL == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres] }

    /// A fresh, empty repository; `close` releases it.
    func make() async throws -> (repository: any ChiTieuRepository, close: @Sendable () async -> Void) {
        switch self {
        case .memory:
            return (MemoryRepository(), {})
        case .postgres:
            let scratch = try await PostgresScratchDatabase.create(server: try #require(Self.postgresURL))
            let repository = try await SQLRepository.openPostgres(url: scratch.url)
            return (
                repository,
                {
                    await repository.close()
                    await scratch.drop()
                }
            )
        case .sqlite:
            let file = TemporaryFile()
            let repository = try await SQLRepository.openSQLite(path: file.path)
            return (
                repository,
                {
                    await repository.close(); file.remove()
                }
            )
        }
    }

    /// Runs `body` on a fresh repository with the standard catalogue, and releases the
    /// repository afterwards whether `body` returns or throws.
    func withRepository<T: Sendable>(_ body: (any ChiTieuRepository) async throws -> T) async throws -> T {
        let (repository, close) = try await withCatalogue()
        do {
            let result = try await body(repository)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    /// A fresh repository with the standard catalogue loaded.
    func withCatalogue() async throws -> (repository: any ChiTieuRepository, close: @Sendable () async -> Void) {
        let made = try await make()
        try await made.repository.ensureCatalogue()
        return made
    }
}

/// A path in the temporary directory, removed with its WAL companions.
struct TemporaryFile: Sendable {
    let path: String

    init(extension ext: String = "sqlite") {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-test-\(UUID().uuidString).\(ext)")
            .path
    }

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension ChiTieuRepository {
    /// Counts of what is stored, to show a failed write left nothing behind.
    func snapshot() async throws -> [String: Int] {
        let units = try await allUnits()
        let ids = units.map(\.id)
        return [
            "units": units.count,
            "targets": try await targets(unitIDs: ids, years: Period.yearRange).count,
            "observations": try await observations(unitIDs: ids, years: Period.yearRange).count,
            "indicators": try await indicators().count,
        ]
    }
}

func period(_ year: Int, _ toMonth: Int, from: Int = 1) -> Period {
    try! Period(year: year, fromMonth: from, toMonth: toMonth)
}

/// Runs `body` and expects a refused batch with a problem containing `expected`: any other
/// error, or none, is an issue (`throws: StoreError.self` would accept any case).
func expectRefusal(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("nothing was refused; expected «\(expected)»", sourceLocation: sourceLocation)
    } catch StoreError.invalidBatch(let problems) {
        #expect(
            problems.contains { $0.message.contains(expected) }, "\(problems.map(\.message))",
            sourceLocation: sourceLocation)
    } catch {
        Issue.record("refused otherwise: \(error); expected «\(expected)»", sourceLocation: sourceLocation)
    }
}

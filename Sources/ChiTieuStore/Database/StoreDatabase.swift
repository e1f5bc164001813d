import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// A database the store runs on: the embedded SQLite file by default.
///
/// Work runs in sessions (one connection each) so that a transaction's statements all
/// reach the same connection; reads outside a transaction may run in parallel.
public final class StoreDatabase: Sendable {
    public enum Backend: Sendable, Equatable {
        case sqlite
        case postgres
    }

    public let backend: Backend
    /// Where the data lives, for messages: a file path or a server address without password.
    public let location: String
    private let session: @Sendable (@escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Void
    private let shutdown: @Sendable () async throws -> Void
    private let writers = WriterGate()

    init(
        backend: Backend, location: String,
        session: @escaping @Sendable (@escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Void,
        shutdown: @escaping @Sendable () async throws -> Void
    ) {
        self.backend = backend
        self.location = location
        self.session = session
        self.shutdown = shutdown
    }

    /// Opens (creating if needed) an SQLite file with WAL journaling and foreign keys on.
    ///
    /// Holds a shared `DatabaseFileLock` until closed; `lock: false` is for the restore, which
    /// holds the exclusive one itself.
    public static func sqlite(
        path: String, connections: Int = 4, logger: Logger = Logger(label: "chitieu.store"), lock: Bool = true
    ) throws -> StoreDatabase {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.cannotOpen(path, "thư mục \(directory) không tồn tại")
        }
        let held = try lock ? DatabaseFileLock.take(.shared, on: url.path) : nil
        if lock, held == nil {
            throw StoreError.cannotOpen(path, "tệp đang được phục hồi từ bản sao lưu; thử lại sau ít phút")
        }
        let source = SQLiteFileSource(path: url.path)
        let pool = SharedPool(
            EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: max(1, connections), logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.next()))
        return StoreDatabase(
            backend: .sqlite, location: url.path,
            session: { body in
                let connection = try await pool.pool.requestConnection(logger: logger).get()
                defer { pool.pool.releaseConnection(connection, logger: logger) }
                try await body(
                    DriverSession(connection: connection, sql: connection.sql(queryLogLevel: nil), logger: logger))
            },
            shutdown: {
                try await pool.pool.shutdownAsync()
                held?.release()
            })
    }

    /// Runs `body` on one connection.
    public func withSession<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        let box = ResultBox<T>()
        try await session { db in box.value = try await body(db) }
        guard let value = box.value else { throw StoreError.internalFailure("phiên làm việc không trả kết quả") }
        return value
    }

    /// A transaction that waits for the writers' turn on PostgreSQL too (an advisory lock; on
    /// SQLite `BEGIN IMMEDIATE` already does): what it reads cannot change before it writes.
    public func writerTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        let backend = backend
        return try await transaction { db in
            if backend == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7243)").run() }
            return try await body(db)
        }
    }

    /// Runs `body` in one transaction: everything it wrote is kept, or, if it throws, nothing.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        guard backend == .sqlite else { return try await run(transaction: body, begin: "BEGIN") }
        return try await writers.run { try await self.run(transaction: body, begin: "BEGIN IMMEDIATE") }
    }

    private func run<T: Sendable>(
        transaction body: @escaping @Sendable (any SQLDatabase) async throws -> T, begin: String
    ) async throws -> T {
        try await withSession { db in
            do {
                try await db.raw(SQLQueryString(begin)).run()
            } catch {
                throw Self.busyOr(error)
            }
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw Self.busyOr(error)
            }
        }
    }

    /// SQLite's "database is locked" (SQLITE_BUSY after `busy_timeout`) as `StoreError.busy`,
    /// which pages show as "try again" instead of a 500.
    static func busyOr(_ error: any Error) -> any Error {
        let text = String(describing: error)
        return text.contains("database is locked") || text.contains("SQLITE_BUSY") ? StoreError.busy : error
    }

    public func close() async {
        try? await shutdown()
    }
}

/// AsyncKit's pool guards its state with a lock but predates `Sendable` annotations.
final class SharedPool<Source: ConnectionPoolSource>: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<Source>

    init(_ pool: EventLoopGroupConnectionPool<Source>) {
        self.pool = pool
    }
}

/// Carries a session's result out of the type-erased session closure.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: T?
}

/// Opens SQLite connections with the settings every connection needs.
struct SQLiteFileSource: ConnectionPoolSource {
    let path: String

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop)
            .flatMap { connection in
                let pragmas = [
                    "PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
                    "PRAGMA synchronous = NORMAL",
                ]
                return pragmas.reduce(eventLoop.makeSucceededFuture(())) { chain, pragma in
                    chain.flatMap { connection.query(pragma).map { _ in } }
                }
                .map { connection }
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
            }
    }
}

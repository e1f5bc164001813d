import Logging
import NIOCore
import PostgresKit
import SQLKit
import SQLiteKit

/// The SQL of one pooled connection that also keeps the driver's connection, for what SQLKit
/// does not offer: `COPY … FROM STDIN` on PostgreSQL, statements with ready-made binds on
/// SQLite (`BulkInsert`).
struct DriverSession<Connection: Sendable>: SQLDatabase {
    let connection: Connection
    let sql: any SQLDatabase
    let logger: Logger

    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }
}

typealias PostgresSession = DriverSession<PostgresConnection>
typealias SQLiteSession = DriverSession<SQLiteConnection>

import AsyncKit
import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit

extension StoreDatabase {
    /// Connects to PostgreSQL at `url` (`postgres://USER:PASSWORD@HOST:PORT/DATABASE`, with
    /// `?sslmode=disable` on loopback). The password never appears in `location`.
    public static func postgres(url: String, connections: Int = 8, logger: Logger = Logger(label: "chitieu.store"))
        throws -> StoreDatabase
    {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError.cannotOpen(
                Self.redacted(url),
                "địa chỉ DATABASE_URL không đúng dạng postgres://người-dùng:mật-khẩu@máy:cổng/tên-csdl")
        }
        let pool = SharedPool(
            EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                // Writers take turns on one advisory lock: in a burst (40 sign-ins at once on a
                // busy machine) the last waits longer than the library's 10 s for a connection,
                // and should wait, not fail.
                maxConnectionsPerEventLoop: max(1, connections), requestTimeout: .seconds(30), logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.next()))
        return StoreDatabase(
            backend: .postgres, location: Self.redacted(url),
            session: { body in
                let connection = try await pool.pool.requestConnection(logger: logger).get()
                defer { pool.pool.releaseConnection(connection, logger: logger) }
                try await body(
                    DriverSession(connection: connection, sql: connection.sql(queryLogLevel: nil), logger: logger))
            },
            shutdown: { try await pool.pool.shutdownAsync() })
    }

    /// The address without its password, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "PostgreSQL" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "PostgreSQL"
    }
}

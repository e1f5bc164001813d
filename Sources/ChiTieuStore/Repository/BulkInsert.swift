import Foundation
import PostgresKit
import SQLKit
import SQLiteKit

/// Inserts many rows (a national load, a large import) past SQLKit's query builder, on the
/// transaction's own connection: PostgreSQL by `COPY … FROM STDIN` (PostgresNIO's
/// `copyFrom`), SQLite by multi-row `INSERT`s whose values go straight to SQLiteNIO as
/// `SQLiteData`. Building and serialising the same statements through SQLKit (an `Encodable`
/// and two dynamic casts per value) was a third of an import's time.
///
/// Written here because neither SQLKit nor the drivers offer a bulk insert; only the value
/// conversion and `COPY`'s text escaping are ours. From a row with a value that is not a
/// number, text, truth value or NULL on, the caller inserts the usual way.
enum BulkInsert {
    static let rowsPerCopyWrite = 2_000
    static let rowsPerSQLiteStatement = 100

    /// Inserts rows from the front of `items` a chunk at a time, so that memory holds one
    /// chunk's values, and returns how many it inserted: all of them, or up to the first chunk
    /// with a value it cannot write, from where the caller goes on the usual way.
    static func run<Item>(
        _ items: [Item], into table: String, columns: [String], db: any SQLDatabase,
        values: (Item) -> [any SQLExpression]
    ) async throws -> Int {
        if let session = db as? PostgresSession {
            var done = 0
            try await session.connection.copyFrom(table: table, columns: columns, logger: session.logger) { writer in
                for chunk in items.chunked(rowsPerCopyWrite) {
                    guard let text = PostgresCopy.text(chunk.map(values), width: columns.count) else { return }
                    try await writer.write(ByteBuffer(string: text))
                    done += chunk.count
                }
            }
            return done
        }
        guard let session = db as? SQLiteSession else { return 0 }
        let statement = SQLiteInsert(table: table, columns: columns, rows: rowsPerSQLiteStatement)
        var done = 0
        for chunk in items.chunked(rowsPerSQLiteStatement) {
            guard let binds = statement.binds(chunk.map(values)) else { break }
            try await session.connection.query(statement.sql(rows: chunk.count), binds) { _ in }
            done += chunk.count
        }
        return done
    }
}

/// A multi-row `INSERT` with `?` for each value; the text of a full chunk's statement is
/// made once, a shorter last chunk's when it comes.
struct SQLiteInsert {
    let columns: [String]
    private let head: String
    private let row: String
    private let full: (rows: Int, sql: String)

    init(table: String, columns: [String], rows: Int) {
        self.columns = columns
        head = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        full = (rows, head + Array(repeating: row, count: rows).joined(separator: ", "))
    }

    func sql(rows: Int) -> String {
        rows == full.rows ? full.sql : head + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The rows' values in order, or nil when one cannot be written.
    func binds(_ rows: [[any SQLExpression]]) -> [SQLiteData]? {
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * columns.count)
        for row in rows {
            guard row.count == columns.count else { return nil }
            for expression in row {
                guard let value = BulkValue(expression) else { return nil }
                binds.append(value.sqlite)
            }
        }
        return binds
    }
}

/// A value as the drivers take it, read from SQLKit's bind; nil for other types and for a
/// figure that is not finite.
enum BulkValue: Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case truth(Bool)
    case null

    init?(_ expression: any SQLExpression) {
        if let stored = expression as? StoreValue {
            self = stored.value
            return
        }
        if let literal = expression as? SQLLiteral, case .null = literal {
            self = .null
            return
        }
        guard let bind = expression as? SQLBind else { return nil }
        switch bind.encodable {
        case let v as Int64: self = .integer(v)
        case let v as Int: self = .integer(Int64(v))
        case let v as Double: self = .real(v)
        case let v as Bool: self = .truth(v)
        case let v as String: self = .text(v)
        case let v as String?: self = v.map(Self.text) ?? .null
        case let v as Double?: self = v.map(Self.real) ?? .null
        case let v as Int?: self = v.map { .integer(Int64($0)) } ?? .null
        case let v as Int64?: self = v.map(Self.integer) ?? .null
        default: return nil
        }
        if case .real(let v) = self, !v.isFinite { return nil }
    }

    /// As SQLiteKit writes it: a truth value as 1 or 0.
    var sqlite: SQLiteData {
        switch self {
        case .integer(let v): .integer(SQLiteInt64(v))
        case .real(let v): .float(v)
        case .text(let v): .text(v)
        case .truth(let v): .integer(v ? 1 : 0)
        case .null: .null
        }
    }
}

/// A value of a stored row (`ObservationColumns`, `TargetColumns`, `AuditColumns`), its type
/// known where it is made: the bulk path reads it with one cast instead of one per type, and
/// SQLKit's statements bind it as they would the value itself.
struct StoreValue: SQLExpression {
    let value: BulkValue

    init(_ v: Int64) { value = .integer(v) }
    init(_ v: Int) { value = .integer(Int64(v)) }
    init(_ v: Double) { value = .real(v) }
    init(_ v: Bool) { value = .truth(v) }
    init(_ v: String) { value = .text(v) }
    init(_ v: Int64?) { value = v.map(BulkValue.integer) ?? .null }
    init(_ v: Int?) { value = v.map { .integer(Int64($0)) } ?? .null }
    init(_ v: Double?) { value = v.map(BulkValue.real) ?? .null }
    init(_ v: String?) { value = v.map(BulkValue.text) ?? .null }

    func serialize(to serializer: inout SQLSerializer) {
        switch value {
        case .integer(let v): serializer.write(bind: v)
        case .real(let v): serializer.write(bind: v)
        case .text(let v): serializer.write(bind: v)
        case .truth(let v): serializer.write(bind: v)
        case .null: SQLLiteral.null.serialize(to: &serializer)
        }
    }
}

/// `COPY`'s text format: one line a row, values apart by tabs, `\N` for NULL.
enum PostgresCopy {
    /// `12\tKế hoạch\tt\t\N\t4790.86\n`, or nil when a value cannot be written.
    static func text(_ rows: [[any SQLExpression]], width: Int) -> String? {
        var out = ""
        out.reserveCapacity(rows.count * width * 12)
        for row in rows {
            guard row.count == width else { return nil }
            for (i, expression) in row.enumerated() {
                if i > 0 { out += "\t" }
                guard let value = BulkValue(expression) else { return nil }
                out += field(value)
            }
            out += "\n"
        }
        return out
    }

    private static func field(_ value: BulkValue) -> String {
        switch value {
        case .integer(let v): String(v)
        case .real(let v): "\(v)"
        case .text(let v): escaped(v)
        case .truth(let v): v ? "t" : "f"
        case .null: #"\N"#
        }
    }

    /// Backslash, tab, line feed and carriage return are the text format's own characters.
    private static func escaped(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard text.utf8.contains(where: special) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += #"\\"#
            case "\t": out += #"\t"#
            case "\n": out += #"\n"#
            case "\r": out += #"\r"#
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

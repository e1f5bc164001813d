import Foundation
import PostgresKit
import SQLKit

/// Inserts many rows into PostgreSQL with `COPY … FROM STDIN` (PostgresNIO's `copyFrom`) on
/// the transaction's own connection, instead of `INSERT` with one bound parameter per value.
/// At national size (1,5 million rows a year) PostgreSQL spent most of a load taking those
/// parameters apart: `COPY` is what `psql \copy` and the benchmark's reference use.
///
/// Only the text format's escaping is written here. SQLite keeps `INSERT` with binds: one
/// JSON text taken apart by `json_each` was measured slower there (25,9 s against 22,6 s for
/// a national year). A row with a value that is not a number, text, truth value or NULL is
/// inserted the usual way, and so is everything before any row was sent.
enum PostgresCopyInsert {
    static let rowsPerWrite = 2_000

    /// Inserts `items`, or returns false having inserted nothing when `db` is not a PostgreSQL
    /// session or a value cannot be written in `COPY`'s text format.
    static func run<Item>(
        _ items: [Item], into table: String, columns: [String], db: any SQLDatabase,
        values: (Item) -> [any SQLExpression]
    ) async throws -> Bool {
        guard let session = db as? PostgresSession else { return false }
        var texts: [String] = []
        for chunk in items.chunked(rowsPerWrite) {
            guard let text = copyText(chunk.map(values), width: columns.count) else { return false }
            texts.append(text)
        }
        try await session.connection.copyFrom(table: table, columns: columns, logger: session.logger) { writer in
            for text in texts { try await writer.write(ByteBuffer(string: text)) }
        }
        return true
    }

    /// One line a row, values apart by tabs, `\N` for NULL: `12\tKế hoạch\tt\t\N\t4790.86\n`.
    static func copyText(_ rows: [[any SQLExpression]], width: Int) -> String? {
        var out = ""
        out.reserveCapacity(rows.count * width * 12)
        for row in rows {
            guard row.count == width else { return nil }
            for (i, value) in row.enumerated() {
                if i > 0 { out += "\t" }
                guard let written = field(value) else { return nil }
                out += written
            }
            out += "\n"
        }
        return out
    }

    private static let null = #"\N"#

    private static func field(_ expression: any SQLExpression) -> String? {
        if let literal = expression as? SQLLiteral, case .null = literal { return null }
        guard let bind = expression as? SQLBind else { return nil }
        switch bind.encodable {
        case let v as Int64: return String(v)
        case let v as Int: return String(v)
        case let v as Double: return v.isFinite ? "\(v)" : nil
        case let v as Bool: return v ? "t" : "f"
        case let v as String: return escaped(v)
        case let v as String?: return v.map(escaped) ?? null
        case let v as Double?: return v.map { $0.isFinite ? "\($0)" : nil } ?? null
        case let v as Int?: return v.map { String($0) } ?? null
        case let v as Int64?: return v.map { String($0) } ?? null
        default: return nil
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

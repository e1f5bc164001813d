/// A cell's place in a sheet: row 1-based as Excel shows it, column 0-based (A is 0).
public struct CellReference: Hashable, Sendable, Comparable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// "D12" → row 12, column 3; nil for anything else. Columns stop at XFD (16 384).
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0, column <= 16_384 else { return nil }
        self.init(row: row, column: column - 1)
    }

    /// "D12".
    public var name: String { Self.columnName(column) + "\(row)" }

    /// A, B, …, Z, AA, …
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells, as a merged range "A1:F1".
public struct CellRange: Hashable, Sendable {
    public let first: CellReference
    public let last: CellReference

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard let a = parts.first.flatMap({ CellReference($0) }) else { return nil }
        let b = parts.count == 2 ? CellReference(parts[1]) : a
        guard let b, parts.count <= 2 else { return nil }
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }
}

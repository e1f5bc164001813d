/// A cell's value as the file stores it: Excel keeps a formula's last result beside it.
public enum CellValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// An error a formula gave, as Excel shows it: "#DIV/0!".
    case error(String)
    /// A formula saved without its result (written by a program that does not calculate).
    case formulaWithoutValue(String)
}

/// What a cell's number format says about its number: 0,7076 shown as 70,76%, or a date.
public enum CellFormat: Sendable, Equatable {
    case general
    case percent
    case date
}

public struct SheetCell: Sendable, Equatable {
    public let column: Int
    public let value: CellValue
    public let format: CellFormat

    public init(column: Int, value: CellValue, format: CellFormat = .general) {
        self.column = column
        self.value = value
        self.format = format
    }

    /// The text a person sees, for cells that hold text; numbers are not rendered here.
    public var text: String? {
        if case .text(let t) = value { return t }
        return nil
    }
}

/// A row that holds at least one cell, its cells in column order.
public struct SheetRow: Sendable, Equatable {
    /// 1-based, as Excel numbers rows.
    public let number: Int
    public let cells: [SheetCell]

    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }

    public func cell(_ column: Int) -> SheetCell? {
        // Cells are few per row and sorted: a binary search would not pay for itself.
        cells.first { $0.column == column }
    }
}

/// One worksheet as read: its rows with content, in order, and its merged ranges.
public struct Sheet: Sendable, Equatable {
    public let name: String
    public let rows: [SheetRow]
    public let merged: [CellRange]

    public init(name: String, rows: [SheetRow], merged: [CellRange] = []) {
        self.name = name
        self.rows = rows
        self.merged = merged
    }

    /// The cell at `reference`, or for a cell inside a merged range, the range's first cell:
    /// a header "Thực hiện 9 tháng" merged over three columns heads each of them.
    public func cell(_ reference: CellReference) -> SheetCell? {
        if let range = merged.first(where: { $0.contains(reference) }) {
            return row(range.first.row)?.cell(range.first.column)
        }
        return row(reference.row)?.cell(reference.column)
    }

    public func row(_ number: Int) -> SheetRow? {
        // Rows are sorted by number: a binary search keeps a 100.000-row sheet linear overall.
        var low = 0
        var high = rows.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if rows[middle].number == number { return rows[middle] }
            if rows[middle].number < number { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The widest row's last column + 1.
    public var columnCount: Int { rows.map { ($0.cells.last?.column ?? -1) + 1 }.max() ?? 0 }
}

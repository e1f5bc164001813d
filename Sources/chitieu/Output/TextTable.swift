/// A plain text table with aligned columns. Vietnamese in NFC is one column per character;
/// colour codes are added after widths are measured. (Written by hand: the table library in
/// the package set measures escape codes as text.)
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    struct Column {
        var title: String
        var alignment: Alignment
        var maxWidth: Int

        init(_ title: String, _ alignment: Alignment = .left, maxWidth: Int = 60) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    let columns: [Column]
    private var rows: [[String]] = []
    private var paints: [Int: (String) -> String] = [:]

    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; `paint` colours the whole row after alignment.
    mutating func add(_ cells: [String], paint: ((String) -> String)? = nil) {
        if let paint { paints[rows.count] = paint }
        rows.append(cells.enumerated().map { Self.truncate($1, to: columns[$0].maxWidth) })
    }

    func render() -> String {
        var widths = columns.map { min($0.title.count, $0.maxWidth) }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return columns[i].alignment == .left ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = [Terminal.paint(line(columns.map(\.title)), .bold)]
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (i, row) in rows.enumerated() {
            let text = line(row)
            out.append(paints[i]?(text) ?? text)
        }
        return out.joined(separator: "\n")
    }

    private static func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

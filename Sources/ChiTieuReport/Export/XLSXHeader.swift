import ChiTieuOffice

/// The two-row header of a printed «biểu»: «So sánh (%)» merged over «Kế hoạch» and «Cùng kỳ»,
/// every other title merged down over both rows. Under «Cùng kỳ» an office prints the ratio
/// to the same period (103,81 for «tăng 3,81%»), so that column's growth is written as one.
struct XLSXHeader {
    static let top = 5
    static let bottom = 6

    /// A header cell: its title in the top row, and in the bottom row when it is under a group.
    struct Column {
        var top: String
        var sub: String?
        /// The growth is written as the ratio to the same period.
        var ratio = false
    }

    let columns: [Column]

    init(_ titles: [String]) {
        var columns = titles.map { Column(top: $0) }
        if let plan = titles.firstIndex(of: "% kế hoạch"), plan + 1 < titles.count,
            titles[plan + 1] == "So cùng kỳ (%)"
        {
            columns[plan] = Column(top: "So sánh (%)", sub: "Kế hoạch")
            columns[plan + 1] = Column(top: "So sánh (%)", sub: "Cùng kỳ", ratio: true)
        }
        self.columns = columns
    }

    var rows: [(Int, [(Int, ReportTable.Cell, XLSXStyle)])] {
        [
            (Self.top, columns.enumerated().map { ($0.offset, .text($0.element.top), .header) }),
            (Self.bottom, columns.enumerated().map { ($0.offset, .text($0.element.sub ?? ""), .header) }),
        ]
    }

    /// A title alone spans both rows; a group's title spans its columns.
    var merged: [String] {
        var ranges: [String] = []
        var c = 0
        while c < columns.count {
            let name = CellReference.columnName(c)
            guard columns[c].sub != nil else {
                ranges.append("\(name)\(Self.top):\(name)\(Self.bottom)")
                c += 1
                continue
            }
            var end = c
            while end + 1 < columns.count, columns[end + 1].sub != nil, columns[end + 1].top == columns[c].top {
                end += 1
            }
            if end > c { ranges.append("\(name)\(Self.top):\(CellReference.columnName(end))\(Self.top)") }
            c = end + 1
        }
        return ranges
    }

    /// A data row as printed: the growth under «Cùng kỳ» as the ratio to the same period.
    func printed(_ values: [ReportTable.Cell]) -> [ReportTable.Cell] {
        values.enumerated().map { c, value in
            guard c < columns.count, columns[c].ratio, case .percent(let growth) = value else { return value }
            return .percent(growth.map { 100 + $0 })
        }
    }
}

/// A table to import as plans and results: a header of column names and the data rows, each
/// knowing where it came from. A CSV file gives one directly; a workbook sheet gives one as
/// it is (the re-importable table) or rebuilt from an office's own layout.
public struct ImportTable: Sendable {
    public struct Row: Sendable {
        /// The row's number in its file or sheet.
        public let line: Int
        public let fields: [String]
        /// Where the row is, in messages: "dòng 12", "trang «Biểu 01», dòng 12".
        public let place: String
        /// For a row rebuilt from other cells, the cell each column came from ("E (Thực hiện
        /// 9 tháng)"), named in messages instead of the header's column.
        public let cellNames: [TableColumn: String]

        public init(line: Int, fields: [String], place: String? = nil, cellNames: [TableColumn: String] = [:]) {
            self.line = line
            self.fields = fields
            self.place = place ?? "dòng \(line)"
            self.cellNames = cellNames
        }
    }

    public let header: [String]
    /// Where the header is, in messages.
    public let headerPlace: String
    public let rows: [Row]

    public init(header: [String], headerPlace: String = "dòng 1", rows: [Row]) {
        self.header = header
        self.headerPlace = headerPlace
        self.rows = rows
    }
}

import CSV
import ChiTieuCore
import Foundation

/// A CSV file's plans and results read a few thousand rows at a time, for
/// `ChiTieuRepository.save(chunks:dryRun:)`: a results table of any length is checked and
/// written in one transaction without ever being held whole.
///
/// The rows are read as `TableImporter.batch(table:)` reads them; a target set or the creation
/// of own indicators needs the whole table at once, so those imports take that way instead.
public struct CSVTableChunks: AsyncSequence, Sendable {
    public typealias Element = BatchChunk

    let path: String
    let importer: TableImporter
    let document: String
    let enteredBy: String?
    let rowsPerChunk: Int

    public init(
        path: String, importer: TableImporter, document: String, enteredBy: String? = nil, rowsPerChunk: Int = 5_000
    ) {
        self.path = path
        self.importer = importer
        self.document = document
        self.enteredBy = enteredBy
        self.rowsPerChunk = Swift.max(1, rowsPerChunk)
    }

    public func makeAsyncIterator() -> Iterator { Iterator(of: self) }

    public struct Iterator: AsyncIteratorProtocol {
        private let source: CSVTableChunks
        private var blocks: CSVBlocks?
        private var reader: CSVReader?
        private var delimiter: UnicodeScalar = ","
        private var columns: [TableColumn: Int] = [:]
        private var lookups: ImportLookups
        private var cleaner = FieldCleaner()
        /// The record last read; the header is record 1, as `TableImporter.table(csv:)` counts.
        private var line = 0
        private var ended = false

        init(of source: CSVTableChunks) {
            self.source = source
            lookups = ImportLookups(
                resolver: UnitResolver(repository: source.importer.repository), catalogue: source.importer.catalogue)
        }

        public mutating func next() async throws -> BatchChunk? {
            guard !ended else { return nil }
            if blocks == nil { try open() }
            var chunk = BatchChunk(batch: DataBatch())
            var count = 0
            while count < source.rowsPerChunk, let record = try nextRecord() {
                count += 1
                guard var row = cleaner.row(ImportTable.Row(line: line, fields: record), columns: columns) else {
                    continue
                }
                let item = await row.read(lookups: &lookups, document: source.document, enteredBy: source.enteredBy)
                if let item { chunk.batch.add(item, origin: row.origin) }
                chunk.problems += row.problems
            }
            if count < source.rowsPerChunk { ended = true }
            return count == 0 ? nil : chunk
        }

        private mutating func open() throws {
            guard let handle = FileHandle(forReadingAtPath: source.path) else {
                throw StoreError.invalidBatch([BatchProblem(origin: nil, "không đọc được tệp \(source.path).")])
            }
            blocks = CSVBlocks(handle)
            guard let header = try nextRecord() else {
                throw StoreError.invalidBatch([BatchProblem(origin: nil, "tệp trống.")])
            }
            columns = try TableImporter.columns(of: header, at: "dòng 1")
        }

        /// The next record, from the block being read or the next one.
        private mutating func nextRecord() throws -> [String]? {
            while true {
                if let reader, let record = reader.next() {
                    line += 1
                    return record
                }
                if let error = reader?.error {
                    throw StoreError.invalidBatch([
                        BatchProblem(origin: "dòng \(line + 1)", "tệp CSV không đọc được (\(error)).")
                    ])
                }
                guard let text = try blocks?.next(line: line + 1) else { return nil }
                if line == 0 { delimiter = TableImporter.delimiter(ofFirstLineIn: text) }
                reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
            }
        }
    }
}

/// A file's text a block of about a megabyte at a time, each block ending with a line break
/// outside quotes, so that no record is cut in two (a quoted field may hold line breaks; an
/// escaped quote «""» leaves the parity as it was).
struct CSVBlocks {
    private let handle: FileHandle
    private var pending = Data()
    private var atEnd = false
    private var first = true
    static let blockSize = 1 << 20

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next block, nil at the end; `line` (the record the block starts with) places an
    /// encoding error.
    mutating func next(line: Int) throws -> String? {
        while true {
            if let cut = Self.lastBoundary(in: pending) {
                let block = pending.prefix(upTo: cut)
                pending = Data(pending.suffix(from: cut))
                return try text(block, line: line)
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending = Data() }
                return try text(pending, line: line)
            }
            let read = (try? handle.read(upToCount: Self.blockSize)) ?? nil
            if let read, !read.isEmpty { pending.append(read) } else { atEnd = true }
        }
    }

    /// Just after the last line break outside quotes, when there is one.
    static func lastBoundary(in data: Data) -> Data.Index? {
        data.withUnsafeBytes { bytes in
            var quoted = false
            var boundary: Int?
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if byte == UInt8(ascii: "\n"), !quoted {
                    boundary = offset + 1
                }
            }
            return boundary.map { data.startIndex + $0 }
        }
    }

    private mutating func text(_ bytes: Data, line: Int) throws -> String {
        guard var text = String(data: bytes, encoding: .utf8) else {
            throw StoreError.invalidBatch([
                BatchProblem(
                    origin: "từ dòng \(line)", "tệp không phải văn bản UTF-8. Trong Excel, hãy lưu dạng «CSV UTF-8».")
            ])
        }
        if first, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        first = false
        return text
    }
}

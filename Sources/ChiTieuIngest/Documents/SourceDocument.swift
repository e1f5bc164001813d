import ChiTieuCore
import ChiTieuExtract
import ChiTieuOffice
import Foundation

/// A report handed in as a file: a .txt as it is, a .docx as its paragraphs and tables, a .pdf
/// as the text `pdftotext -layout` lays out. The text shown and read is the prose, then each
/// table as lines of cells joined by « | », so that the figures read from a table point at its
/// row as those read from prose point at their sentence.
public struct SourceDocument: Sendable {
    public let name: String
    public let text: String
    /// Where the prose ends, in Unicode scalars of `text`, when tables follow; nil for plain text.
    let proseEnd: Int?
    let tables: [TableText]

    /// A table and where each of its rows is in `text`.
    struct TableText: Sendable {
        let sheet: Sheet
        let rowSpans: [Int: ExtractionResult.Span]
    }

    /// Plain text, with no tables.
    public init(text: String, name: String) {
        self.name = name
        self.text = text
        proseEnd = nil
        tables = []
    }

    init(prose: String, tables sheets: [Sheet], name: String) {
        self.name = name
        var text = prose.precomposedStringWithCanonicalMapping
        proseEnd = text.unicodeScalars.count
        var tables: [TableText] = []
        for sheet in sheets {
            text += "\n\n\(sheet.name)\n"
            var spans: [Int: ExtractionResult.Span] = [:]
            for row in sheet.rows {
                let line = row.cells.compactMap(\.text).joined(separator: " | ").precomposedStringWithCanonicalMapping
                let start = text.unicodeScalars.count
                text += line + "\n"
                spans[row.number] = ExtractionResult.Span(start: start, end: start + line.unicodeScalars.count)
            }
            tables.append(TableText(sheet: sheet, rowSpans: spans))
        }
        self.text = text
        self.tables = tables
    }

    /// The document in `data`, by its first bytes: Word, PDF, else UTF-8 text.
    public static func read(_ data: Data, name: String) throws -> SourceDocument {
        switch FileSignature(data) {
        case .pdf: return SourceDocument(text: try PDFText.read(data, fileName: name), name: name)
        case .zip, .compound:
            let document = try WordDocument(data: data, fileName: name)
            return SourceDocument(prose: document.prose, tables: document.tables, name: name)
        case .other: break
        }
        let bytes = Array(data)
        if let problem = PlainText.problem(bytes) { throw DocumentFileError.unreadable(name, problem) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw DocumentFileError.notUTF8(name) }
        return SourceDocument(text: text, name: name)
    }

    /// What the extractor reads in the prose, with what each table gives as results and plans.
    public func extract(with extractor: Extractor) -> ExtractionResult {
        // A plain text is read as it came: the extractor composes it (NFC) only when it has to.
        let prose = proseEnd.map { String(String.UnicodeScalarView(text.unicodeScalars.prefix($0))) } ?? text
        var result = extractor.extract(prose)
        for table in tables {
            TableFigures(table: table, matcher: extractor.matcher).add(to: &result)
        }
        return result
    }
}

public enum DocumentFileError: UserFacingError, Equatable {
    case unreadable(String, String)
    case notUTF8(String)

    public var message: String {
        switch self {
        case .unreadable(let name, let problem): "Tệp «\(name)» \(problem)."
        case .notUTF8(let name): "Tệp «\(name)» không phải văn bản UTF-8 (.txt), Word (.docx) hay PDF."
        }
    }
}

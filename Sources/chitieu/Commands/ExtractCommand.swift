import ArgumentParser
import ChiTieuCore
import ChiTieuExtract
import ChiTieuIngest
import ChiTieuOffice
import ChiTieuStore
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Đọc báo cáo, tin bài hội nghị (.txt, Word .docx, PDF) thành số liệu có cấu trúc (JSON).",
        discussion: """
            Với mỗi tệp X.txt, ghi DIR/X.json theo lược đồ shared/extraction/SCHEMA.md (đơn vị, kỳ, hội nghị, \
            kết quả chỉ tiêu, bảng tổng hợp, mục tiêu kỳ sau, người dự), kèm mã chỉ tiêu trong danh mục, vị trí câu \
            (span, tính theo ký tự của văn bản dạng NFC) và các phát hiện (năm không hợp lý).
            Tệp Word: đọc các đoạn văn, còn bảng (biểu chỉ tiêu kèm báo cáo) được đọc như bảng với đơn vị và kỳ \
            của văn bản. Tệp PDF: đọc lớp chữ bằng pdftotext (gói poppler-utils); bản quét không có lớp chữ bị từ chối.
            Không có --out: in mỗi văn bản một dòng JSON, có trường "source".
            """)

    @Argument(help: "Các tệp văn bản (UTF-8), Word (.docx) hoặc PDF.")
    var files: [String]

    @Option(help: "Thư mục ghi kết quả.")
    var out: String?

    func run() async throws {
        try await reportingErrors {
            let extractor = Extractor(catalogue: try StandardCatalogue.load(), currentYear: Terminal.currentYear)
            var outputs = try out.map { try ExtractionOutputs(directory: $0) }
            var failures = 0
            for file in FileOperands.all(files) {
                guard let document = SourceFile.readDocument(file) else {
                    failures += 1
                    continue
                }
                let result = document.extract(with: extractor)
                guard outputs != nil else {
                    print(result.json(source: file, pretty: false))
                    continue
                }
                guard let path = outputs?.path(for: file) else {
                    failures += 1
                    continue
                }
                try OutputFile.replace(path, with: result.utf8())
            }
            if failures > 0 { throw ExitCode.failure }
        }
    }
}

/// `DIR/NAME.json` for each report of a run with `--out DIR`.
///
/// The folder is listed once at the start, not asked about each output: over 26.000 reports a
/// `stat` per file cost as much as the reading.
struct ExtractionOutputs {
    let directory: String
    private let existing: Set<String>
    /// Output name → the input that wrote it in this run.
    private var taken: [String: String] = [:]

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        existing = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    }

    /// Nil, with the reason printed, when another input of this run already wrote there
    /// (`a/bao-cao.txt` and `b/bao-cao.txt`); a file left by an earlier run is replaced with a notice.
    mutating func path(for input: String) -> String? {
        let name = SourceFile.stem(of: input) + ".json"
        let path = directory + "/" + name
        if let earlier = taken[name] {
            Terminal.error(
                "Lỗi: \(input) và \(earlier) cùng cho ra \(path); không ghi đè, bỏ qua \(input). Đổi tên một tệp hoặc chạy riêng từng thư mục."
            )
            return nil
        }
        if existing.contains(name) { Terminal.error("Ghi đè tệp có từ trước: \(path).") }
        taken[name] = input
        return path
    }
}

extension SourceFile {
    /// A report file: Word and PDF by their first bytes, anything else as text (`lossyText`).
    /// Nil, with the reason printed, for a file that cannot be read.
    static func readDocument(_ path: String) -> SourceDocument? {
        let name = lastComponent(of: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.error("Lỗi: không đọc được tệp \(path).")
            return nil
        }
        guard FileSignature(data) != .other else {
            return lossyText(data, path: path).map { SourceDocument(text: $0, name: name) }
        }
        do {
            return try SourceDocument.read(data, name: name)
        } catch let error as UserFacingError {
            Terminal.error("Lỗi: \(error.message) Bỏ qua \(path).")
        } catch {
            Terminal.error("Lỗi: không đọc được \(path) (\(error)); bỏ qua.")
        }
        return nil
    }

    /// The file's bytes as text; bytes that are not UTF-8 become U+FFFD with a warning. Nil, with
    /// the reason printed, for a file that is not text (binary).
    static func lossyText(_ data: Data, path: String) -> String? {
        if let problem = PlainText.problem(data) {
            Terminal.error("Lỗi: tệp \(path) \(problem); bỏ qua.")
            return nil
        }
        if let text = String(validating: data, as: UTF8.self) { return text }
        Terminal.error("Cảnh báo: \(path) có byte không phải UTF-8; các byte đó được thay bằng «�».")
        return String(decoding: data, as: UTF8.self)
    }

    /// `bao-cao` for `so-lieu/bao-cao.txt`: the last component without its extension (a leading
    /// dot is part of the name, as `URL` has it: `.an` stays `.an`).
    static func stem(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `bao-cao.txt` for `so-lieu/bao-cao.txt` and for `so-lieu/bao-cao.txt/`.
    static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed.count > 1 else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}

extension Terminal {
    /// The one clock of the command line: results "in the future", default periods, stamps.
    static let clock = WallClock.system
    static var currentYear: Int { clock.year }
}

import ArgumentParser
import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Đọc báo cáo, tin bài hội nghị (.txt) thành số liệu có cấu trúc (JSON).",
        discussion: """
            Với mỗi tệp X.txt, ghi DIR/X.json theo lược đồ shared/extraction/SCHEMA.md (đơn vị, kỳ, hội nghị, \
            kết quả chỉ tiêu, bảng tổng hợp, mục tiêu kỳ sau, người dự), kèm mã chỉ tiêu trong danh mục, vị trí câu \
            (span, tính theo ký tự của văn bản dạng NFC) và các phát hiện (năm không hợp lý).
            Không có --out: in mỗi văn bản một dòng JSON, có trường "source".
            """)

    @Argument(help: "Các tệp văn bản (UTF-8).")
    var files: [String]

    @Option(help: "Thư mục ghi kết quả.")
    var out: String?

    func run() async throws {
        try await reportingErrors {
            let extractor = Extractor(catalogue: try StandardCatalogue.load(), currentYear: Terminal.currentYear)
            if let out {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            }
            var failures = 0
            for file in files {
                guard let text = SourceFile.readLossy(file) else {
                    Terminal.error("Lỗi: không đọc được tệp \(file).")
                    failures += 1
                    continue
                }
                let result = extractor.extract(text)
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                if let out {
                    let path = URL(fileURLWithPath: out).appendingPathComponent(name + ".json").path
                    guard FileManager.default.createFile(atPath: path, contents: Data(try result.json().utf8)) else {
                        throw UsageError(message: "Không ghi được tệp \(path).")
                    }
                } else {
                    print(try result.json(source: file, pretty: false))
                }
            }
            if failures > 0 { throw ExitCode.failure }
        }
    }
}

extension SourceFile {
    /// The file as text; bytes that are not UTF-8 become U+FFFD with a warning.
    static func readLossy(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        if let text = String(data: data, encoding: .utf8) { return text }
        Terminal.error("Cảnh báo: \(path) có byte không phải UTF-8; các byte đó được thay bằng «�».")
        return String(decoding: data, as: UTF8.self)
    }
}

extension Terminal {
    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}

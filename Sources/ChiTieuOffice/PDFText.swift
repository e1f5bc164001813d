import Foundation

/// The text of a PDF file, laid out by poppler's `pdftotext -layout` (Debian's poppler-utils):
/// the package set has no PDF reader, and a text layer is what offices' exported reports have.
public enum PDFText {
    /// The places `pdftotext` is looked for, in order.
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    public static func read(_ data: Data, fileName: String) throws(OfficeFileError) -> String {
        guard data.starts(with: Array("%PDF-".utf8)) else { throw .notAPDF(fileName) }
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile) else {
            throw .missingTool("pdftotext", package: "poppler-utils")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chitieu-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf")
        let output = directory.appendingPathComponent("out.txt")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-layout", "-enc", "UTF-8", "-q", input.path, output.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                // pdftotext exits 1 for a damaged file, 3 for a password it does not have
                throw process.terminationStatus == 3
                    ? OfficeFileError.compoundFile(fileName)
                    : OfficeFileError.damaged(fileName, "pdftotext không đọc được tệp")
            }
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
                .replacingOccurrences(of: "\u{0C}", with: "\n")
            guard text.contains(where: { $0.isLetter }) else { throw OfficeFileError.scannedPDF(fileName) }
            return text.precomposedStringWithCanonicalMapping
        } catch let error as OfficeFileError {
            throw error
        } catch {
            throw .damaged(fileName, "không đọc được (\(error.localizedDescription))")
        }
    }
}

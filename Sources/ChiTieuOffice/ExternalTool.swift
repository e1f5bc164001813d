import Foundation

/// A program chitieu reads a format through: poppler's `pdftotext` for PDF, LibreOffice for the
/// 97–2003 binary formats. Looked for in the usual places, run without a shell and stopped when
/// it runs past its time (a program that waits on a dialog must not hold a request forever).
struct ExternalTool: Sendable {
    let name: String
    /// The Debian package that installs it, for the message when it is missing.
    let package: String
    let candidates: [String]

    static let pdftotext = ExternalTool(
        name: "pdftotext", package: "poppler-utils",
        candidates: ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"])

    static let libreOffice = ExternalTool(
        name: "LibreOffice", package: "libreoffice-calc-nogui libreoffice-writer-nogui",
        candidates: [
            "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice",
            "/opt/homebrew/bin/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ])

    var path: String? { candidates.first(where: FileManager.default.isExecutableFile) }

    /// Runs the tool with `arguments`; its exit status, or nil when it ran past `limit` seconds
    /// and was stopped.
    func run(_ arguments: [String], limit: TimeInterval) throws -> Int32? {
        guard let path else { throw OfficeFileError.missingTool(name, package: package) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        guard finished.wait(timeout: .now() + limit) == .success else {
            process.terminate()
            finished.wait()
            return nil
        }
        return process.terminationStatus
    }
}

/// A scratch folder for a tool's input and output, removed when the work is done.
struct ScratchFolder {
    let url: URL

    init(_ purpose: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

import Foundation

/// Where a command's document goes: the file named by `--out`, or standard output.
enum OutputFile {
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw UsageError(message: "Không ghi được tệp \(path).")
        }
        Terminal.error("Đã ghi \(path).")
    }
}

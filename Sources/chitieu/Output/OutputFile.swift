import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a command's document goes: the file named by `--out`, or standard output.
enum OutputFile {
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        try replace(path, with: data)
        Terminal.error("Đã ghi \(path).")
    }

    /// Writes `data` beside `path` and renames it into place, so that a run stopped halfway
    /// leaves the old file or the new one, never half of one. Without the `fsync` that
    /// `Data.write(options: .atomic)` adds: `chitieu extract` writes one file per report, and
    /// 26.000 syncs cost more than reading the reports; an output is made again by running again.
    static func replace(_ path: String, with data: some ContiguousBytes) throws {
        let partial = path + ".partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw UsageError(message: "Không ghi được tệp \(path).") }
        let written = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, rename(partial, path) == 0 else {
            unlink(partial)
            throw UsageError(message: "Không ghi được tệp \(path).")
        }
    }
}

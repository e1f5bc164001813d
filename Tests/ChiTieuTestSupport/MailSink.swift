import Foundation

/// A real SMTP server on loopback for a test (`scripts/mail-sink.py`: aiosmtpd from PyPI, or a
/// misbehaving one), stopped when the test's closure ends, even when it throws.
public struct MailSink: Sendable {
    public enum Mode: String, Sendable {
        case accept, refuse, busy, drop, silent
    }

    public let port: Int
    /// The certificate it presents with `tls`, for the client to trust.
    public let caFile: String?
    public let folder: URL

    /// Whether the tests that need it can run: python3 with aiosmtpd here. CI sets
    /// `CHITIEU_REQUIRE_MAIL_SINK=1` so that a missing aiosmtpd fails them instead.
    public static let isAvailable: Bool = {
        if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_MAIL_SINK"] == "1" { return true }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import aiosmtpd"]
        probe.standardError = FileHandle.nullDevice
        probe.standardOutput = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/mail-sink.py")
    }

    /// Runs `body` with a sink in `mode`; `auth` as «user:password».
    public static func with<T>(
        _ mode: Mode = .accept, tls: Bool = false, auth: String? = nil, host: String = "127.0.0.1",
        _ body: (MailSink) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-sink-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, folder.path, "--mode", mode.rawValue] + (tls ? ["--tls"] : [])
            + (auth.map { ["--auth", $0] } ?? []) + ["--host", host]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        do {
            let line = readLine(out.fileHandleForReading)
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "READY", let port = Int(words[1]) else {
                throw SinkError(message: "mail-sink.py did not start: «\(line)»")
            }
            let sink = MailSink(port: port, caFile: words[2] == "-" ? nil : String(words[2]), folder: folder)
            let result = try await body(sink)
            await stop(process, folder)
            return result
        } catch {
            await stop(process, folder)
            throw error
        }
    }

    /// SIGKILL, not SIGTERM: a child spawned from a test thread can inherit a mask that blocks
    /// SIGTERM, and Foundation's `waitUntilExit` spins a core while it waits on Linux.
    private static func stop(_ process: Process, _ folder: URL) async {
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The messages it has taken, in order, as text (headers and the body as sent).
    public func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Waits up to `seconds` for `count` messages.
    public func waitForMessages(_ count: Int, seconds: Double = 10) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while messages().count < count, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        return messages()
    }

    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while true {
            let next = handle.readData(ofLength: 1)
            guard let byte = next.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    struct SinkError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// The parts of a mail a test reads: headers by name, the body decoded from base64.
public struct ReceivedMail: Sendable {
    public let headers: [String: String]
    public let body: String

    public init(_ text: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalised.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        var last: String?
        for line in parts[0].split(separator: "\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let key = last {
                headers[key, default: ""] += String(line.dropFirst())
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].lowercased()
                headers[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = key
            }
        }
        self.headers = headers
        let raw = parts.dropFirst().joined(separator: "\n").replacingOccurrences(of: "\n", with: "")
        body = Data(base64Encoded: raw).flatMap { String(data: $0, encoding: .utf8) } ?? raw
    }

    /// `Subject:` with its encoded words decoded.
    public var subject: String { Self.decodeWords(headers["subject"] ?? "") }
    public var envelopeTo: String { headers["x-envelope-to"] ?? "" }

    static func decodeWords(_ text: String) -> String {
        let pattern = /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/
        var out = ""
        for match in text.matches(of: pattern) {
            out += Data(base64Encoded: String(match.1)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        }
        return out.isEmpty ? text : out
    }
}

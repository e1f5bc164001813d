import ChiTieuCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one mail per connection over SMTP (RFC 5321): greeting, EHLO, STARTTLS when offered,
/// AUTH when there are credentials, MAIL/RCPT/DATA, QUIT. Written here on SwiftNIO because the
/// package set has no SMTP client; a notice every few minutes needs no pipelining or pooling.
public struct SMTPClient: MailTransport {
    public let settings: SMTPSettings
    let group: any EventLoopGroup

    public init(settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = group
    }

    public func send(_ mail: QueuedMessage) async throws {
        let message = MailMessage(
            from: settings.sender, fromName: settings.senderName, to: mail.recipient, subject: mail.subject,
            body: mail.body, date: mail.date, messageID: mail.messageID)
        var session = try await SMTPSession.open(settings: settings, group: group)
        do {
            try await session.deliver(message)
            await session.quit()
        } catch {
            await session.close()
            throw error
        }
    }
}

/// One connection's dialogue.
private struct SMTPSession {
    let channel: any Channel
    let settings: SMTPSettings
    var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator
    /// The EHLO keywords and their parameters: «STARTTLS» → [], «AUTH» → [«LOGIN», «PLAIN»].
    var extensions: [String: [String]] = [:]
    var encrypted = false

    static func open(settings: SMTPSettings, group: any EventLoopGroup) async throws -> SMTPSession {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let idle = TimeAmount.seconds(settings.timeout.components.seconds)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group).connectTimeout(idle)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            SMTPReplyReader(replies: continuation, timeout: idle))
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPError.connectionFailed("\(settings.host):\(settings.port) — \(error)")
        }
        var session = SMTPSession(channel: channel, settings: settings, replies: stream.makeAsyncIterator())
        do {
            try await session.expect(220, after: nil, command: "lời chào")
            try await session.hello()
        } catch {
            await session.close()
            throw error
        }
        return session
    }

    mutating func deliver(_ message: MailMessage) async throws {
        try await expect(250, after: "MAIL FROM:<\(message.from.value)>", command: "MAIL FROM")
        try await expect([250, 251], after: "RCPT TO:<\(message.to.value)>", command: "RCPT TO")
        try await expect(354, after: "DATA", command: "DATA")
        try await expect(250, raw: message.wireText() + ".\r\n", command: "nội dung thư")
    }

    mutating func quit() async {
        _ = try? await exchange("QUIT")
        await close()
    }

    func close() async {
        try? await channel.close()
    }

    // MARK: the opening

    private mutating func hello() async throws {
        try await ehlo()
        if extensions["STARTTLS"] != nil {
            try await expect(220, after: "STARTTLS", command: "STARTTLS")
            try await startTLS()
            try await ehlo()
        }
        guard let username = settings.username else { return }
        guard encrypted || settings.isLoopback else { throw SMTPError.wouldSendPasswordInClear }
        try await authenticate(username, settings.password ?? "")
    }

    private mutating func ehlo() async throws {
        let name = "chitieu.local"
        var reply = try await exchange("EHLO \(name)")
        if reply.code >= 500 {
            reply = try await exchange("HELO \(name)")
        }
        guard reply.code == 250 else { throw SMTPError.rejected(command: "EHLO", code: reply.code, text: reply.text) }
        extensions = Dictionary(
            reply.lines.dropFirst().compactMap { line in
                let words = line.uppercased().split(separator: " ").map(String.init)
                return words.first.map { ($0, Array(words.dropFirst())) }
            }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func startTLS() async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedCAFile { configuration.trustRoots = .file(file) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.connectionFailed("không đọc được chứng chỉ \(settings.trustedCAFile ?? ""): \(error)")
        }
        let host = settings.host
        let isAddress = host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        let channel = channel
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
        encrypted = true
    }

    private mutating func authenticate(_ username: String, _ password: String) async throws {
        let mechanisms = extensions["AUTH"] ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
            try await expect(235, after: "AUTH PLAIN \(token)", command: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try await expect(334, after: "AUTH LOGIN", command: "AUTH LOGIN")
            try await expect(334, after: Data(username.utf8).base64EncodedString(), command: "AUTH LOGIN")
            try await expect(235, after: Data(password.utf8).base64EncodedString(), command: "AUTH LOGIN")
        } else {
            throw SMTPError.noAuthentication
        }
    }

    // MARK: the exchange

    private mutating func expect(
        _ codes: Set<Int>, after line: String?, command: String
    ) async throws {
        let reply = try await exchange(line)
        guard codes.contains(reply.code) else {
            throw SMTPError.rejected(command: command, code: reply.code, text: reply.text)
        }
    }

    private mutating func expect(_ code: Int, after line: String?, command: String)
        async throws
    {
        try await expect([code], after: line, command: command)
    }

    private mutating func expect(_ code: Int, raw text: String, command: String) async throws {
        try await write(text)
        let reply = try await nextReply()
        guard reply.code == code else { throw SMTPError.rejected(command: command, code: reply.code, text: reply.text) }
    }

    private mutating func exchange(_ line: String?) async throws -> SMTPReply {
        if let line { try await write(line + "\r\n") }
        return try await nextReply()
    }

    private func write(_ text: String) async throws {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(string: text))
        } catch {
            throw SMTPError.connectionClosed
        }
    }

    private mutating func nextReply() async throws -> SMTPReply {
        guard let reply = try await replies.next() else { throw SMTPError.connectionClosed }
        return reply
    }
}

import NIOCore

/// One reply of the server: «250-SIZE …» lines gathered up to the line with a space after the
/// code.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }
}

/// Turns the bytes from the server into replies on an async stream, and ends the stream with
/// the reason when the server closes the connection, does not answer in time or sends
/// something that is not SMTP.
///
/// The clock runs only while an answer is owed: from the connection (the greeting) or from a
/// command written until its reply. A client that is slow to write its next command (a busy
/// process) is not a silent server.
final class SMTPReplyReader: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var pending = ByteBuffer()
    private var lines: [String] = []
    /// A reply line is at most 512 bytes (RFC 5321 §4.5.3.1.5); this much without a line end is
    /// not a mail server.
    private static let longestLine = 8192

    init(replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation, timeout: TimeAmount) {
        self.replies = replies
        self.timeout = timeout
    }

    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        startClock(context)
        context.write(data, promise: promise)
    }

    private func startClock(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            let (reader, context) = loopBound.value
            reader.fail(SMTPError.timedOut, context: context)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        pending.writeBuffer(&bytes)
        while let end = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            guard var bytes = pending.readBytes(length: end - pending.readerIndex + 1) else { break }
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
            let line = String(decoding: bytes, as: UTF8.self)
            guard read(line) else {
                fail(SMTPError.protocolViolation(line), context: context)
                return
            }
        }
        if pending.readableBytes > Self.longestLine {
            fail(SMTPError.protocolViolation("dòng trả lời dài quá \(Self.longestLine) byte"), context: context)
        }
        pending.discardReadBytes()
    }

    /// Adds a line to the reply being read; false when it is not a reply line.
    private func read(_ line: String) -> Bool {
        let scalars = Array(line.utf8)
        guard scalars.count >= 3, let code = Int(String(decoding: scalars[0..<3], as: UTF8.self)), code >= 200,
            code < 600
        else { return false }
        let separator = scalars.count > 3 ? scalars[3] : UInt8(ascii: " ")
        lines.append(scalars.count > 4 ? String(decoding: scalars[4...], as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") { return true }
        guard separator == UInt8(ascii: " ") else { return false }
        deadline?.cancel()
        deadline = nil
        replies.yield(SMTPReply(code: code, lines: lines))
        lines = []
        return true
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        replies.finish(throwing: SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(SMTPError.connectionFailed("\(error)"), context: context)
    }

    private func fail(_ error: SMTPError, context: ChannelHandlerContext) {
        replies.finish(throwing: error)
        context.close(promise: nil)
    }
}

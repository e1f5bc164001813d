import ChiTieuCore
import Foundation

/// A mail ready for the wire: what the outbox holds plus its date and message ID.
public struct QueuedMessage: Sendable, Equatable {
    public var recipient: MailAddress
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String

    public init(recipient: MailAddress, subject: String, body: String, date: Date, messageID: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }
}

/// What sends a mail: SMTP in service, something that records in tests of the sender's rules.
/// Throws `SMTPError` (or any error, taken as temporary) when the mail did not go.
public protocol MailTransport: Sendable {
    func send(_ mail: QueuedMessage) async throws
}

import ChiTieuCore
import ChiTieuMail

/// Notices by e-mail, when the server has a mail server (`CHITIEU_SMTP_URL`); without one
/// nothing is queued and nothing sent, and the pages work as before.
public struct NoticeSettings: Sendable {
    public var transport: any MailTransport
    /// The address people open chitieu at («https://chitieu.kongchro.gialai.gov.vn»): the
    /// links in the mails start with it.
    public var publicURL: String
    /// The domain of the message IDs: the sender's.
    public var senderDomain: String
    /// The hour (in Vietnam) after which the day's digest of overdue items is queued.
    public var digestHour: Int
    /// How often the outbox is looked at.
    public var interval: Duration
    public var retries: RetrySchedule

    public init(
        transport: any MailTransport, publicURL: String, senderDomain: String, digestHour: Int = 7,
        interval: Duration = .seconds(10), retries: RetrySchedule = .standard
    ) {
        self.transport = transport
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.senderDomain = senderDomain
        self.digestHour = digestHour
        self.interval = interval
        self.retries = retries
    }
}

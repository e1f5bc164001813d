import ChiTieuCore
import Foundation

/// One mail as it goes on the wire (RFC 5322 with MIME): UTF-8 text in base64, so Vietnamese
/// arrives intact through any relay, and the subject and the sender's name as RFC 2047 encoded
/// words, each under 76 characters as the RFC asks («Yêu cầu giải trình: …» is 40 bytes of
/// UTF-8 for 30 letters).
struct MailMessage {
    var from: MailAddress
    var fromName: String
    var to: MailAddress
    var subject: String
    var body: String
    var date: Date
    /// The same for every attempt at one outbox row, so a mail a server took twice is one mail
    /// to the reader's client.
    var messageID: String

    /// The message with CRLF line ends and leading dots doubled, without the final «.».
    func wireText() -> String {
        let headers = [
            "From: \(Self.encodedWords(fromName)) <\(from.value)>",
            "To: <\(to.value)>",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        let normalised = body.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalised.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let lines = headers + [""] + encoded.components(separatedBy: "\r\n")
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, folded onto continuation lines; plain
    /// ASCII as it is. Never splits a letter's bytes between two words.
    static func encodedWords(_ text: String) -> String {
        let text = text.precomposedStringWithCanonicalMapping
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && text.count < 70 { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            // 45 bytes of UTF-8 make 60 characters of base64: with «=?UTF-8?B?» and «?=», 72.
            if chunk.utf8.count + character.utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}

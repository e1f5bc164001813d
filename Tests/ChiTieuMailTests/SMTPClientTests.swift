import ChiTieuCore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuMail

/// The client against a real SMTP server on loopback (aiosmtpd, started by the test), and
/// against servers that refuse, are busy, drop the connection or never answer.
@Suite(.enabled(if: MailSink.isAvailable, "needs python3 with aiosmtpd (pip install aiosmtpd)"))
struct SMTPClientTests {
    let sender = try! MailAddress("chitieu@kongchro.gialai.gov.vn")
    let to = try! MailAddress("canbo@yangtrung.gov.vn")

    func message(_ subject: String = "Yêu cầu giải trình: Thu ngân sách — Xã Yang Trung") -> QueuedMessage {
        QueuedMessage(
            recipient: to, subject: subject, body: "Kính gửi cán bộ,\n.Hạn giải trình: 15/10/2026.\n",
            date: Date(timeIntervalSince1970: 1_791_600_000), messageID: "chitieu-outbox-1@kongchro.gialai.gov.vn")
    }

    /// Ten seconds: the server tests hash passwords on every core beside these, and a reply
    /// read late is not a silent server. Only `aSilentServerTimesOut` waits less.
    func client(
        _ sink: MailSink, user: String? = nil, password: String? = nil, host: String = "127.0.0.1",
        timeout: Duration = .seconds(10)
    ) -> SMTPClient {
        SMTPClient(
            settings: SMTPSettings(
                host: host, port: sink.port, username: user, password: password, sender: sender,
                trustedCAFile: sink.caFile, timeout: timeout))
    }

    @Test func deliversAVietnameseMailThatArrivesIntact() async throws {
        try await MailSink.with(.accept) { sink in
            try await client(sink).send(message())
            let mails = try await sink.waitForMessages(1).map(ReceivedMail.init)
            #expect(mails.count == 1)
            #expect(mails.first?.subject == "Yêu cầu giải trình: Thu ngân sách — Xã Yang Trung")
            #expect(mails.first?.body == "Kính gửi cán bộ,\r\n.Hạn giải trình: 15/10/2026.\r\n")
            #expect(mails.first?.envelopeTo == "canbo@yangtrung.gov.vn")
        }
    }

    @Test func usesSTARTTLSAndAuthenticatesOverIt() async throws {
        try await MailSink.with(.accept, tls: true, auth: "vanphong:mật-khẩu-thư") { sink in
            try await client(sink, user: "vanphong", password: "mật-khẩu-thư", host: "localhost").send(message())
            #expect(try await sink.waitForMessages(1).count == 1)
        }
    }

    @Test func aWrongPasswordIsAPermanentRefusal() async throws {
        try await MailSink.with(.accept, tls: true, auth: "vanphong:dung") { sink in
            let error = await #expect(throws: SMTPError.self) {
                try await client(sink, user: "vanphong", password: "sai", host: "localhost").send(message())
            }
            #expect(error?.isPermanent == true, "\(String(describing: error))")
            #expect(sink.messages().isEmpty)
        }
    }

    @Test func aServerWithoutTLSNeverGetsThePasswordUnlessOnThisMachine() async throws {
        try await MailSink.with(.refuse, host: "0.0.0.0") { sink in
            let remote = SMTPClient(
                settings: SMTPSettings(
                    host: "127.0.0.2", port: sink.port, username: "u", password: "p", sender: sender,
                    timeout: .seconds(10)))
            await #expect(throws: SMTPError.wouldSendPasswordInClear) { try await remote.send(message()) }
        }
    }

    @Test func aRefusedRecipientIsPermanent() async throws {
        try await MailSink.with(.refuse) { sink in
            await #expect(throws: SMTPError.rejected(command: "RCPT TO", code: 550, text: "5.1.1 No such mailbox")) {
                try await client(sink).send(message())
            }
        }
    }

    @Test func aBusyServerIsTemporary() async throws {
        try await MailSink.with(.busy) { sink in
            let error = await #expect(throws: SMTPError.self) { try await client(sink).send(message()) }
            #expect(error == .rejected(command: "lời chào", code: 421, text: "4.3.2 Service not available, try later"))
            #expect(error?.isPermanent == false)
        }
    }

    @Test func aDroppedConnectionIsTemporary() async throws {
        try await MailSink.with(.drop) { sink in
            await #expect(throws: SMTPError.connectionClosed) { try await client(sink).send(message()) }
        }
    }

    @Test func aSilentServerTimesOut() async throws {
        try await MailSink.with(.silent) { sink in
            let started = Date()
            await #expect(throws: SMTPError.timedOut) { try await client(sink, timeout: .seconds(2)).send(message()) }
            #expect(Date().timeIntervalSince(started) >= 2)
        }
    }

    @Test func noServerListeningIsTemporary() async throws {
        let port = try await MailSink.with(.busy) { $0.port }
        let closed = SMTPClient(
            settings: SMTPSettings(host: "127.0.0.1", port: port, sender: sender, timeout: .seconds(10)))
        let error = await #expect(throws: SMTPError.self) { try await closed.send(message()) }
        #expect(error?.isPermanent == false)
    }
}

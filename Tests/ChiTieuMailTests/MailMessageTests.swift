import ChiTieuCore
import ChiTieuTestSupport
import Foundation
import Testing

@testable import ChiTieuMail

@Suite struct MailMessageTests {
    let message = MailMessage(
        from: try! MailAddress("chitieu@kongchro.gialai.gov.vn"), fromName: "Hệ thống theo dõi chỉ tiêu",
        to: try! MailAddress("vanphong@yangtrung.gov.vn"),
        subject: "Yêu cầu giải trình: Thu ngân sách nhà nước trên địa bàn — Xã Yang Trung, 9 tháng năm 2026",
        body: "Kính gửi cán bộ,\n.dòng bắt đầu bằng dấu chấm\nHạn giải trình: 15/10/2026.",
        date: Date(timeIntervalSince1970: 1_791_600_000), messageID: "chitieu-outbox-7@kongchro.gialai.gov.vn")

    @Test func subjectIsEncodedWordsUnder76CharactersThatDecodeBack() {
        let text = message.wireText()
        let mail = ReceivedMail(text)
        #expect(mail.subject == message.subject)
        let subjectLines = text.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subjectLines.count > 1)
        for line in subjectLines {
            let word = line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
            #expect(word.count <= 75, "\(word)")
        }
    }

    @Test func bodyIsBase64OfTheNFCTextWithCRLF() {
        let decomposed = MailMessage(
            from: message.from, fromName: "x", to: message.to, subject: "s",
            body: "Ke\u{302}\u{301} hoa\u{323}ch\nhai", date: message.date, messageID: "m@x")
        let mail = ReceivedMail(decomposed.wireText())
        #expect(mail.body == "Kế hoạch\r\nhai")
        #expect(mail.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(mail.headers["message-id"] == "<m@x>")
    }

    @Test func headersNameSenderRecipientAndDateInVietnamTime() {
        let mail = ReceivedMail(message.wireText())
        #expect(mail.headers["to"] == "<vanphong@yangtrung.gov.vn>")
        #expect(mail.headers["from"]?.hasSuffix("<chitieu@kongchro.gialai.gov.vn>") == true)
        #expect(mail.headers["date"] == "Sat, 10 Oct 2026 09:40:00 +0700")
    }

    @Test func everyLineOfTheWireTextEndsInCRLFAndNoneIsALoneDot() {
        let text = message.wireText()
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.components(separatedBy: "\r\n").contains("."))
    }

    @Test func plainASCIISubjectStaysAsItIs() {
        #expect(MailMessage.encodedWords("Test") == "Test")
    }
}

@Suite struct SMTPSettingsTests {
    let sender = try! MailAddress("chitieu@ubnd.gov.vn")

    @Test func readsUserPasswordHostPortAndCA() throws {
        let s = try SMTPSettings(
            url: "smtp://van%20phong:m%40t-kh%E1%BA%A9u@mail.ubnd.gov.vn:587?ca=/etc/ca.pem", sender: sender)
        #expect(s.host == "mail.ubnd.gov.vn")
        #expect(s.port == 587)
        #expect(s.username == "van phong")
        #expect(s.password == "m@t-khẩu")
        #expect(s.trustedCAFile == "/etc/ca.pem")
        #expect(s.shown == "smtp://van phong:***@mail.ubnd.gov.vn:587")
    }

    @Test func defaultsToPort25WithoutCredentials() throws {
        let s = try SMTPSettings(url: "smtp://127.0.0.1", sender: sender)
        #expect(s.port == 25 && s.username == nil && s.isLoopback)
    }

    @Test func refusesOtherSchemesAndHidesThePasswordInTheMessage() {
        #expect(throws: MailSettingsError.self) { try SMTPSettings(url: "http://mail.gov.vn", sender: sender) }
        do {
            _ = try SMTPSettings(url: "smtps://u:secret@mail.gov.vn", sender: sender)
            Issue.record("accepted smtps")
        } catch {
            #expect(!error.message.contains("secret"))
            #expect(error.message.contains("smtp://tên:mật-khẩu@máy-chủ:cổng"))
        }
    }

    @Test func retryScheduleWaitsLongerEachTimeThenGivesUp() {
        let r = RetrySchedule.standard
        #expect(r.delay(afterAttempts: 1) == .seconds(60))
        #expect(r.delay(afterAttempts: 6) == .seconds(12 * 3600))
        #expect(r.delay(afterAttempts: 7) == nil)
        #expect(r.delay(afterAttempts: 0) == nil)
    }
}

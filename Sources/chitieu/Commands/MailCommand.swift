import ArgumentParser
import ChiTieuCore
import ChiTieuMail
import ChiTieuServer
import ChiTieuStore
import Foundation

/// The mail settings from the environment, read here and nowhere else:
/// `CHITIEU_SMTP_URL` (none: no mail), `CHITIEU_MAIL_FROM`, `CHITIEU_PUBLIC_URL`, and
/// `CHITIEU_MAIL_INTERVAL` (seconds between looks at the outbox, 10 by default).
struct MailEnvironment {
    var environment = ProcessInfo.processInfo.environment

    /// The SMTP settings, nil when `CHITIEU_SMTP_URL` is unset or empty.
    func smtp() throws -> SMTPSettings? {
        guard let url = environment["CHITIEU_SMTP_URL"], !url.isEmpty else { return nil }
        let host = URLComponents(string: url)?.host ?? ""
        let fallback = host.contains(".") && !host.allSatisfy({ $0.isNumber || $0 == "." }) ? host : "localhost"
        let sender: MailAddress
        do {
            sender = try MailAddress(
                environment["CHITIEU_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "chitieu@\(fallback)")
        } catch {
            throw UsageError(message: "CHITIEU_MAIL_FROM: \(error.message)")
        }
        return try SMTPSettings(url: url, sender: sender)
    }

    /// The notices of a server listening at `host:port`, nil without a mail server.
    func notices(host: String, port: Int) throws -> NoticeSettings? {
        guard let smtp = try smtp() else { return nil }
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host
        let url = environment["CHITIEU_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://\(shown):\(port)"
        let interval = environment["CHITIEU_MAIL_INTERVAL"].flatMap(Int.init) ?? 10
        guard (1...3600).contains(interval) else {
            throw UsageError(message: "CHITIEU_MAIL_INTERVAL phải là số giây từ 1 đến 3600.")
        }
        return NoticeSettings(
            transport: SMTPClient(settings: smtp), publicURL: url, senderDomain: smtp.sender.domain,
            interval: .seconds(interval))
    }
}

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Thư báo: xem hộp thư đi, gửi thử một thư.",
        discussion: """
            Máy chủ thư đặt bằng biến môi trường CHITIEU_SMTP_URL=smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS khi máy chủ hỗ trợ),
            địa chỉ gửi CHITIEU_MAIL_FROM, địa chỉ trang web trong thư CHITIEU_PUBLIC_URL. Không đặt CHITIEU_SMTP_URL thì không gửi thư.
            """,
        subcommands: [MailStatusCommand.self, MailTestCommand.self])
}

struct MailStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Hộp thư đi: số thư chờ gửi, đã gửi, không gửi được và lý do.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            let smtp = try MailEnvironment().smtp()
            print("Máy chủ thư: \(smtp.map { "\($0.shown), gửi từ \($0.sender)" } ?? "chưa đặt (CHITIEU_SMTP_URL)")")
            try await store.withRepository { repository in
                let summary = try await repository.outboxSummary()
                print("Chờ gửi: \(summary.waiting) · đã gửi: \(summary.sent) · không gửi được: \(summary.failed)")
                for failure in summary.recentFailures {
                    print("  \(failure.recipient)\t«\(failure.subject)»\t\(failure.error)")
                }
            }
        }
    }
}

struct MailTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Gửi ngay một thư thử tới ADDRESS qua máy chủ thư đã đặt (không qua hộp thư đi)."
    )

    @Argument(help: "Địa chỉ nhận thư thử.")
    var address: String

    func run() async throws {
        try await reportingErrors {
            let to = try MailAddress.forCommandLine(address)
            guard let smtp = try MailEnvironment().smtp() else {
                throw UsageError(message: "Chưa đặt máy chủ thư: CHITIEU_SMTP_URL=smtp://tên:mật-khẩu@máy-chủ:cổng.")
            }
            let clock = WallClock.system
            try await SMTPClient(settings: smtp).send(
                QueuedMessage(
                    recipient: to, subject: "Thư thử của hệ thống theo dõi chỉ tiêu",
                    body: "Máy chủ thư \(smtp.shown) gửi được thư báo của chitieu.\n",
                    date: clock.now(),
                    messageID: "chitieu-test-\(Int(clock.now().timeIntervalSince1970))@\(smtp.sender.domain)"))
            print("Đã gửi thư thử tới \(to) qua \(smtp.shown).")
        }
    }
}

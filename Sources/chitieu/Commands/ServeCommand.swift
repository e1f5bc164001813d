import ArgumentParser
import ChiTieuServer
import ChiTieuStore
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy ứng dụng web: tổng quan, nhập số liệu, kế hoạch, nhập từ văn bản, so sánh, báo cáo.",
        discussion: "Mở địa chỉ in ra trên trình duyệt. Dừng bằng Ctrl+C.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Địa chỉ lắng nghe.")
    var host = "127.0.0.1"

    @Option(help: "Cổng lắng nghe.")
    var port = 8080

    @Flag(help: "Nạp dữ liệu minh họa nếu cơ sở dữ liệu chưa có.")
    var demo = false

    @Option(
        help:
            "Mức nhật ký (ra stderr): info ghi mỗi yêu cầu một dòng; warning chỉ ghi lỗi. Một trong: trace, debug, info, notice, warning, error, critical."
    )
    var logLevel: Logger.Level = .info

    @Flag(help: "Ai cũng xem được mọi trang mà không cần đăng nhập (chỉ xem). Mặc định bật cùng --demo.")
    var publicRead = false

    @Flag(
        help:
            "Cookie chỉ gửi qua HTTPS (khi chạy sau một proxy TLS). Sau --trusted-proxy thì tự bật khi proxy báo HTTPS."
    )
    var secureCookies = false

    @Option(
        name: .customLong("trusted-proxy"),
        help: "Địa chỉ IP của proxy ngược được tin (nhiều lần được): lấy địa chỉ người dùng từ X-Forwarded-For của nó.")
    var trustedProxies: [String] = []

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("Cổng phải từ 1 đến 65535, nhận được \(port).") }
    }

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                try await repository.ensureCatalogue()
                if demo, try await !DemoDataSet.isLoaded(in: repository) {
                    try await repository.ensureRegistry()
                    let summary = try await repository.save(DemoDataSet.batch())
                    say("Đã nạp dữ liệu minh họa: \(summary.sentence)")
                }
                let configuration = ServerConfiguration(
                    host: host, port: port, logLevel: logLevel,
                    clock: Terminal.clock,
                    publicReading: publicRead || demo, secureCookies: secureCookies,
                    trustedProxies: Set(trustedProxies), notices: try MailEnvironment().notices(host: host, port: port))
                if try await repository.units(code: "01").isEmpty {
                    say("Cơ sở dữ liệu chưa có danh mục đơn vị hành chính: chạy «chitieu migrate» để nạp.")
                }
                if try await repository.users().isEmpty, !configuration.publicReading {
                    say("Chưa có người dùng nào: tạo quản trị viên đầu tiên bằng")
                    say("  chitieu user add TÊN --role admin --password-stdin")
                }
                if configuration.notices == nil {
                    say("Không gửi thư báo: chưa đặt máy chủ thư (CHITIEU_SMTP_URL).")
                }
                let app = try await buildApplication(repository: repository, configuration: configuration)
                say("chitieu đang chạy trên \(repository.database.location).")
                say("Mở trình duyệt tại: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/")
                try await app.runService()
            }
        }
    }
}

/// Writes a line at once, unbuffered: a script that starts the server waits for these lines.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

import ArgumentParser
import ChiTieuCore
import ChiTieuServer
import ChiTieuStore

/// The account a command acts on, looked up by name as sign-in does.
private func account(named name: String, in repository: SQLRepository) async throws -> UserAccount {
    guard let found = try await repository.credentials(name: name) else {
        throw UsageError(message: "Không có người dùng «\(name)».")
    }
    return found.user
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Đặt lại mật khẩu (đọc từ đầu vào chuẩn); mọi phiên đăng nhập của người dùng kết thúc.",
        discussion: "Ví dụ: chitieu user passwd kongchro --password-stdin < matkhau-moi.txt")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Tên đăng nhập.") var name: String
    @Flag(help: "Đọc mật khẩu từ đầu vào chuẩn (dòng đầu tiên).") var passwordStdin = false

    func validate() throws {
        guard passwordStdin else {
            throw ValidationError("Cần --password-stdin: mật khẩu không được ghi trên dòng lệnh.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let password = readLine(strippingNewline: true) ?? ""
            if let problem = Passwords.problem(password) { throw UsageError(message: problem) }
            try await store.withRepository { repository in
                let user = try await account(named: name, in: repository)
                try await repository.setPassword(
                    userID: user.id, passwordHash: Passwords().hash(password), keeping: nil,
                    author: ChangeAuthor(name: "dòng lệnh chitieu user passwd"))
                print("Đã đặt lại mật khẩu của «\(user.name)»; mọi phiên đăng nhập của họ đã kết thúc.")
            }
        }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Khóa tài khoản (hoặc mở lại bằng --enable); khóa thì mọi phiên kết thúc.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Tên đăng nhập.") var name: String
    @Flag(help: "Mở khóa thay vì khóa.") var enable = false

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let user = try await account(named: name, in: repository)
                try await repository.setDisabled(
                    userID: user.id, !enable, author: ChangeAuthor(name: "dòng lệnh chitieu user disable"))
                print(
                    enable ? "Đã mở khóa «\(user.name)»." : "Đã khóa «\(user.name)»; mọi phiên đăng nhập đã kết thúc.")
            }
        }
    }
}

struct UserTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Tạo mã API cho người dùng (in ra một lần), liệt kê (--list) hoặc thu hồi (--revoke SỐ).",
        discussion: """
            Mã API cho chương trình khác gửi và đọc số liệu qua /api/v1 với quyền của người dùng:
              curl -H "Authorization: Bearer MÃ" http://máy-chủ/api/v1/units
            Ví dụ: chitieu user token kongchro --label "hệ thống báo cáo tỉnh"
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Tên đăng nhập.") var name: String
    @Option(help: "Mã dùng cho việc gì (bắt buộc khi tạo).") var label: String?
    @Flag(help: "Liệt kê các mã của người dùng.") var list = false
    @Option(help: "Thu hồi mã số này.") var revoke: Int64?

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let user = try await account(named: name, in: repository)
                let author = ChangeAuthor(name: "dòng lệnh chitieu user token")
                if let revoke {
                    try await repository.revokeAPIToken(id: revoke, userID: user.id, author: author)
                    print("Đã thu hồi mã API số \(revoke) của «\(user.name)».")
                } else if list {
                    for token in try await repository.apiTokens(userID: user.id) {
                        print(
                            "\(token.id)\t\(token.label)\t\(token.createdAt)\t\(token.revokedAt.map { "thu hồi \($0)" } ?? "đang dùng")"
                        )
                    }
                } else {
                    guard let label else { throw UsageError(message: "Cần --label: mã API dùng cho việc gì.") }
                    let secret = "ct_" + SecretToken.make()
                    let token = try await repository.createAPIToken(
                        token: secret, userID: user.id, label: label, author: author)
                    print(secret)
                    Terminal.error(
                        "Mã API số \(token.id) «\(token.label)» của «\(user.name)»: chép ngay, mã chỉ in ra một lần.")
                }
            }
        }
    }
}

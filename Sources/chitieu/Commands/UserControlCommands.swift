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
                print(enable ? "Đã mở khóa «\(user.name)»." : "Đã khóa «\(user.name)»; mọi phiên đăng nhập đã kết thúc.")
            }
        }
    }
}

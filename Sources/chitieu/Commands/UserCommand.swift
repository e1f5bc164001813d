import ArgumentParser
import ChiTieuCore
import ChiTieuServer
import ChiTieuStore
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Quản lý tài khoản người dùng của ứng dụng web.",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserPasswordCommand.self, UserDisableCommand.self,
            UserTokenCommand.self, UserEmailCommand.self,
        ])
}

extension Role: ExpressibleByArgument {}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Thêm người dùng. Mật khẩu đọc từ đầu vào chuẩn, không bao giờ có mật khẩu mặc định.",
        discussion: """
            Ví dụ: echo 'mật-khẩu-dài' | chitieu user add admin --role admin --password-stdin
                   chitieu user add kongchro --role editor --unit "Kông Chro" --password-stdin < matkhau.txt
            Biên tập viên (editor) nhập số liệu, kế hoạch cho đơn vị và các đơn vị trực thuộc; người xem (viewer) chỉ xem.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tên đăng nhập.")
    var name: String

    @Option(help: "Vai trò: admin, editor hoặc viewer.")
    var role: Role

    @Option(help: "Đơn vị của biên tập viên / người xem (tên, có thể kèm cấp trên: \"Kông Chro, Gia Lai\").")
    var unit: String?

    @Flag(help: "Đọc mật khẩu từ đầu vào chuẩn (dòng đầu tiên).")
    var passwordStdin = false

    @Option(help: "Địa chỉ thư điện tử nhận thông báo giải trình và thư tổng hợp việc quá hạn.")
    var email: String?

    func validate() throws {
        if let email { _ = try MailAddress.forCommandLine(email) }
        guard passwordStdin else {
            throw ValidationError("Cần --password-stdin: mật khẩu không được ghi trên dòng lệnh.")
        }
        if role != .admin, unit == nil { throw ValidationError("Vai trò \(role.rawValue) cần --unit.") }
    }

    func run() async throws {
        try await reportingErrors {
            let password = (readLine(strippingNewline: true) ?? "")
            if let problem = Passwords.problem(password) { throw UsageError(message: problem) }
            try await store.withRepository { repository in
                let unitID: UnitID? =
                    if let unit {
                        try await UnitResolver(repository: repository).resolve(unit).id
                    } else { nil }
                let author = ChangeAuthor(name: "dòng lệnh chitieu user add")
                let user = try await repository.addUser(
                    name: name, role: role, unitID: unitID, passwordHash: Passwords().hash(password), author: author)
                if let email {
                    try await repository.setEmail(
                        userID: user.id, try MailAddress.forCommandLine(email), author: author)
                }
                print(
                    "Đã thêm người dùng «\(user.name)», vai trò \(user.role.title)"
                        + (email.map { ", nhận thư báo tại \($0)." } ?? "."))
            }
        }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê người dùng.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                let units = Dictionary(
                    try await repository.allUnits().map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
                for user in try await repository.users() {
                    let unit = user.unitID.flatMap { units[$0] } ?? "mọi đơn vị"
                    let email = user.email.map { "\t\($0)" } ?? ""
                    print("\(user.name)\t\(user.role.title)\t\(unit)\(email)\(user.disabled ? "\tđã khóa" : "")")
                }
            }
        }
    }
}

struct UserEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Đặt hoặc bỏ địa chỉ thư điện tử nhận thông báo của người dùng.",
        discussion:
            "Ví dụ: chitieu user email kongchro vanphong@kongchro.gialai.gov.vn; chitieu user email kongchro --none")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tên đăng nhập.")
    var name: String

    @Argument(help: "Địa chỉ thư điện tử.")
    var address: String?

    @Flag(help: "Bỏ địa chỉ: người dùng không nhận thư báo nữa.")
    var none = false

    func validate() throws {
        guard (address == nil) == none else { throw ValidationError("Cần một địa chỉ, hoặc --none để bỏ địa chỉ.") }
        if let address { _ = try MailAddress.forCommandLine(address) }
    }

    func run() async throws {
        try await reportingErrors {
            let email = try address.map(MailAddress.forCommandLine)
            try await store.withRepository { repository in
                guard let user = try await repository.credentials(name: name)?.user else {
                    throw UsageError(message: "Không có người dùng «\(name)».")
                }
                try await repository.setEmail(
                    userID: user.id, email, author: ChangeAuthor(name: "dòng lệnh chitieu user email"))
                print(
                    email.map { "Thư báo của «\(user.name)» sẽ gửi tới \($0)." }
                        ?? "«\(user.name)» không nhận thư báo nữa.")
            }
        }
    }
}

extension MailAddress {
    /// The address, or the argument parser's error with the Vietnamese reason.
    static func forCommandLine(_ text: String) throws -> MailAddress {
        do {
            return try MailAddress(text)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

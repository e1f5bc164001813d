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
            UserTokenCommand.self,
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

    func validate() throws {
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
                let user = try await repository.addUser(
                    name: name, role: role, unitID: unitID, passwordHash: Passwords().hash(password),
                    author: ChangeAuthor(name: "dòng lệnh chitieu user add"))
                print("Đã thêm người dùng «\(user.name)», vai trò \(user.role.title).")
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
                    print("\(user.name)\t\(user.role.title)\t\(unit)\(user.disabled ? "\tđã khóa" : "")")
                }
            }
        }
    }
}

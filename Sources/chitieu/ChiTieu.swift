import ArgumentParser
import ChiTieuStore

@main
struct ChiTieu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chitieu",
        abstract: "Theo dõi, đánh giá chỉ tiêu kinh tế - xã hội, xây dựng Đảng của các đơn vị.",
        discussion: """
            Ghi kế hoạch, kết quả từng kỳ, đánh giá so với kế hoạch và cùng kỳ, cảnh báo chỉ tiêu có nguy cơ không đạt.
            Dữ liệu lưu trong một tệp SQLite (mặc định chitieu.sqlite, hoặc --db, hoặc biến môi trường CHITIEU_DB).
            """,
        version: Release.versionLine,
        subcommands: [
            InitCommand.self, DemoCommand.self, StatusCommand.self, CheckCommand.self, ImportCommand.self,
            ReportCommand.self, ExportCommand.self, ExtractCommand.self, IngestCommand.self, UnitsCommand.self,
            IndicatorsCommand.self, ServeCommand.self, UserCommand.self, MigrateCommand.self, BackupCommand.self,
            RestoreCommand.self, MailCommand.self,
        ]
    )

    static func main() async {
        await main(FileOperands.setAside(Array(CommandLine.arguments.dropFirst())))
    }
}

/// The release, as `chitieu --version` prints it and `scripts/package.sh` names its tarball.
enum Release {
    static let version = "0.9.0"
    static var versionLine: String { "chitieu \(version) (lược đồ cơ sở dữ liệu \(SQLRepository.schemaVersion))" }
}

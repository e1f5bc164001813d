import ArgumentParser

@main
struct ChiTieu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chitieu",
        abstract: "Theo dõi, đánh giá chỉ tiêu kinh tế - xã hội, xây dựng Đảng của các đơn vị.",
        discussion: """
            Ghi kế hoạch, kết quả từng kỳ, đánh giá so với kế hoạch và cùng kỳ, cảnh báo chỉ tiêu có nguy cơ không đạt.
            Dữ liệu lưu trong một tệp SQLite (mặc định chitieu.sqlite, hoặc --db, hoặc biến môi trường CHITIEU_DB).
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, StatusCommand.self, CheckCommand.self, ImportCommand.self,
            ReportCommand.self, ExportCommand.self, ExtractCommand.self, IngestCommand.self, UnitsCommand.self,
            IndicatorsCommand.self, ServeCommand.self, UserCommand.self, MigrateCommand.self, BackupCommand.self,
            RestoreCommand.self,
        ]
    )
}

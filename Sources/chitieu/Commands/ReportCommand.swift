import ArgumentParser
import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Viết báo cáo kết quả thực hiện nhiệm vụ của một đơn vị trong một kỳ, và xuất bảng số liệu.",
        discussion: """
            text: báo cáo bằng lời (mặc định, ra màn hình); html: bản in khổ A4, Times New Roman 14; docx: báo cáo cho Word;
            xlsx, csv: bảng chỉ tiêu (với --children: bảng so sánh các đơn vị trực thuộc).
            Ví dụ: chitieu report --unit "Kông Chro" --year 2024 --to-month 9 --format docx --out bao-cao.docx
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, docx, xlsx, csv
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Tên đơn vị.")
    var unit: String

    @Option(help: "Năm.")
    var year: Int

    @Option(name: .customLong("to-month"), help: "Lũy kế đến tháng (1–12).")
    var toMonth: Int = 12

    @Option(help: "Định dạng: text, html, docx, xlsx, csv.")
    var format: Format = .text

    @Flag(help: "Bảng (xlsx, csv) so sánh các đơn vị trực thuộc thay vì các chỉ tiêu của đơn vị.")
    var children = false

    @Option(help: "Ghi ra tệp (bắt buộc với docx, xlsx).")
    var out: String?

    func run() async throws {
        try await reportingErrors {
            let period = try Period.yearToDate(year, through: toMonth)
            if (format == .docx || format == .xlsx) && out == nil {
                throw UsageError(message: "Định dạng \(format.rawValue) cần --out TỆP.")
            }
            let data: Data = try await store.withRepository { repository in
                _ = try await repository.storedCatalogue(location: repository.database.location)
                let unit = try await Terminal.unit(unit, on: period.endDay, in: repository)
                let review = UnitReview(repository: repository)
                if children, format == .csv || format == .xlsx {
                    var overviews: [Overview] = []
                    for child in try await repository.children(of: unit.id) where child.existed(inYear: period.year) {
                        overviews.append(try await review.overview(of: child, period: period))
                    }
                    let table = ReportTable.across(overviews, title: "Các đơn vị thuộc \(unit.title) — \(period.label)")
                    return format == .csv ? Data(try table.csv().utf8) : try XLSXWriter().workbook(table)
                }
                let material = try await review.material(of: unit, period: period)
                let report = NarrativeWriter().write(material)
                switch format {
                case .text: return Data(report.text.utf8)
                case .html: return Data(PrintableHTML().page(report, table: ReportTable(material)).utf8)
                case .docx: return try DOCXWriter().document(report, appendix: ReportTable(material))
                case .xlsx: return try XLSXWriter().workbook(ReportTable(material))
                case .csv: return Data(try ReportTable(material).csv().utf8)
                }
            }
            try OutputFile.write(data, to: out)
        }
    }
}

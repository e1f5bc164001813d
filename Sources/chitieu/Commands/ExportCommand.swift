import ArgumentParser
import ChiTieuCore
import ChiTieuStore
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất kế hoạch và kết quả ra CSV (mở được bằng Excel, nhập lại được) hoặc JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Định dạng: csv hoặc json.")
    var format: Format = .csv

    @Option(help: "Chỉ xuất một đơn vị.")
    var unit: String?

    @Option(help: "Ghi ra tệp thay vì màn hình.")
    var out: String?

    @Flag(name: .customLong("code-headers"), help: "Tiêu đề cột CSV bằng mã (loai, don_vi, …) thay vì tiếng Việt.")
    var codeHeaders = false

    func run() async throws {
        try await reportingErrors {
            try await store.withRepository { repository in
                var ids: [UnitID]?
                if let unit { ids = [try await UnitResolver(repository: repository).resolve(unit).id] }
                let exporter = TableExporter(repository: repository)
                let data: Data =
                    switch format {
                    case .csv: Data(try await exporter.csv(unitIDs: ids, codeHeaders: codeHeaders).utf8)
                    case .json: try await exporter.json(unitIDs: ids)
                    }
                try OutputFile.write(data, to: out)
                if out == nil, format == .json { print("") }
            }
        }
    }
}

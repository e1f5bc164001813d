import ArgumentParser
import ChiTieuCore
import ChiTieuStore
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra tính nhất quán của số liệu đã lưu và liệt kê các phát hiện.",
        discussion: """
            Tỷ lệ % kế hoạch ghi trong nguồn khác với giá trị ÷ kế hoạch; tăng trưởng ghi trong nguồn khác với số \
            liệu cùng kỳ đã lưu; bảng tổng hợp chỉ tiêu cộng không khớp; năm không hợp lý; tỷ lệ ngoài 0–100%.
            Mã thoát: 0 khi không có lỗi (có thể có cảnh báo, lưu ý), 1 khi có ít nhất một lỗi — để một kịch bản \
            hay lịch chạy tự động biết mà dừng.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Chỉ kiểm tra một đơn vị.")
    var unit: String?

    @Flag(help: "In kết quả dạng JSON.")
    var json = false

    func run() async throws {
        var errors = 0
        try await reportingErrors {
            try await store.withRepository { repository in
                var ids: [UnitID]?
                if let unit { ids = [try await UnitResolver(repository: repository).resolve(unit).id] }
                let year = Terminal.currentYear
                let findings = try await UnitReview(repository: repository).findings(unitIDs: ids, currentYear: year)
                errors = findings.filter { $0.severity == .error }.count
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(findings), as: UTF8.self))
                    return
                }
                guard !findings.isEmpty else {
                    print("Không phát hiện điểm bất thường nào.")
                    return
                }
                for finding in findings {
                    let colour: Terminal.Colour =
                        finding.severity == .error ? .red : (finding.severity == .warning ? .yellow : .dim)
                    var line = "\(Terminal.paint(finding.severity.label, colour)): \(finding.message)"
                    if let document = finding.source?.document { line += " [Nguồn: \(document)]" }
                    print(line)
                }
                let warnings = findings.filter { $0.severity == .warning }.count
                print(
                    "\nTổng cộng \(findings.count) phát hiện: \(errors) lỗi, \(warnings) cảnh báo, \(findings.count - errors - warnings) lưu ý."
                )
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

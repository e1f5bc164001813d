import ArgumentParser
import ChiTieuCore
import ChiTieuStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập kế hoạch và kết quả từ tệp CSV.",
        discussion: """
            Dòng đầu là tiêu đề cột, bằng tiếng Việt hoặc mã: Loại (loai), Đơn vị (don_vi), Chỉ tiêu (chi_tieu), \
            Năm (nam), Từ tháng (tu_thang), Đến tháng (den_thang), Giá trị (gia_tri), và tùy chọn: Giá trị trên, \
            So sánh, Dạng, Từ năm, Đến năm, Cấp giao, Ước tính, % kế hoạch, Tăng trưởng (%), Giá, Nguồn, \
            Đơn vị tính (dvt). Với --create-indicators, chỉ tiêu chưa có trong danh mục được thêm thành chỉ tiêu \
            riêng (cần cột Đơn vị tính); không có tùy chọn này, dòng có chỉ tiêu lạ bị báo lỗi.
            Với --target-set "Kế hoạch phát triển kinh tế - xã hội năm 2025", các dòng kế hoạch (nghị quyết) còn \
            lập thành bộ chỉ tiêu theo thứ tự và cột STT của bảng; dòng nhóm (chỉ có STT và tên, như «I | KINH TẾ») \
            là tiêu đề nhóm. Tổng hợp kỳ báo cáo đếm trên bộ chỉ tiêu; bộ mới thay bộ cũ cùng đơn vị, cùng năm.
            Loại là «kế hoạch», «kết quả» hoặc «nghị quyết». Số viết kiểu Việt Nam: 4.790,86.
            Mọi dòng được kiểm tra trước; nếu có dòng sai, không ghi gì và liệt kê lỗi theo số dòng.
            Kết quả khác với số đã lưu được lưu thành phiên bản mới; bản cũ vẫn xem được.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Tệp CSV (UTF-8; dấu phân cách «,» hoặc «;»).")
    var file: String

    @Option(help: "Tên người nhập, ghi vào nguồn gốc số liệu.")
    var by: String?

    @Flag(help: "Thêm vào danh mục những chỉ tiêu chưa có (cần cột Đơn vị tính).")
    var createIndicators = false

    @Option(help: "Lập bộ chỉ tiêu từ các dòng kế hoạch, với tên văn bản ban hành này.")
    var targetSet: String?

    func run() async throws {
        try await reportingErrors {
            let text = try SourceFile.readText(file)
            try await store.withRepository { repository in
                let catalogue = try await repository.storedCatalogue(location: repository.database.location)
                let importer = TableImporter(
                    repository: repository, catalogue: catalogue, createIndicators: createIndicators,
                    targetSetTitle: targetSet)
                let name = URL(fileURLWithPath: file).lastPathComponent
                let batch = try await importer.batch(csv: text, document: name, enteredBy: by)
                let summary = try await repository.save(batch)
                print(summary.sentence)
            }
        }
    }
}

/// Reads a user's file, with Vietnamese errors for what usually goes wrong.
enum SourceFile {
    static func readText(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UsageError(message: "Không tìm thấy tệp \(path).")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "Không đọc được tệp \(path).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "Tệp \(path) không phải văn bản UTF-8. Trong Excel, hãy lưu dạng «CSV UTF-8».")
        }
        return text
    }
}

import ArgumentParser
import ChiTieuCore
import ChiTieuIngest
import ChiTieuStore
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Đọc báo cáo, tin bài hội nghị và lưu số liệu vào cơ sở dữ liệu.",
        discussion: """
            Mỗi tệp được đọc như «chitieu extract» rồi lưu trong một giao dịch: kết quả chỉ tiêu kèm nguồn (tệp, câu), \
            hội nghị, bảng tổng hợp chỉ tiêu, mục tiêu năm sau; kế hoạch suy ra từ tỷ lệ % khi chưa có.
            Số liệu khác với số đã lưu không bị ghi đè mà được liệt kê để người dùng quyết định.
            Đơn vị, chỉ tiêu chưa có trong cơ sở dữ liệu được báo, không tự tạo.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Các tệp văn bản (UTF-8), Word (.docx) hoặc PDF.")
    var files: [String]

    func run() async throws {
        try await reportingErrors {
            var allStored = true
            try await store.withRepository { repository in
                let catalogue = try await repository.storedCatalogue(location: repository.database.location)
                let ingest = DocumentIngest(
                    repository: repository, catalogue: catalogue, currentYear: Terminal.currentYear)
                for file in FileOperands.all(files) {
                    guard let document = SourceFile.readDocument(file) else {
                        allStored = false
                        continue
                    }
                    do {
                        let report = try await ingest.ingest(document)
                        print(report.lines.joined(separator: "\n"))
                        allStored = allStored && report.stored
                    } catch let error as UserFacingError {
                        // The file's transaction was rolled back; the others stand.
                        Terminal.error("Lỗi ở tệp \(file), không ghi gì từ tệp này: \(error.message)")
                        allStored = false
                    }
                }
            }
            if !allStored { throw ExitCode.failure }
        }
    }
}

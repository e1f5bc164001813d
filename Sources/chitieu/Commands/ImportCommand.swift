import ArgumentParser
import ChiTieuCore
import ChiTieuIngest
import ChiTieuOffice
import ChiTieuStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập kế hoạch và kết quả từ tệp CSV hoặc sổ Excel (.xlsx).",
        discussion: """
            Sổ Excel: đọc bảng nhập chuẩn (các cột như dưới đây) hoặc biểu tổng hợp của cơ quan: phần đầu biểu \
            («UBND HUYỆN …», «… 9 THÁNG NĂM 2024») cho đơn vị và kỳ, hàng tiêu đề (một hoặc hai dòng) cho các cột \
            STT, Chỉ tiêu, ĐVT, Kế hoạch năm, Thực hiện (Ước thực hiện) N tháng, Ước cả năm, Cùng kỳ, So sánh (%) KH \
            và Cùng kỳ. Cách hiểu từng cột được in ra trước khi ghi. --unit, --year, --to-month ghi đè phần đầu biểu.

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

    @Argument(help: "Tệp CSV (UTF-8; dấu phân cách «,» hoặc «;») hoặc sổ Excel .xlsx.")
    var file: String

    @Option(help: "Trang tính của sổ Excel (mặc định: trang đầu có bảng chỉ tiêu).")
    var sheet: String?

    @Option(help: "Đơn vị của biểu, khi phần đầu biểu không ghi (sổ Excel).")
    var unit: String?

    @Option(help: "Năm của biểu (sổ Excel).")
    var year: Int?

    @Option(help: "Kỳ báo cáo đến tháng (sổ Excel): 6 cho 6 tháng, 9 cho 9 tháng.")
    var toMonth: Int?

    @Option(help: "Tên người nhập, ghi vào nguồn gốc số liệu.")
    var by: String?

    @Flag(help: "Thêm vào danh mục những chỉ tiêu chưa có (cần cột Đơn vị tính).")
    var createIndicators = false

    @Option(help: "Lập bộ chỉ tiêu từ các dòng kế hoạch, với tên văn bản ban hành này.")
    var targetSet: String?

    @Flag(help: "Chỉ đọc và kiểm tra tệp, không ghi gì.")
    var dryRun = false

    func run() async throws {
        try await reportingErrors {
            if isStreamedTable() { return try await importStreamed() }
            let table = try readTable()
            try await store.withRepository { repository in
                let catalogue = try await repository.storedCatalogue(location: repository.database.location)
                let importer = TableImporter(
                    repository: repository, catalogue: catalogue, createIndicators: createIndicators,
                    targetSetTitle: targetSet)
                let name = URL(fileURLWithPath: file).lastPathComponent
                let batch = try await importer.batch(table: table, document: name, enteredBy: by)
                if dryRun { return printChecked(plans: batch.targets.count, results: batch.observations.count) }
                let summary = try await repository.save(batch)
                print(summary.sentence)
            }
        }
    }

    /// A CSV file of plans and results is read and written a chunk of rows at a time, in
    /// bounded memory; a workbook, a target set or new indicators need the whole table.
    private func isStreamedTable() -> Bool {
        guard targetSet == nil, !createIndicators else { return false }
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 8)) ?? Data()
        return !SourceFile.isOfficeFile(start, name: URL(fileURLWithPath: file).lastPathComponent)
    }

    private func importStreamed() async throws {
        try refuseWorkbookOptions()
        try await store.withRepository { repository in
            let catalogue = try await repository.storedCatalogue(location: repository.database.location)
            let chunks = CSVTableChunks(
                path: file, importer: TableImporter(repository: repository, catalogue: catalogue),
                document: URL(fileURLWithPath: file).lastPathComponent, enteredBy: by)
            let summary = try await repository.save(chunks: chunks, dryRun: dryRun)
            guard dryRun else { return print(summary.sentence) }
            printChecked(
                plans: summary.targetsAdded + summary.targetsUpdated + summary.targetsUnchanged,
                results: summary.observationsAdded + summary.observationsCorrected + summary.observationsUnchanged)
        }
    }

    private func printChecked(plans: Int, results: Int) {
        print("Tệp hợp lệ: \(plans) dòng kế hoạch, \(results) dòng kết quả; chưa ghi gì (--dry-run).")
    }

    private func refuseWorkbookOptions() throws {
        if sheet != nil || unit != nil || year != nil || toMonth != nil {
            throw UsageError(message: "--sheet, --unit, --year, --to-month chỉ dùng với sổ Excel (.xlsx).")
        }
    }

    /// The file's table: a workbook's (its reading printed first) or a CSV file's.
    private func readTable() throws -> ImportTable {
        let data = try SourceFile.readData(file)
        let name = URL(fileURLWithPath: file).lastPathComponent
        guard SourceFile.isOfficeFile(data, name: name) else {
            try refuseWorkbookOptions()
            return try TableImporter.table(csv: try SourceFile.text(data, path: file))
        }
        let options = WorkbookOptions(
            sheet: sheet, unit: unit, year: year, toMonth: toMonth, headings: targetSet != nil)
        let read = try WorkbookTables.read(data, fileName: name, options: options)
        print("Trang «\(read.sheet)» của \(name):")
        for line in read.reading { print("  \(line)") }
        return read.table
    }
}

/// Reads a user's file, with Vietnamese errors for what usually goes wrong.
enum SourceFile {
    static func readText(_ path: String) throws -> String {
        try text(try readData(path), path: path)
    }

    static func readData(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UsageError(message: "Không tìm thấy tệp \(path).")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "Không đọc được tệp \(path).")
        }
        return data
    }

    static func text(_ data: Data, path: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "Tệp \(path) không phải văn bản UTF-8. Trong Excel, hãy lưu dạng «CSV UTF-8».")
        }
        return text
    }

    /// A workbook by its name or its first bytes (a zip, or the old binary format, which the
    /// workbook reader refuses with what to do).
    static func isOfficeFile(_ data: Data, name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") || [.zip, .compound].contains(FileSignature(data))
    }
}

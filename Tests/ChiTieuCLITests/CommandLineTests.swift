import Foundation
import Testing

/// Runs the built `chitieu` program as a user would, on a database in a temporary folder.
@Suite(.serialized) struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The executable sits next to the test bundle in the build folder.
    static var executable: URL {
        var url = Bundle.main.bundleURL
        while url.pathComponents.count > 1 {
            let candidate = url.appendingPathComponent("chitieu")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath {
                return candidate
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/chitieu")
    }

    func run(_ arguments: String...) throws -> Run {
        try execute(arguments + ["--db", folder.appendingPathComponent("test.sqlite").path])
    }

    /// `chitieu extract` without `--db`: it reads files, not the database.
    func extract(_ arguments: [String]) throws -> Run { try execute(["extract"] + arguments) }

    private func execute(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func demoThenStatusAsJSON() throws {
        let demo = try run("demo")
        #expect(demo.status == 0)
        #expect(demo.stdout.contains("Đã nạp dữ liệu minh họa"))
        #expect(try run("demo").stdout.contains("Dữ liệu minh họa đã có"))

        let status = try run("status", "--unit", "Kông Chro", "--year", "2024", "--to-month", "9", "--json")
        #expect(status.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["period"] as? [String: Any])?["to_month"] as? Int == 9)
        let tally = try #require(object["tally"] as? [String: Int])
        #expect(tally["at_risk"] == 3)
        #expect(tally["unassessed"] == 2)
        let assessments = try #require(object["assessments"] as? [[String: Any]])
        let production = try #require(assessments.first { $0["indicator"] as? String == "total_production_value" })
        #expect(production["percent_of_plan"] as? Double == 70.76)
        #expect(production["growth_percent"] as? Double == 3.81)
        #expect(production["status"] as? String == "at_risk")
        #expect(production["value"] as? Double == 4790.86)
        #expect(
            Set(assessments.compactMap { $0["status"] as? String }).isSubset(of: [
                "exceeded", "met", "missed", "on_track", "at_risk", "off_track", "unassessed",
            ]))
    }

    @Test func statusTableReadsLikeTheReport() throws {
        _ = try run("demo")
        let status = try run("status", "--unit", "Kông Chro", "--year", "2023")
        #expect(status.stdout.contains("Huyện Kông Chro — năm 2023"))
        #expect(
            status.stdout.contains(
                "Trong tổng 9 chỉ tiêu đã có 04 chỉ tiêu vượt kế hoạch, 02 chỉ tiêu đạt kế hoạch, 02 chỉ tiêu không đạt kế hoạch, 01 chỉ tiêu chưa đánh giá."
            ))
        #expect(!status.stdout.contains("\u{1B}["))
    }

    @Test func initLoadsTheRegistryAndUnitsListsItByDayParentAndSearch() throws {
        let first = try run("init")
        #expect(first.stdout.contains("thêm 14.138 đơn vị"))
        #expect(try run("init").stdout.contains("Danh mục đơn vị hành chính đã có sẵn"))
        let communes = try run("units", "--on", "1/7/2025", "--under", "Gia Lai").stdout
        #expect(communes.hasPrefix("tỉnh Gia Lai [52] từ 1/7/2025 ← tỉnh Bình Định, tỉnh Gia Lai\n"))
        #expect(communes.split(separator: "\n").count == 136)
        let json = try run("units", "--search", "23824", "--json").stdout
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.map { $0["kind"] as? String } == ["townlet", "commune"])
        #expect(items[0]["parent_code"] as? String == "630")
        #expect(items[0]["valid_to"] as? String == "2025-07-01")
        #expect(items[1]["valid_from"] as? String == "2025-07-01")
        let predecessors = try #require(items[1]["predecessors"] as? [[String: Any]])
        #expect(predecessors.compactMap { $0["code"] as? String }.contains("23824"))
        let ambiguous = try run("units", "--under", "Tân Thành")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("mã 01162"))
    }

    @Test func versionNamesTheSchemaAndInitUpgradesAnOlderDatabaseOnce() throws {
        let version = try execute(["--version"])
        #expect(version.status == 0)
        let line = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let schema = try #require(line.firstMatch(of: /^chitieu \d+\.\d+\.\d+ \(lược đồ cơ sở dữ liệu (\d+)\)$/))
        let current = try #require(Int(schema.1))
        #expect(try run("migrate", "--create-older", "\(current - 1)").status == 0)
        let first = try run("init")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Đã nâng cấp lên lược đồ phiên bản \(current) (các bước: \(current))."))
        let second = try run("init")
        #expect(second.status == 0)
        #expect(!second.stdout.contains("nâng cấp"))
        let fresh = try execute(["init", "--db", folder.appendingPathComponent("moi.sqlite").path])
        #expect(fresh.status == 0)
        #expect(!fresh.stdout.contains("nâng cấp"), "a new database is created, not upgraded")
    }

    @Test func errorsAreInVietnameseWithAFailingExitCode() throws {
        _ = try run("demo")
        let unknown = try run("status", "--unit", "Xứ Sở Mây", "--year", "2024")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Lỗi: Không tìm thấy đơn vị \"Xứ Sở Mây\".\n")
        let badMonth = try run("status", "--unit", "Kông Chro", "--year", "2024", "--to-month", "13")
        #expect(badMonth.status == 1)
        #expect(badMonth.stderr.contains("tháng 13"))
        let missing = try run("import", folder.appendingPathComponent("khong-co.csv").path)
        #expect(missing.stderr.hasPrefix("Lỗi: Không tìm thấy tệp"))
    }

    @Test func aBadImportWritesNothing() throws {
        _ = try run("demo")
        let before = try run("export", "--format", "csv").stdout
        let file = folder.appendingPathComponent("bang.csv")
        try """
        Loại,Đơn vị,Chỉ tiêu,Năm,Đến tháng,Giá trị
        kết quả,Kông Chro,Trồng rừng,2024,9,"120,5"
        kết quả,Kông Chro,Trồng rừng,2024,12,abc
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try run("import", file.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Dòng 3, cột «Giá trị»: «abc» không phải là số"))
        #expect(try run("export", "--format", "csv").stdout == before)

        try """
        Loại,Đơn vị,Chỉ tiêu,Năm,Đến tháng,Giá trị
        kết quả,Kông Chro,Trồng rừng,2024,9,"120,5"
        """.write(to: file, atomically: true, encoding: .utf8)
        let good = try run("import", file.path, "--by", "Văn phòng Huyện ủy")
        #expect(good.status == 0)
        #expect(good.stdout == "Đã ghi 1 kết quả mới.\n")
    }

    @Test func checkListsTheDemoFindingAndExitsNonZeroOnAnError() throws {
        _ = try run("demo")
        let check = try run("check")
        #expect(
            check.stdout.contains(
                "Cảnh báo: Huyện Chợ Đồn, Xuất khẩu lao động, 9 tháng năm 2023: nguồn ghi đạt 180% kế hoạch, nhưng 217 ÷ 120 = 180,83%."
            ))
        // Warnings only: a script goes on.
        #expect(check.status == 0)
        // A stated tally whose parts pass its total is an error: a script stops.
        let text = folder.appendingPathComponent("tong-hop.txt")
        try """
        Hội nghị Ban Chấp hành Đảng bộ huyện Kông Chro đánh giá kết quả 6 tháng đầu năm 2024. \
        Trong tổng 10 chỉ tiêu, có 8 chỉ tiêu vượt kế hoạch, 5 chỉ tiêu đạt kế hoạch.
        """.write(to: text, atomically: true, encoding: .utf8)
        _ = try run("ingest", text.path)
        let failing = try run("check", "--unit", "huyện Kông Chro")
        #expect(failing.stdout.contains("tổng 10 chỉ tiêu nhưng các nhóm cộng lại được 13."))
        #expect(failing.status == 1)
        #expect(failing.stderr.isEmpty, "\(failing.stderr)")
        #expect(try run("check", "--unit", "huyện Kông Chro", "--json").status == 1)
    }

    /// `chitieu extract` writes the JSON of shared/extraction/SCHEMA.md: every document field,
    /// every observation and target field, numbers converted from Vietnamese notation.
    @Test func extractWritesTheSharedSchema() throws {
        let text = """
            Hội nghị Ban Chấp hành Đảng bộ huyện Thử Nghiệm lần thứ 18 (mở rộng), khóa VIII đánh giá kết quả 9 tháng năm 2024. \
            Tổng giá trị sản xuất ước đạt 4.790,86 tỷ đồng, bằng 70,76% kế hoạch, tăng 3,81% so với cùng kỳ. \
            Trong tổng 42 chỉ tiêu có 10 chỉ tiêu vượt kế hoạch, 22 chỉ tiêu đạt kế hoạch. \
            Năm 2025, phấn đấu tổng sản lượng lương thực có hạt đạt 28.320 tấn.
            """
        try text.write(to: folder.appendingPathComponent("hoi-nghi.txt"), atomically: true, encoding: .utf8)
        let run = try extract(["hoi-nghi.txt", "--out", "ra"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("ra/hoi-nghi.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(json.keys).isSuperset(of: [
                "unit", "period", "conference", "observations", "tally", "targets", "people",
            ]))
        #expect((json["unit"] as? [String: Any])?["kind"] as? String == "huyện")
        #expect((json["unit"] as? [String: Any])?["name"] as? String == "Thử Nghiệm")
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["year"] as? Int == 2024 && period["from_month"] as? Int == 1 && period["to_month"] as? Int == 9)
        let conference = try #require(json["conference"] as? [String: Any])
        #expect(conference["number"] as? Int == 18 && conference["term"] as? Int == 8)
        #expect(conference["extended"] as? Bool == true)
        let observation = try #require((json["observations"] as? [[String: Any]])?.first)
        for key in [
            "indicator", "value", "unit", "qualifier", "estimated", "percent_of_plan", "plan_value", "growth_percent",
            "price_basis",
        ] {
            #expect(observation.keys.contains(key), "observation lacks \(key)")
        }
        #expect(observation["value"] as? Double == 4790.86)
        #expect(observation["percent_of_plan"] as? Double == 70.76)
        #expect(observation["growth_percent"] as? Double == 3.81)
        #expect(observation["estimated"] as? Bool == true)
        let tally = try #require(json["tally"] as? [String: Any])
        #expect(tally["total"] as? Int == 42 && tally["exceeded"] as? Int == 10 && tally["met"] as? Int == 22)
        let target = try #require((json["targets"] as? [[String: Any]])?.first)
        #expect(
            target["value"] as? Double == 28320 && target["year"] as? Int == 2025 && target["unit"] as? String == "tấn")
    }

    @Test func extractRefusesDamagedWordAndPDFFilesAndNeverMixesUpOutputs() throws {
        let fm = FileManager.default
        let sentence = "Tổng thu ngân sách ước đạt 37,5 tỷ đồng, bằng 85% dự toán."
        for dir in ["a", "b"] {
            try fm.createDirectory(at: folder.appendingPathComponent(dir), withIntermediateDirectories: true)
            try sentence.write(
                to: folder.appendingPathComponent("\(dir)/bao-cao.txt"), atomically: true, encoding: .utf8)
        }
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml 37,5 tỷ đồng".utf8))
            .write(to: folder.appendingPathComponent("bao-cao-word.docx"))
        try Data(Array("%PDF-1.7\n37,5 tỷ đồng".utf8)).write(to: folder.appendingPathComponent("bao-cao.pdf"))

        let run = try extract(["a/bao-cao.txt", "b/bao-cao.txt", "bao-cao-word.docx", "bao-cao.pdf", "--out", "ra"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("Tệp «bao-cao-word.docx» không phải sổ Excel (.xlsx) hay văn bản Word (.docx)"))
        // damaged for pdftotext, or pdftotext missing: either way said, and skipped
        #expect(run.stderr.contains("Tệp «bao-cao.pdf» bị hỏng") || run.stderr.contains("cần chương trình pdftotext"))
        #expect(run.stderr.contains("b/bao-cao.txt và a/bao-cao.txt cùng cho ra"))
        #expect(
            try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("ra").path).sorted() == ["bao-cao.json"])

        let again = try extract(["a/bao-cao.txt", "--out", "ra"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("Ghi đè tệp có từ trước"))
    }

    /// The files past the first are set aside before ArgumentParser parses (it is quadratic in
    /// them): options may still come anywhere, and after «--» a name may start with «-».
    @Test func extractTakesManyFilesWithOptionsAnywhereAndAfterTheTerminator() throws {
        let names = (1...30).map { "bao-cao-\($0).txt" } + ["-gach-dau.txt"]
        for (index, name) in names.enumerated() {
            try "Tổng thu ngân sách ước đạt \(index + 1) tỷ đồng, bằng 85% dự toán."
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try extract(Array(names.prefix(10)) + ["--out", "ra"] + names[10..<30] + ["--", names[30]])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ra").path)
        #expect(Set(written) == Set(names.map { $0.replacingOccurrences(of: ".txt", with: ".json") }))
        let last = try Data(contentsOf: folder.appendingPathComponent("ra/-gach-dau.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: last) as? [String: Any])
        #expect((json["observations"] as? [[String: Any]])?.first?["value"] as? Double == 31)

        let lines = try extract(["bao-cao-2.txt", "bao-cao-1.txt"]).stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains("\"source\":\"bao-cao-2.txt\""))
    }
}

import Testing

@testable import ChiTieuCore

@Suite struct EvidenceTests {
    let pdf = Array("%PDF-1.7\n1 0 obj\n".utf8)

    @Test func takesAFileThatIsWhatItsNameSays() throws {
        let e = try Evidence.check(name: "C:\\Users\\vp\\Báo cáo số 12-BC.pdf", bytes: pdf)
        #expect(e == Evidence(name: "Báo cáo số 12-BC.pdf", kind: .pdf, size: pdf.count))
        #expect(e.label == "Báo cáo số 12-BC.pdf (PDF, 1 KB)")
        #expect(try Evidence.check(name: "anh.JPG", bytes: [0xFF, 0xD8, 0xFF, 0xE0]).kind == .jpeg)
        #expect(Evidence(name: "x.pdf", kind: .pdf, size: 2_621_440).label == "x.pdf (PDF, 2,5 MB)")
    }

    @Test(arguments: [
        (
            "trang.html", Array("<html><script>".utf8),
            "Tệp «trang.html» không nhận: chỉ nhận PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument (.odt, .ods) và ảnh JPEG, PNG."
        ),
        (
            "bao-cao.pdf", Array("<html><script>".utf8),
            "Tệp «bao-cao.pdf» không phải tệp PDF như tên của nó: không nhận."
        ),
        ("bang.xlsx", Array("%PDF".utf8), "Tệp «bang.xlsx» không phải tệp XLSX như tên của nó: không nhận."),
        ("trong.pdf", [], "Tệp «trong.pdf» trống."),
    ])
    func refusesWithTheReason(name: String, bytes: [UInt8], message: String) {
        do {
            _ = try Evidence.check(name: name, bytes: bytes)
            Issue.record("accepted \(name)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func refusesAFileOver5MBAndCleansNames() {
        let big = Array("%PDF".utf8) + [UInt8](repeating: 0, count: Evidence.maximumSize)
        #expect(throws: EvidenceError.tooLarge("quet.pdf", big.count)) {
            try Evidence.check(name: "quet.pdf", bytes: big)
        }
        #expect(Evidence.cleanName("../../etc/a\u{0}\"b.pdf") == "ab.pdf")
        #expect(Evidence.cleanName(String(repeating: "x", count: 300) + ".pdf").count == 120)
        #expect(Evidence.cleanName("/") == "tep-dinh-kem")
    }
}

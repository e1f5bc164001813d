import ChiTieuCore
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// A Word report uploaded on «Nhập từ văn bản»: its prose and its table's rows are marked in
/// the text shown, and storing it stores the table's figures too (the file is posted again).
@Suite struct DocumentUploadRouteTests {
    @Test func aWordReportsTableIsMarkedAndStored() async throws {
        let fixture = try await ServerFixture.demo()
        let csrf = try #require(fixture.session?.csrf)
        let data = try TestWordDocument.report()
        let (type, body) = TaskEvidenceRouteTests.multipart(
            [("_csrf", csrf)], file: ("bao-cao-9-thang.docx", Array(data)), field: "tep")
        let preview = try await fixture.test { admin in
            try await admin.execute(uri: "/nhap-van-ban", method: .post, headers: [.contentType: type], body: body)
        }
        #expect(preview.status == .ok)
        #expect(preview.text.contains("1 | Tổng mức bán lẻ hàng hóa | tỷ đồng | 850 | 641,5 | 73,18 | 108,2</mark>"))
        #expect(preview.text.contains("name=\"tep_goc\" value=\"\(data.base64EncodedString())\""))
        #expect(preview.text.contains("năm 2024: không quá 9,5 %"))

        let unit = try await UnitResolver(repository: fixture.repository).resolve("huyện Kông Chro").id
        let stored = try await fixture.test { admin in
            try await admin.postForm(
                "/nhap-van-ban/luu",
                [
                    ("van_ban", "văn bản hiển thị"), ("ten", "bao-cao-9-thang.docx"), ("don_vi", "\(unit)"),
                    ("nam", "2024"), ("thang", "9"), ("tep_goc", data.base64EncodedString()), ("ghi_de", "1"),
                ])
        }
        #expect(stored.status == .ok)
        let results = try await fixture.repository.observations(unitIDs: [unit], years: 2024...2024)
        let retail = try #require(results.first { $0.indicatorCode == "retail_sales" && $0.value == 641.5 })
        #expect(retail.source.document == "bao-cao-9-thang.docx")
        #expect(retail.source.excerpt == "1 | Tổng mức bán lẻ hàng hóa | tỷ đồng | 850 | 641,5 | 73,18 | 108,2")
    }

    @Test func aDamagedWordFileIsRefusedByName() async throws {
        let fixture = try await ServerFixture.demo()
        let csrf = try #require(fixture.session?.csrf)
        let (type, body) = TaskEvidenceRouteTests.multipart(
            [("_csrf", csrf)], file: ("hong.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), field: "tep")
        let refused = try await fixture.test { admin in
            try await admin.execute(uri: "/nhap-van-ban", method: .post, headers: [.contentType: type], body: body)
        }
        #expect(refused.status == .badRequest)
        #expect(refused.text.contains("Tệp «hong.docx» không phải sổ Excel (.xlsx) hay văn bản Word (.docx)"))
    }
}

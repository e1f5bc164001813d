import ChiTieuCore
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The workbook import page: a reader previews how the sheet was understood and what would be
/// stored; an editor of the unit stores it; the wrong cell of a bad workbook is named.
@Suite struct WorkbookImportRouteTests {
    static func upload(_ browser: Browser, csrf: String, _ data: Data, fields: [(String, String)] = []) async throws
        -> TestResponse
    {
        let (type, body) = TaskEvidenceRouteTests.multipart(
            [("_csrf", csrf)] + fields, file: ("bieu 6 thang.xlsx", Array(data)), field: "tep")
        return try await browser.execute(
            uri: "/nhap-so-excel", method: .post, headers: [.contentType: type], body: body)
    }

    @Test func thePreviewShowsTheColumnsAndRowsAndStoringSavesThem() async throws {
        let fixture = try await ServerFixture.demo()
        let csrf = try #require(fixture.session?.csrf)
        let data = try TestWorkbook.office(body: "UBND HUYỆN KÔNG CHRO")
        let unit = try await UnitResolver(repository: fixture.repository).resolve("huyện Kông Chro").id
        let before = try await fixture.repository.observations(unitIDs: [unit], years: 2024...2024).count
        let preview = try await fixture.test { try await Self.upload($0, csrf: csrf, data) }
        #expect(preview.status == .ok)
        #expect(preview.text.contains("cột E: Ước thực hiện 6 tháng → ước thực hiện 6 tháng năm 2024"))
        #expect(preview.text.contains("ước 2.400,5; 48,01% KH; tăng 5,1%"))
        #expect(preview.text.contains("Sẽ ghi 2 dòng kế hoạch, 2 dòng kết quả."))
        #expect(try await fixture.repository.observations(unitIDs: [unit], years: 2024...2024).count == before)

        let encoded = try #require(preview.text.firstMatch(of: /name="du_lieu" value="([^"]+)"/)).1
        let stored = try await fixture.test { admin in
            try await admin.postForm(
                "/nhap-so-excel/luu", [("ten", "bieu 6 thang.xlsx"), ("du_lieu", String(encoded))])
        }
        #expect(stored.status == .ok)
        #expect(stored.text.contains("Đã ghi"))
        let after = try await fixture.repository.observations(unitIDs: [unit], years: 2024...2024)
        let production = try #require(
            after.first { $0.indicatorCode == "total_production_value" && $0.value == 2400.5 })
        #expect(production.source.document == "bieu 6 thang.xlsx")
        #expect(production.period.toMonth == 6)
    }

    @Test func aReaderSeesThePreviewButNoStoreButtonAndABadCellIsNamed() async throws {
        let fixture = try await ServerFixture.demo()
        let reader = try await fixture.repository.addUser(
            name: "nguoidoc", role: .viewer, unitID: try await fixture.unitID("Gia Lai"), passwordHash: "x",
            author: .commandLine)
        let session = try await ServerFixture.session(for: reader, in: fixture.repository)
        let data = try TestWorkbook.office(body: "UBND HUYỆN KÔNG CHRO")
        let preview = try await fixture.test(as: session) { try await Self.upload($0, csrf: session.csrf, data) }
        #expect(preview.status == .ok)
        #expect(preview.text.contains("Sẽ ghi 2 dòng kế hoạch"))
        #expect(!preview.text.contains("name=\"du_lieu\""))
        let refused = try await fixture.test(as: session) { reader in
            try await reader.postForm("/nhap-so-excel/luu", [("du_lieu", data.base64EncodedString())])
        }
        #expect(refused.status == .forbidden)
        let stranger = try await fixture.repository.addUser(
            name: "chuse", role: .editor, unitID: try await fixture.unitID("Chư Sê"), passwordHash: "x",
            author: .commandLine)
        let other = try await ServerFixture.session(for: stranger, in: fixture.repository)
        let elsewhere = try await fixture.test(as: other) { editor in
            try await editor.postForm("/nhap-so-excel/luu", [("du_lieu", data.base64EncodedString())])
        }
        #expect(elsewhere.status == .forbidden)
        #expect(elsewhere.text.contains("không được thay đổi số liệu của huyện Kông Chro"))

        let bad = try TestWorkbook.office(body: "UBND HUYỆN KÔNG CHRO", production: "<c r=\"E6\"><f>D6*2</f></c>")
        let named = try await fixture.test(as: session) { try await Self.upload($0, csrf: session.csrf, bad) }
        #expect(named.status == .unprocessableContent)
        #expect(named.text.contains("Trang «Biểu», ô E6: công thức =D6*2 chưa có kết quả lưu trong tệp"))
        let csv = try await fixture.test(as: session) {
            try await Self.upload($0, csrf: session.csrf, Data("Loại,Đơn vị\n".utf8))
        }
        #expect(csv.status == .unprocessableContent)
        #expect(csv.text.contains("không phải sổ Excel (.xlsx)"))
        // a workbook saved with a password: an OLE file holding the encrypted package
        let encrypted =
            Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            + Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let locked = try await fixture.test(as: session) { try await Self.upload($0, csrf: session.csrf, encrypted) }
        #expect(locked.status == .unprocessableContent)
        #expect(locked.text.contains("đã đặt mật khẩu nên không đọc được"))
    }
}

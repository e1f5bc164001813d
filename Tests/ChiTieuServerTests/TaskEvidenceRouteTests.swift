import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// Evidence attached to a task's progress note through the page's multipart form, served back
/// as a download to readers of the unit only.
@Suite("Task evidence files through the tasks page")
struct TaskEvidenceRouteTests {
    static func multipart(_ fields: [(String, String)], file: (name: String, bytes: [UInt8])?, field: String = "can_cu")
        -> (String, ByteBuffer)
    {
        let boundary = "ranh-gioi-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    @Test func anEditorAttachesAPDFReadersDownloadItAndAPageDisguisedAsPDFIsRefused() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        let task = try await fixture.repository.addTask(
            FollowUpTask(
                unitID: kongChro, text: "Đôn đốc thu nợ thuế", responsible: "UBND huyện",
                deadline: try #require(CalendarDay("2026-12-31")), createdBy: "quantri",
                createdAt: "2026-06-15T02:30:00Z"),
            author: .commandLine)
        let pdf = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x41, count: 3000)
        let csrf = try #require(fixture.session?.csrf)
        let path = "/don-vi/\(kongChro)/nhiem-vu/\(task.id)"
        try await fixture.test { admin in
            let (type, body) = Self.multipart(
                [("_csrf", csrf), ("viec_da_lam", "Đã thu 2,1 tỷ đồng nợ thuế")], file: ("Báo cáo 12-BC.pdf", pdf))
            let saved = try await admin.execute(uri: path, method: .post, headers: [.contentType: type], body: body)
            #expect(saved.status == .seeOther)
            let (badType, badBody) = Self.multipart(
                [("_csrf", csrf), ("viec_da_lam", "Xem tệp")],
                file: ("bao-cao.pdf", Array("<html><script>alert(1)</script>".utf8)))
            let refused = try await admin.execute(
                uri: path, method: .post, headers: [.contentType: badType], body: badBody)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Tệp «bao-cao.pdf» không phải tệp PDF như tên của nó: không nhận."))
            let page = try await admin.get("/don-vi/\(kongChro)/nhiem-vu?nam=2026")
            #expect(
                page.text.contains("Căn cứ: <a href=\"\(path)/can-cu/0\" download>Báo cáo 12-BC.pdf (PDF, 3 KB)</a>"))
            let file = try await admin.get("\(path)/can-cu/0")
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == pdf)
            #expect(file.headers[.contentType] == "application/pdf")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await admin.get("\(path)/can-cu/1").status == .notFound)
        }
        #expect(try await fixture.repository.task(id: task.id)?.updates.count == 1)
        let stranger = try await fixture.repository.addUser(
            name: "chuse", role: .editor, unitID: try await fixture.unitID("Chư Sê"), passwordHash: "x",
            author: .commandLine)
        let session = try await ServerFixture.session(for: stranger, in: fixture.repository)
        let other = try await fixture.test(as: session) { try await $0.get("\(path)/can-cu/0") }
        #expect(other.status == .forbidden)
    }
}

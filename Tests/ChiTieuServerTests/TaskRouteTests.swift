import ChiTieuCore
import ChiTieuStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

/// The tasks page: the unit's editor records a conference's conclusions, with a deadline as the
/// conclusions say it, then progress and completion; the page counts them as task reports do
/// and the report's closing section names the open ones. 15 June 2026 is the fixture's day.
@Suite("Tasks through the pages")
struct TaskRouteTests {
    @Test func addProgressCompleteCountAndReport() async throws {
        let fixture = try await ServerFixture.demo()
        // Today's Gia Lai (from 1 July 2025): a unit that exists in 2026.
        let units = try await fixture.repository.allUnits()
        let giaLai = try #require(units.first { $0.name == "Gia Lai" && $0.validFrom != nil }).id
        let ended = try await fixture.unitID("Kông Chro")
        let clerk = try await ServerFixture.session(
            for: try await fixture.repository.addUser(
                name: "gialai", role: .editor, unitID: giaLai, passwordHash: "không dùng", author: .commandLine),
            in: fixture.repository)
        let viewer = try await ServerFixture.session(
            for: try await fixture.repository.addUser(
                name: "xem", role: .viewer, unitID: giaLai, passwordHash: "không dùng", author: .commandLine),
            in: fixture.repository)
        let page = "/don-vi/\(giaLai)/nhiem-vu"
        try await fixture.test(as: clerk) { clerk in
            let added = try await clerk.postForm(
                page,
                [
                    ("noi_dung", "Chỉ đạo công tác thu ngân sách, phấn đấu vượt dự toán"),
                    ("chu_tri", "Ủy ban nhân dân huyện"),
                    ("han", "3 tháng cuối năm"), ("chi_tieu[budget_revenue]", "1"),
                ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location]?.hasPrefix("\(page)?nam=2026#nv-") == true)
            _ = try await clerk.postForm(
                page,
                [("noi_dung", "Rà soát danh sách hộ nghèo"), ("chu_tri", "Phòng Lao động"), ("han", "trước ngày 10/6")])
            _ = try await clerk.postForm(
                page,
                [
                    ("noi_dung", "Tổng kết mô hình cánh đồng lớn"), ("chu_tri", "Phòng Nông nghiệp"),
                    ("han", "30/5/2026"),
                ])
            let unreadable = try await clerk.postForm(page, [("noi_dung", "x"), ("chu_tri", "y"), ("han", "sớm")])
            #expect(unreadable.status == .badRequest)
            #expect(unreadable.text.contains("Không hiểu hạn «sớm»"))
        }
        try await fixture.test { admin in
            let gone = try await admin.postForm(
                "/don-vi/\(ended)/nhiem-vu", [("noi_dung", "x"), ("chu_tri", "y"), ("han", "quý IV")])
            #expect(gone.status == .unprocessableContent)
            #expect(gone.text.contains("Huyện Kông Chro không còn tồn tại trong năm 2026"))
        }
        let tasks = try await fixture.repository.tasks(unitIDs: [giaLai], years: 2026...2026).sorted { $0.id < $1.id }
        #expect(tasks.map(\.deadline.iso) == ["2026-12-31", "2026-06-10", "2026-05-30"])
        #expect(tasks.first?.indicatorCodes == ["budget_revenue"])
        #expect(tasks.first?.deadlineText == "3 tháng cuối năm")
        try await fixture.test(as: clerk) { clerk in
            let progress = try await clerk.postForm(
                "\(page)/\(tasks[0].id)", [("viec_da_lam", "Đã thu 80% dự toán"), ("hoan_thanh", "")])
            #expect(progress.status == .seeOther)
            let late = try await clerk.postForm(
                "\(page)/\(tasks[2].id)", [("viec_da_lam", "Báo cáo số 7-BC/NN"), ("hoan_thanh", "2026-06-02")])
            #expect(late.status == .seeOther)
            let future = try await clerk.postForm(
                "\(page)/\(tasks[1].id)", [("viec_da_lam", "Xong"), ("hoan_thanh", "2026-06-20")])
            #expect(future.status == .conflict)
            let list = try await clerk.get("\(page)?nam=2026")
            #expect(
                list.text.contains(
                    "Tổng số 3 nhiệm vụ: đã hoàn thành 1 nhiệm vụ (0 đúng hạn, 1 quá hạn); 1 nhiệm vụ đang thực hiện trong hạn; 1 nhiệm vụ quá hạn chưa hoàn thành."
                ))
            #expect(list.text.contains("Đã thu 80% dự toán"))
            #expect(list.text.contains("31/12/2026 («3 tháng cuối năm»)"))
            let report = try await clerk.get("/api/v1/units/\(giaLai)/report?year=2026&to_month=6&format=txt")
            #expect(
                report.text.contains(
                    "Nhiệm vụ trọng tâm thời gian tới: rà soát danh sách hộ nghèo (Phòng Lao động chủ trì, hạn 10/6/2026); chỉ đạo công tác thu ngân sách, phấn đấu vượt dự toán (Ủy ban nhân dân huyện chủ trì, hạn 31/12/2026)."
                ), "\(report.text)")
        }
        // A viewer reads the tasks and changes nothing; another unit's task id is not found here.
        try await fixture.test(as: viewer) { viewer in
            let read = try await viewer.get("\(page)?nam=2026")
            #expect(read.status == .ok)
            #expect(!read.text.contains("Thêm nhiệm vụ theo kết luận"))
            let refused = try await viewer.postForm("\(page)/\(tasks[0].id)", [("viec_da_lam", "x")])
            #expect(refused.status == .forbidden)
        }
        let chuSe = ended
        try await fixture.test { admin in
            let elsewhere = try await admin.postForm("/don-vi/\(chuSe)/nhiem-vu/\(tasks[0].id)", [("viec_da_lam", "x")])
            #expect(elsewhere.status == .notFound)
        }
        let trail = try await fixture.repository.auditTrail(AuditQuery(unitID: giaLai)).filter { $0.subject == .task }
        #expect(trail.count == 5)
    }
}

@Suite("Tasks from a text's conclusions, confirmed on the import page")
struct TaskImportTests {
    static let text = """
        Ngày 5/10/2024, Ban Chấp hành Đảng bộ huyện Kông Chro tổ chức hội nghị lần thứ 18 đánh giá kết quả 9 tháng năm 2024.
        Tổng giá trị sản xuất ước đạt 4.790,86 tỷ đồng, bằng 70,76% kế hoạch.
        Kết luận hội nghị, đồng chí Bí thư Huyện ủy đề nghị: Ủy ban nhân dân huyện chỉ đạo công tác thu ngân sách trong quý IV; các xã rà soát danh sách hộ nghèo.
        """

    @Test func thePreviewListsTheDraftsAndOnlyTheCheckedOneIsStored() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        let preview = try await fixture.test { admin in
            try await admin.postForm("/nhap-van-ban", [("van_ban", Self.text)])
        }
        #expect(preview.status == .ok)
        #expect(preview.text.contains("Nhiệm vụ theo kết luận hội nghị"))
        #expect(preview.text.contains("Chỉ đạo công tác thu ngân sách trong quý IV"))
        #expect(preview.text.contains("trong quý IV (31/12/2024)"))
        let stored = try await fixture.test { admin in
            try await admin.postForm(
                "/nhap-van-ban/luu",
                [
                    ("van_ban", Self.text), ("don_vi", "\(kongChro)"), ("nam", "2024"), ("thang", "9"),
                    ("nhiem_vu[t0]", "1"),
                ])
        }
        #expect(stored.status == .ok)
        #expect(stored.text.contains("Đã thêm 1 nhiệm vụ theo kết luận hội nghị."))
        let tasks = try await fixture.repository.tasks(unitIDs: [kongChro], years: 2024...2024)
        #expect(tasks.count == 1)
        #expect(tasks.first?.responsible == "Ủy ban nhân dân huyện")
        #expect(tasks.first?.deadline == CalendarDay("2024-12-31"))
        #expect(tasks.first?.deadlineText == "trong quý IV")
        #expect(tasks.first?.conferenceNumber == 18)
    }
}

import ChiTieuCore
import Testing

@testable import ChiTieuExtract

/// Conclusions read into task drafts; sentences written for these tests.
@Suite("A conference's conclusions become task drafts with addressee and deadline")
struct ConclusionReaderTests {
    static func tasks(_ conclusions: String) -> [ExtractionResult.TaskDraft] {
        Read.extractor.extract("Hội nghị sơ kết 9 tháng năm 2026.\n\n" + conclusions).tasks
    }

    @Test func aListAfterDeNghiGivesOneTaskEachWithItsAddressee() {
        let read = Self.tasks(
            "Kết luận hội nghị, đồng chí Bí thư Huyện ủy đề nghị: Ủy ban nhân dân huyện chỉ đạo công tác thu ngân sách trong quý IV; các cơ quan, đơn vị chủ động rà soát các nhiệm vụ còn chậm; Mặt trận Tổ quốc huyện tăng cường giám sát."
        )
        #expect(read.map(\.addressee) == ["Ủy ban nhân dân huyện", "các cơ quan, đơn vị", "Mặt trận Tổ quốc huyện"])
        #expect(
            read.map(\.text) == [
                "Chỉ đạo công tác thu ngân sách trong quý IV", "Chủ động rà soát các nhiệm vụ còn chậm",
                "Tăng cường giám sát",
            ])
        #expect(read.first?.deadline == "trong quý IV")
        #expect(read.first?.deadlineDay == CalendarDay("2026-12-31"))
        #expect(read.dropFirst().allSatisfy { $0.deadline == nil })
    }

    @Test func theVerbIsTheTaskAfterCanTapTrungAndTheMonthsPhraseIsItsDeadline() {
        let read = Self.tasks("Cần tập trung lãnh đạo, chỉ đạo hoàn thành các nhiệm vụ trọng tâm 03 tháng cuối năm.")
        #expect(read.count == 1)
        #expect(read.first?.text == "Tập trung lãnh đạo, chỉ đạo hoàn thành các nhiệm vụ trọng tâm 03 tháng cuối năm")
        #expect(read.first?.addressee == nil)
        #expect(read.first?.deadline == "03 tháng cuối năm")
        #expect(read.first?.deadlineDay == CalendarDay("2026-12-31"))
    }

    @Test func yeuCauWithTheAddresseeStraightAfterAndADateDeadline() {
        let read = Self.tasks("Đồng chí Chủ tịch yêu cầu các xã khẩn trương hoàn thành kê khai trước ngày 30/11.")
        #expect(read.count == 1)
        #expect(read.first?.addressee == "các xã")
        #expect(read.first?.text == "Khẩn trương hoàn thành kê khai trước ngày 30/11")
        #expect(read.first?.deadlineDay == CalendarDay("2026-11-30"))
    }

    @Test func modalsLeaveTheAddresseeAndLaterClausesKeepIt() {
        let read = Self.tasks(
            "Hội nghị đề nghị: các xã cần tiếp tục rà soát hộ nghèo; cập nhật dữ liệu dân cư; các cơ quan, đơn vị phải nêu cao trách nhiệm người đứng đầu."
        )
        #expect(read.map(\.addressee) == ["các xã", "các xã", "các cơ quan, đơn vị"])
        #expect(
            read.map(\.text) == [
                "Tiếp tục rà soát hộ nghèo", "Cập nhật dữ liệu dân cư", "Nêu cao trách nhiệm người đứng đầu",
            ])
    }

    @Test func accountsOfThePastAndResultsAreNoTasks() {
        #expect(Self.tasks("Theo đề nghị của Phòng Tài chính, huyện đã bổ sung dự toán.").isEmpty)
        #expect(Self.tasks("Huyện đã yêu cầu các xã rà soát hộ nghèo từ tháng 3.").isEmpty)
        #expect(Self.tasks("Thu ngân sách đạt 45 tỷ đồng, bằng 70% dự toán.").isEmpty)
    }

    @Test func aDeadlineWordAtTheEndOfAClauseIsNoCrash() {
        let read = Self.tasks("Hội nghị đề nghị: các xã rà soát hộ nghèo trong; các phòng tổng hợp báo cáo quý.")
        #expect(read.count == 2)
        #expect(read.allSatisfy { $0.deadline == nil })
    }

    @Test func aTaskSpanPointsAtItsClause() {
        let text = "Hội nghị sơ kết 9 tháng năm 2026.\n\nHội nghị đề nghị: các xã rà soát danh sách hộ nghèo."
        let draft = Read.extractor.extract(text).tasks.first
        let scalars = Array(text.unicodeScalars)
        let span = try! #require(draft?.span)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == "các xã rà soát danh sách hộ nghèo")
    }
}

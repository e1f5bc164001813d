import Testing

@testable import ChiTieuCore

@Suite("Tasks: deadlines as written, status derived, the task report's counts")
struct FollowUpTaskTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test(arguments: [
        ("3 tháng cuối năm", "2026-12-31"), ("trong quý IV", "2026-12-31"), ("quý III", "2026-09-30"),
        ("quý 2", "2026-06-30"), ("6 tháng đầu năm", "2026-06-30"), ("6 tháng cuối năm", "2026-12-31"),
        ("tháng 10", "2026-10-31"), ("trong tháng 2/2028", "2028-02-29"), ("trước ngày 30/9", "2026-09-30"),
        ("trước ngày 15/11/2027", "2027-11-15"), ("cuối năm", "2026-12-31"), ("năm 2027", "2027-12-31"),
        ("2026-10-20", "2026-10-20"),
    ])
    func deadlinePhrases(text: String, expected: String) {
        #expect(DeadlinePhrase.resolve(text, year: 2026) == Self.day(expected), "\(text)")
    }

    @Test func phrasesWithoutADayAreNotGuessed() {
        for text in ["sớm", "thường xuyên", "quý V", "tháng 13", "32/9", ""] {
            #expect(DeadlinePhrase.resolve(text, year: 2026) == nil, "«\(text)»")
        }
    }

    static func task(deadline: String, completed: String? = nil) -> FollowUpTask {
        FollowUpTask(
            unitID: 1, text: "Chỉ đạo thu ngân sách", responsible: "UBND huyện", deadline: day(deadline),
            createdBy: "quantri", createdAt: "2026-10-01T02:00:00Z",
            updates: completed.map { [.init(author: "kongchro", at: "t", text: "Đã thu", completedOn: day($0))] } ?? [])
    }

    @Test func statusIsReadFromTheDaysTable() {
        let today = Self.day("2026-11-15")
        let cases: [(String, String?, TaskStatus)] = [
            ("2026-12-31", nil, .inProgress), ("2026-11-15", nil, .inProgress), ("2026-11-14", nil, .overdue),
            ("2026-10-31", "2026-10-31", .doneOnTime), ("2026-10-31", "2026-10-20", .doneOnTime),
            ("2026-10-31", "2026-11-01", .doneLate),
        ]
        for (deadline, completed, status) in cases {
            #expect(
                Self.task(deadline: deadline, completed: completed).status(on: today) == status,
                "\(deadline) \(completed ?? "-")")
        }
    }

    @Test func theTallySentenceCountsAsTaskReportsDo() {
        let today = Self.day("2026-11-15")
        let tasks = [
            Self.task(deadline: "2026-10-31", completed: "2026-10-30"),
            Self.task(deadline: "2026-10-31", completed: "2026-10-30"),
            Self.task(deadline: "2026-09-30", completed: "2026-10-05"), Self.task(deadline: "2026-12-31"),
            Self.task(deadline: "2026-11-01"),
        ]
        let tally = TaskTally(tasks, on: today)
        #expect(tally.total == 5)
        #expect(
            tally.sentence
                == "Tổng số 5 nhiệm vụ: đã hoàn thành 3 nhiệm vụ (2 đúng hạn, 1 quá hạn); 1 nhiệm vụ đang thực hiện trong hạn; 1 nhiệm vụ quá hạn chưa hoàn thành."
        )
        #expect(TaskTally([], on: today).sentence == "Chưa có nhiệm vụ nào.")
    }

    @Test func aTaskCompletesOnceAndNotInTheFuture() {
        let today = Self.day("2026-11-15")
        let open = Self.task(deadline: "2026-12-31")
        #expect(open.problem(with: .init(author: "a", at: "t", text: "Đã họp"), today: today) == nil)
        #expect(open.problem(with: .init(author: "a", at: "t", text: " "), today: today) != nil)
        #expect(
            open.problem(
                with: .init(author: "a", at: "t", text: "Xong", completedOn: Self.day("2026-11-16")), today: today)
                == "Ngày hoàn thành 16/11/2026 chưa đến.")
        let done = Self.task(deadline: "2026-12-31", completed: "2026-11-01")
        #expect(
            done.problem(with: .init(author: "a", at: "t", text: "Xong", completedOn: today), today: today)
                == "Nhiệm vụ đã được ghi là hoàn thành.")
    }
}

import ChiTieuCore
import ChiTieuStore
import Foundation

/// When the day's digest is due: from `hour` o'clock in Vietnam (UTC+7), whatever the
/// server's own time zone.
struct DigestSchedule {
    let hour: Int

    func isDue(at date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar.component(.hour, from: date) >= hour
    }
}

/// The morning mail of what is overdue, one per person who has something: explanations their
/// unit owes past the due day, requests they made that are still unanswered past it, and the
/// tasks of their unit past the deadline. Nobody gets an empty digest.
struct DailyDigest {
    let notices: FollowUpNotices
    let requests: [ExplanationRequest]
    let tasks: [FollowUpTask]
    let today: CalendarDay

    func mails() -> [OutgoingMail] {
        let overdue = requests.filter { $0.state(on: today) == .overdue }
        let lateTasks = tasks.filter { $0.status(on: today) == .overdue }
        return notices.users.filter { !$0.disabled && $0.email != nil }.compactMap { user in
            let owed = overdue.filter { r in
                notices.answerers(of: r.unitID, except: r.requesterID).contains { $0.id == user.id }
            }
            let asked = overdue.filter { $0.requesterID == user.id }
            let own = lateTasks.filter { $0.unitID == user.unitID }
            guard !(owed.isEmpty && asked.isEmpty && own.isEmpty) else { return nil }
            var lines = ["Những việc đã quá hạn tính đến ngày \(today.vietnamese):"]
            lines += section("Giải trình đơn vị phải gửi", owed.map(requestLine))
            lines += section("Yêu cầu giải trình đã gửi, đơn vị chưa trả lời", asked.map(requestLine))
            lines += section("Nhiệm vụ quá hạn, chưa hoàn thành", own.map(taskLine))
            return notices.mail(
                to: user, key: "tong-hop/\(user.id)/\(today.iso)",
                subject: "Việc quá hạn ngày \(today.vietnamese): \(owed.count + asked.count + own.count) việc",
                lines: lines)
        }
    }

    private func section(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["", "\(title) (\(items.count)):"] + items
    }

    private func requestLine(_ r: ExplanationRequest) -> String {
        "- \(notices.name(r)) — \(notices.unitTitle(r)), \(r.period.label): hạn \(r.dueOn.vietnamese). \(notices.link(r))"
    }

    private func taskLine(_ t: FollowUpTask) -> String {
        "- \(t.text) — \(t.responsible), hạn \(t.deadline.vietnamese). "
            + notices.publicURL + SiteURL.unit(t.unitID, .tasks).path(["nam": "\(t.deadline.year)"])
    }
}

extension AppServices {
    /// The digests due on `today`, from every open request and the tasks of the units people
    /// belong to.
    func digestMails(on today: CalendarDay) async throws -> [OutgoingMail] {
        let users = try await repository.users()
        guard let composer = try await noticeComposer(users: users) else { return [] }
        let unitIDs = Array(Set(users.compactMap(\.unitID)))
        return DailyDigest(
            notices: composer, requests: try await repository.explanationRequests(years: years.targetYears),
            tasks: try await repository.tasks(unitIDs: unitIDs, years: years.targetYears), today: today
        ).mails()
    }
}

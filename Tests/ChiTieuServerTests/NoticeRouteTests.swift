import ChiTieuCore
import ChiTieuMail
import ChiTieuStore
import ChiTieuTestSupport
import Foundation
import Logging
import Testing

@testable import ChiTieuServer

/// A clock the test moves (the due day passes, the digest hour comes).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    init(_ date: Date) { self.date = date }
    func set(_ iso: String) { lock.withLock { date = ISO8601DateFormatter().date(from: iso)! } }
    var clock: WallClock { WallClock { [self] in lock.withLock { date } } }
}

/// The notices of the follow-up path: the four mails a request, an answer, a return and a
/// second answer owe reach a real SMTP server, once each; the morning digest lists what is
/// overdue to whom it concerns.
@Suite("Notices: the mails of the explanation path and the daily digest")
struct NoticeRouteTests {
    static let site = "https://chitieu.gialai.gov.vn"

    struct People {
        let fixture: ServerFixture
        let leader: Browser.Session
        let clerk: Browser.Session
        let kongChro: UnitID
        let ids: [String: Int64]
    }

    static func people(clock: TestClock, transport: any MailTransport) async throws -> People {
        let configuration = ServerConfiguration(
            clock: clock.clock, passwords: Passwords(cost: 4),
            notices: NoticeSettings(transport: transport, publicURL: site + "/", senderDomain: "gialai.gov.vn"))
        let fixture = try await ServerFixture.demo(configuration: configuration)
        let units = try await fixture.repository.allUnits()
        let oldGiaLai = try #require(units.first { $0.name == "Gia Lai" && $0.validTo != nil })
        let kongChro = try await fixture.unitID("Kông Chro")
        var ids: [String: Int64] = [:]
        var sessions: [String: Browser.Session] = [:]
        for (name, role, unit) in [
            ("lanhdao-tinh", Role.viewer, oldGiaLai.id), ("kongchro", .editor, kongChro),
            ("chuse", .editor, try await fixture.unitID("Chư Sê")),
        ] {
            let user = try await fixture.repository.addUser(
                name: name, role: role, unitID: unit, passwordHash: "không dùng", author: .commandLine)
            try await fixture.repository.setEmail(
                userID: user.id, try MailAddress("\(name)@gialai.gov.vn"), author: .commandLine)
            ids[name] = user.id
            sessions[name] = try await ServerFixture.session(for: user, in: fixture.repository)
        }
        return People(
            fixture: fixture, leader: try #require(sessions["lanhdao-tinh"]), clerk: try #require(sessions["kongchro"]),
            kongChro: kongChro, ids: ids)
    }

    static func ask(_ p: People) async throws -> Int {
        let asked = try await p.fixture.test(as: p.leader) { leader in
            try await leader.postJSON(
                "/api/v1/units/\(p.kongChro)/explanation-requests",
                #"{"indicator":"industrial_production_value","year":2024,"to_month":9,"note":"Làm rõ nguyên nhân đạt thấp","due_date":"2026-06-30"}"#
            )
        }
        #expect(asked.status == .created)
        return try #require(try asked.json()["id"] as? Int)
    }

    @Test(.enabled(if: MailSink.isAvailable, "needs python3 with aiosmtpd"))
    func theFourMailsOfThePathReachTheServerOnceEach() async throws {
        try await MailSink.with(.accept) { sink in
            let clock = TestClock(Date(timeIntervalSince1970: 1_781_490_600))
            let smtp = SMTPClient(
                settings: SMTPSettings(
                    host: "127.0.0.1", port: sink.port, sender: try MailAddress("chitieu@gialai.gov.vn"),
                    timeout: .seconds(5)))
            let p = try await Self.people(clock: clock, transport: smtp)
            let id = try await Self.ask(p)
            let answer = ExplanationRouteTests.answer
            try await p.fixture.test(as: p.clerk) { clerk in
                let answered = try await clerk.postJSON("/api/v1/explanation-requests/\(id)/answer", answer)
                #expect(answered.status == .ok)
            }
            try await p.fixture.test(as: p.leader) { leader in
                let returned = try await leader.postJSON(
                    "/api/v1/explanation-requests/\(id)/return", #"{"comment":"Nêu rõ sản lượng đường."}"#)
                #expect(returned.status == .ok)
            }
            try await p.fixture.test(as: p.clerk) { clerk in
                let answered = try await clerk.postJSON("/api/v1/explanation-requests/\(id)/answer", answer)
                #expect(answered.status == .ok)
            }
            try await p.fixture.test(as: p.leader) { leader in
                let accepted = try await leader.postJSON("/api/v1/explanation-requests/\(id)/accept", "{}")
                #expect(accepted.status == .ok)
            }
            let sender = OutboxSender(
                outbox: p.fixture.repository, transport: smtp, clock: clock.clock, logger: Logger(label: "test"),
                domain: "gialai.gov.vn")
            #expect(await sender.sendDue() == SendingRound(sent: 4))
            #expect(await sender.sendDue() == SendingRound())

            let mails = try await sink.waitForMessages(4).map(ReceivedMail.init)
            #expect(
                mails.map(\.envelopeTo) == [
                    "kongchro@gialai.gov.vn", "lanhdao-tinh@gialai.gov.vn", "kongchro@gialai.gov.vn",
                    "lanhdao-tinh@gialai.gov.vn",
                ])
            let name = "Giá trị sản xuất công nghiệp"
            #expect(mails.first?.subject == "Yêu cầu giải trình: \(name) — huyện Kông Chro, 9 tháng năm 2024")
            #expect(mails[1].subject == "huyện Kông Chro đã giải trình: \(name), 9 tháng năm 2024")
            #expect(mails[2].subject == "Giải trình bị trả lại: \(name) — huyện Kông Chro, 9 tháng năm 2024")
            let link = "\(Self.site)/don-vi/\(p.kongChro)/giai-trinh?nam=2024"
            #expect(mails.allSatisfy { $0.body.contains(link) })
            #expect(mails[0].body.contains("Hạn giải trình: 30/6/2026."))
            #expect(mails[1].body.contains("Nguyên nhân chủ quan: Chậm giải ngân vốn."))
            #expect(mails[2].body.contains("Lý do: Nêu rõ sản lượng đường."))
            #expect(!mails.contains { $0.envelopeTo.contains("chuse") }, "another district hears nothing")
        }
    }

    @Test func stateTurnsOverdueAndTheMorningDigestGoesToThoseItConcernsOnce() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_781_490_600))
        let p = try await Self.people(clock: clock, transport: NoTransport())
        let id = try await Self.ask(p)
        _ = try await p.fixture.repository.addTask(
            FollowUpTask(
                unitID: p.kongChro, text: "Đôn đốc thu nợ thuế", responsible: "UBND huyện",
                deadline: try #require(CalendarDay("2026-06-20")), createdBy: "quantri",
                createdAt: "2026-06-15T02:30:00Z"),
            author: .commandLine)
        let service = NoticeService(
            services: p.fixture.services, settings: try #require(p.fixture.services.configuration.notices),
            logger: Logger(label: "test"))

        clock.set("2026-07-01T00:30:00Z")  // 07:30 in Vietnam, the day after the due day
        let state = try await p.fixture.test(as: p.clerk) {
            try await $0.get("/api/v1/units/\(p.kongChro)/explanation-requests?year=2024&state=overdue")
        }
        #expect(((try state.json()["items"] as? [[String: Any]])?.first?["id"] as? Int) == id)
        let list = try await p.fixture.test(as: p.clerk) { try await $0.get("/viec-cho") }
        #expect(list.text.contains("Việc chờ: 2"), "the overdue request and the overdue task")
        #expect(list.text.contains("Nhiệm vụ chưa hoàn thành của đơn vị (1)"))
        #expect(list.text.contains("Quá hạn, chưa hoàn thành"))

        clock.set("2026-06-30T23:00:00Z")  // 06:00 in Vietnam: before the digest hour
        #expect(await service.queueDigest(after: nil) == nil)
        clock.set("2026-07-01T00:30:00Z")
        let day = try #require(CalendarDay("2026-07-01"))
        #expect(await service.queueDigest(after: nil) == day)
        #expect(await service.queueDigest(after: nil) == day, "a restart builds it again")
        let digests = try await p.fixture.repository.outboxMails(keyPrefix: "tong-hop/")
        #expect(
            digests.map(\.mail.dedupeKey).sorted()
                == [
                    "tong-hop/\(p.ids["kongchro"]!)/2026-07-01", "tong-hop/\(p.ids["lanhdao-tinh"]!)/2026-07-01",
                ].sorted())
        let clerk = try #require(digests.first { $0.mail.recipient.value == "kongchro@gialai.gov.vn" }).mail
        #expect(clerk.subject == "Việc quá hạn ngày 1/7/2026: 2 việc")
        #expect(clerk.body.contains("Giải trình đơn vị phải gửi (1):"))
        #expect(
            clerk.body.contains(
                "Nhiệm vụ quá hạn, chưa hoàn thành (1):\n- Đôn đốc thu nợ thuế — UBND huyện, hạn 20/6/2026."))
        let leader = try #require(digests.first { $0.mail.recipient.value == "lanhdao-tinh@gialai.gov.vn" }).mail
        #expect(leader.body.contains("Yêu cầu giải trình đã gửi, đơn vị chưa trả lời (1):"))
        #expect(!leader.body.contains("Nhiệm vụ quá hạn"))
    }

    @Test func withoutAMailServerNothingIsQueued() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        let user = try await fixture.repository.addUser(
            name: "kongchro", role: .editor, unitID: kongChro, passwordHash: "x", author: .commandLine)
        try await fixture.repository.setEmail(userID: user.id, try MailAddress("k@gialai.gov.vn"), author: .commandLine)
        let asked = try await fixture.test { admin in
            try await admin.postJSON(
                "/api/v1/units/\(kongChro)/explanation-requests",
                #"{"indicator":"industrial_production_value","year":2024,"to_month":9,"note":"Làm rõ","due_date":"2026-06-30"}"#
            )
        }
        #expect(asked.status == .created)
        #expect(try await fixture.repository.outboxSummary().waiting == 0)
    }
}

@Suite("The user page keeps each person's notice address")
struct UserAddressPageTests {
    @Test func anAdministratorSetsChecksAndClearsAnAddress() async throws {
        let fixture = try await ServerFixture.demo()
        let kongChro = try await fixture.unitID("Kông Chro")
        try await fixture.test { admin in
            let added = try await admin.postForm(
                "/quan-tri/nguoi-dung",
                [
                    ("ten", "kongchro"), ("vai_tro", "editor"), ("don_vi", "\(kongChro)"),
                    ("mat_khau", "mat-khau-dai-12"),
                    ("thu", "VanPhong@KongChro.GiaLai.gov.vn"),
                ])
            #expect(added.status == .seeOther)
            let bad = try await admin.postForm(
                "/quan-tri/nguoi-dung",
                [
                    ("ten", "chuse"), ("vai_tro", "editor"), ("don_vi", "\(kongChro)"), ("mat_khau", "mat-khau-dai-12"),
                    ("thu", "chuse@@gialai"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Địa chỉ thư điện tử «chuse@@gialai» không hợp lệ: phải có đúng một dấu @."))
        }
        let users = try await fixture.repository.users()
        #expect(!users.contains { $0.name == "chuse" }, "nothing stored when the address is wrong")
        let clerk = try #require(users.first { $0.name == "kongchro" })
        #expect(clerk.email?.value == "VanPhong@kongchro.gialai.gov.vn")
        try await fixture.test { admin in
            let page = try await admin.get("/quan-tri/nguoi-dung")
            #expect(page.text.contains("value=\"VanPhong@kongchro.gialai.gov.vn\""))
            let wrong = try await admin.postForm("/quan-tri/nguoi-dung/\(clerk.id)/thu", [("thu", "khong co a còng")])
            #expect(wrong.status == .unprocessableContent)
            let cleared = try await admin.postForm("/quan-tri/nguoi-dung/\(clerk.id)/thu", [("thu", "")])
            #expect(cleared.text.contains("«kongchro» không nhận thư báo nữa."))
        }
        #expect(try await fixture.repository.users().first { $0.name == "kongchro" }?.email == nil)
    }
}

/// For tests that only look at what is queued.
struct NoTransport: MailTransport {
    func send(_ mail: QueuedMessage) async throws { throw SMTPError.connectionClosed }
}

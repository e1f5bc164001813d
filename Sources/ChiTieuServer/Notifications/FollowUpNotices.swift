import ChiTieuCore
import ChiTieuStore

/// The mails a request and its steps owe, in Vietnamese: a new request and a return go to the
/// editors of the unit that must answer, an answer to the person who asked. An acceptance ends
/// the thread and owes no mail. Pure: built from what the server already holds.
struct FollowUpNotices {
    let users: [UserAccount]
    let units: [UnitID: AdministrativeUnit]
    let indicatorNames: [String: String]
    let publicURL: String

    /// Who answers for `unitID` by mail: the editors of that unit, or when it has none with an
    /// address (a commune whose figures the district enters), those of the nearest unit above.
    func answerers(of unitID: UnitID, except requesterID: Int64?) -> [UserAccount] {
        var next: UnitID? = unitID
        // Four levels at most (village, commune, district, province); the bound also stops a
        // parent cycle in bad data from looping.
        for _ in 0..<6 {
            guard let id = next else { break }
            let editors = users.filter {
                $0.role == .editor && $0.unitID == id && !$0.disabled && $0.email != nil && $0.id != requesterID
            }
            if !editors.isEmpty { return editors }
            next = units[id]?.parentID
        }
        return []
    }

    func requester(of request: ExplanationRequest) -> UserAccount? {
        users.first { $0.id == request.requesterID && !$0.disabled && $0.email != nil }
    }

    /// The mails owed by the request as it now stands (just made, or with its newest step).
    func mails(for request: ExplanationRequest) -> [OutgoingMail] {
        guard let last = request.steps.last else { return newRequest(request) }
        switch last.kind {
        case .answer: return requester(of: request).map { [answered(request, last, to: $0)] } ?? []
        case .return: return returned(request, last)
        case .accept: return []
        }
    }

    private func newRequest(_ r: ExplanationRequest) -> [OutgoingMail] {
        answerers(of: r.unitID, except: r.requesterID).compactMap { user in
            mail(
                to: user, key: "giai-trinh/\(r.id)/yeu-cau/\(user.id)",
                subject: "Yêu cầu giải trình: \(name(r)) — \(unitTitle(r)), \(r.period.label)",
                lines: [
                    "\(r.requester) đề nghị \(unitTitle(r)) giải trình về chỉ tiêu «\(name(r))», \(r.period.label).",
                    "", "Nội dung cần giải trình: \(r.note)", "Hạn giải trình: \(r.dueOn.vietnamese).", "",
                    "Xem và gửi giải trình tại: \(link(r))",
                ])
        }
    }

    private func answered(_ r: ExplanationRequest, _ step: ExplanationStep, to user: UserAccount) -> OutgoingMail {
        let answer = step.answer
        let lines = [
            "\(step.author) (\(unitTitle(r))) đã giải trình về chỉ tiêu «\(name(r))», \(r.period.label).", "",
            "Tình hình: \(answer?.facts ?? "")",
            "Nguyên nhân chủ quan: \(answer?.subjectiveCauses.orDash ?? "—")",
            "Nguyên nhân khách quan: \(answer?.objectiveCauses.orDash ?? "—")",
            "Giải pháp: \(answer?.actions ?? "")",
            "Dự kiến kết quả cuối năm: \(answer?.expectedResult.orDash ?? "—")", "",
            "Chấp nhận hoặc trả lại tại: \(link(r))",
        ]
        return mail(
            to: user, key: "giai-trinh/\(r.id)/buoc-\(r.steps.count)/\(user.id)",
            subject: "\(unitTitle(r)) đã giải trình: \(name(r)), \(r.period.label)", lines: lines)!
    }

    private func returned(_ r: ExplanationRequest, _ step: ExplanationStep) -> [OutgoingMail] {
        answerers(of: r.unitID, except: r.requesterID).compactMap { user in
            mail(
                to: user, key: "giai-trinh/\(r.id)/buoc-\(r.steps.count)/\(user.id)",
                subject: "Giải trình bị trả lại: \(name(r)) — \(unitTitle(r)), \(r.period.label)",
                lines: [
                    "\(step.author) trả lại giải trình của \(unitTitle(r)) về chỉ tiêu «\(name(r))», \(r.period.label).",
                    "", "Lý do: \(step.comment ?? "")", "Hạn giải trình: \(r.dueOn.vietnamese).", "",
                    "Giải trình lại tại: \(link(r))",
                ])
        }
    }

    // MARK: pieces

    func mail(to user: UserAccount, key: String, subject: String, lines: [String]) -> OutgoingMail? {
        guard let address = user.email else { return nil }
        let body = (["Kính gửi \(user.name),", ""] + lines + ["", "—", Self.footer]).joined(separator: "\n")
        return OutgoingMail(dedupeKey: key, recipient: address, subject: subject, body: body)
    }

    static let footer = "Thư do hệ thống theo dõi chỉ tiêu gửi tự động; xin đừng trả lời thư này."

    func name(_ r: ExplanationRequest) -> String { indicatorNames[r.indicatorCode] ?? r.indicatorCode }
    func unitTitle(_ r: ExplanationRequest) -> String { units[r.unitID]?.title ?? "đơn vị mã \(r.unitID)" }

    func link(_ r: ExplanationRequest) -> String {
        publicURL + SiteURL.unit(r.unitID, .explanations).path(["nam": "\(r.period.year)"])
    }
}

extension String {
    /// «—» for an empty field of an answer.
    fileprivate var orDash: String { allSatisfy(\.isWhitespace) ? "—" : self }
}

extension AppServices {
    /// What a change to a request queues: the mails `FollowUpNotices` makes, when mail is set
    /// up; none otherwise.
    func notices() async throws -> MailNotices {
        guard let composer = try await noticeComposer() else { return { _ in [] } }
        return { composer.mails(for: $0) }
    }

    /// The composer of notices, nil when mail is not set up.
    func noticeComposer(users: [UserAccount]? = nil) async throws -> FollowUpNotices? {
        guard let settings = configuration.notices else { return nil }
        let names = try await repository.indicators().map { ($0.code, $0.name) }
        var people = users ?? []
        if users == nil { people = try await repository.users() }
        return FollowUpNotices(
            users: people, units: try await unitsByID(),
            indicatorNames: Dictionary(names, uniquingKeysWith: { a, _ in a }), publicURL: settings.publicURL)
    }
}

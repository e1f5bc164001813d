import ChiTieuCore
import ChiTieuStore

extension ExplanationsPage {
    /// The page: a pure function of the requests and who is reading.
    struct View {
        let layout: LayoutView
        let heading: String
        let requests: [Card]

        struct Card {
            let id: Int64
            let anchor: String
            let title: String
            let unit: String
            let unitHref: String
            let note: String
            let asked: String
            let due: String
            let state: String
            let stateClass: String
            let steps: [Step]
            let answerAction: String?
            let acceptAction: String?
            let returnAction: String?
        }

        struct Step {
            let heading: String
            let parts: [Part]
        }

        struct Part {
            let label: String
            let text: String
        }

        init(
            _ requests: [ExplanationRequest], heading: String, layout: LayoutView, units: [UnitID: AdministrativeUnit],
            indicators: [String: Indicator], reader: ExplanationRules, today: CalendarDay
        ) {
            self.layout = layout
            self.heading = heading
            self.requests = requests.map { r in
                let state = r.state(on: today)
                let unit = units[r.unitID]
                return Card(
                    id: r.id, anchor: "yc-\(r.id)",
                    title: "Số \(r.id): \(indicators[r.indicatorCode]?.name ?? r.indicatorCode), \(r.period.label)",
                    unit: unit?.capitalizedTitle ?? "", unitHref: PageAddress.overview.path(r.unitID, r.period),
                    note: r.note, asked: "\(r.requester), \(Timestamp.vietnamese(r.requestedAt))",
                    due: r.dueOn.vietnamese, state: state.label, stateClass: Self.stateClass(state),
                    steps: r.steps.map(Self.step),
                    answerAction: state.awaitsUnit && reader.mayAnswer(r)
                        ? SiteURL.explanation(r.id, .answer).path() : nil,
                    acceptAction: state == .answered && reader.mayReview(r)
                        ? SiteURL.explanation(r.id, .accept).path() : nil,
                    returnAction: state == .answered && reader.mayReview(r)
                        ? SiteURL.explanation(r.id, .return).path() : nil)
            }
        }

        static func stateClass(_ state: ExplanationState) -> String {
            switch state {
            case .accepted: "st-met"
            case .answered: "st-on-track"
            case .requested, .returned: "st-at-risk"
            case .overdue: "st-off-track"
            }
        }

        static func step(_ s: ExplanationStep) -> Step {
            let when = "\(s.author), \(Timestamp.vietnamese(s.at))"
            switch s.kind {
            case .answer:
                let a = s.answer
                let parts = [
                    ("Tình hình thực hiện", a?.facts), ("Nguyên nhân chủ quan", a?.subjectiveCauses),
                    ("Nguyên nhân khách quan", a?.objectiveCauses), ("Giải pháp", a?.actions),
                    ("Dự kiến kết quả cả năm", a?.expectedResult),
                ].compactMap { label, text in text.flatMap { $0.isEmpty ? nil : Part(label: label, text: $0) } }
                return Step(heading: "Giải trình — \(when)", parts: parts)
            case .return:
                return Step(heading: "Trả lại — \(when)", parts: [Part(label: "Lý do", text: s.comment ?? "")])
            case .accept:
                return Step(
                    heading: "Chấp nhận — \(when)", parts: s.comment.map { [Part(label: "Nhận xét", text: $0)] } ?? [])
            }
        }
    }
}

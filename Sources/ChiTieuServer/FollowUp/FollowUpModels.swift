import ChiTieuCore
import Hummingbird

/// The JSON of explanation requests and warnings, shared by the API and the pages' loaders.
enum FollowUpModels {
    struct Step: Encodable, Sendable {
        let kind: String
        let author: String
        let at: String
        let facts: String?
        let subjective_causes: String?
        let objective_causes: String?
        let actions: String?
        let expected_result: String?
        let comment: String?

        init(_ s: ExplanationStep) {
            kind = s.kind.rawValue
            author = s.author
            at = s.at
            facts = s.answer?.facts
            subjective_causes = s.answer?.subjectiveCauses
            objective_causes = s.answer?.objectiveCauses
            actions = s.answer?.actions
            expected_result = s.answer?.expectedResult
            comment = s.comment
        }
    }

    struct Request: ResponseEncodable {
        let id: Int64
        let unit_id: UnitID
        let indicator: String
        let year: Int
        let to_month: Int
        let note: String
        let due_date: String
        let requester: String
        let requested_at: String
        let state: String
        let state_label: String
        let steps: [Step]

        init(_ r: ExplanationRequest, today: CalendarDay) {
            id = r.id
            unit_id = r.unitID
            indicator = r.indicatorCode
            year = r.period.year
            to_month = r.period.toMonth
            note = r.note
            due_date = r.dueOn.iso
            requester = r.requester
            requested_at = r.requestedAt
            let state = r.state(on: today)
            self.state = state.rawValue
            state_label = state.label
            steps = r.steps.map(Step.init)
        }
    }

    struct Warning: Encodable, Sendable {
        let unit_id: UnitID
        let unit: String
        let indicator: String
        let indicator_name: String
        let colour: String
        let status: String
        let status_label: String
        let shortfall_percent: Double?
        let trend: String
        let explanation_id: Int64?
        let explanation_state: String?

        init(_ item: Warnings.Item) {
            unit_id = item.unit.id
            unit = item.unit.title
            indicator = item.assessment.indicator.code
            indicator_name = item.assessment.indicator.name
            colour = item.colour.rawValue
            status = item.assessment.status.rawValue
            status_label = item.assessment.status.label
            shortfall_percent = item.assessment.shortfallPercent.map { ($0 * 100).rounded() / 100 }
            trend = item.trend.rawValue
            explanation_id = item.request?.id
            explanation_state = item.requestState?.rawValue
        }
    }

    struct WarningList: ResponseEncodable {
        let year: Int
        let to_month: Int
        let counts: [String: Int]
        let items: [Warning]

        init(_ w: Warnings) {
            year = w.period.year
            to_month = w.period.toMonth
            counts = Dictionary(uniqueKeysWithValues: Warnings.Colour.allCases.map { ($0.rawValue, w.counts[$0] ?? 0) })
            items = w.items.map(Warning.init)
        }
    }
}

import ChiTieuCore
import ChiTieuStore

extension TasksPage {
    /// The page: a pure function of the tasks, the day and the unit's choices.
    struct View {
        let layout: LayoutView
        let heading: String
        let sentence: String
        let counts: [Count]
        let tasks: [Row]
        let addAction: String
        let choices: [Choice]
        let conferences: [Int]

        struct Count {
            let label: String
            let count: Int
            let statusClass: String
        }

        struct Row {
            let anchor: String
            let text: String
            let responsible: String
            let deadline: String
            let conference: String?
            let indicators: String?
            let status: String
            let statusClass: String
            let updates: [Line]
            let updateAction: String?
        }

        struct Line {
            let heading: String
            let text: String
            let evidence: String?
            let evidenceHref: String?
        }

        struct Choice {
            let code: String
            let name: String
        }

        init(
            tasks: [FollowUpTask], unit: AdministrativeUnit, year: Int, heading: String, layout: LayoutView,
            indicators: [String: Indicator], choices: [Indicator], conferences: [Int], today: CalendarDay
        ) {
            self.layout = layout
            self.heading = heading
            let tally = TaskTally(tasks, on: today)
            sentence = tally.sentence
            counts = TaskStatus.allCases.map {
                Count(label: $0.label, count: tally.count($0), statusClass: Self.statusClass($0))
            }
            self.tasks = tasks.sorted {
                ($0.status(on: today).order, $0.deadline) < ($1.status(on: today).order, $1.deadline)
            }
            .map { task in
                let status = task.status(on: today)
                let names = task.indicatorCodes.map { indicators[$0]?.name ?? $0 }
                return Row(
                    anchor: "nv-\(task.id)", text: task.text, responsible: task.responsible,
                    deadline: task.deadline.vietnamese + (task.deadlineText.map { " («\($0)»)" } ?? ""),
                    conference: task.conferenceNumber.map { "Hội nghị lần thứ \($0)" },
                    indicators: names.isEmpty ? nil : names.joined(separator: "; "), status: status.label,
                    statusClass: Self.statusClass(status),
                    updates: task.updates.enumerated().map { position, update in
                        Line(
                            heading: "\(update.author), \(Timestamp.vietnamese(update.at))"
                                + (update.completedOn.map { " — hoàn thành ngày \($0.vietnamese)" } ?? ""),
                            text: update.text, evidence: update.evidence?.label,
                            evidenceHref: update.evidence.map { _ in
                                SiteURL.unit(unit.id, .taskEvidence(task.id, position)).path()
                            })
                    },
                    updateAction: status.isDone || layout.readOnly
                        ? nil : SiteURL.unit(unit.id, .taskUpdate(task.id)).path())
            }
            addAction = SiteURL.unit(unit.id, .tasks).path()
            self.choices = choices.map { Choice(code: $0.code, name: $0.name) }
            self.conferences = conferences
        }

        static func statusClass(_ status: TaskStatus) -> String {
            switch status {
            case .doneOnTime: "st-met"
            case .doneLate: "st-at-risk"
            case .inProgress: "st-on-track"
            case .overdue: "st-off-track"
            }
        }
    }
}

extension TaskStatus {
    /// Overdue first, as a leader reads them.
    var order: Int {
        switch self {
        case .overdue: 0
        case .inProgress: 1
        case .doneLate: 2
        case .doneOnTime: 3
        }
    }
}

/// Every target of one unit assessed for one period, and the tally of them.
public struct Overview: Sendable {
    public let unit: AdministrativeUnit
    public let period: Period
    /// Annual targets (kế hoạch, dự toán) of the period's year.
    public let annual: [Assessment]
    /// Resolution targets whose term covers the period's year.
    public let term: [Assessment]
    /// Tally of the annual targets, one per indicator.
    public let tally: Tally
    /// Tally of the resolution targets.
    public let termTally: Tally
    /// Targets whose indicator is not in the catalogue (a catalogue was replaced under them).
    public let unknownIndicators: [String]

    public init(
        unit: AdministrativeUnit, period: Period, targets: [Target], indicators catalogue: [Indicator],
        history: ObservationHistory, assessor: TargetAssessor = TargetAssessor(), unitCount: Int? = nil
    ) {
        let indicators = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let position = Dictionary(catalogue.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.unit = unit
        self.period = period
        var annual: [Assessment] = []
        var term: [Assessment] = []
        var unknown: [String] = []
        for target in targets where target.unitID == unit.id {
            guard target.scope.firstYear <= period.year else { continue }
            guard let indicator = indicators[target.indicatorCode] else {
                unknown.append(target.indicatorCode)
                continue
            }
            switch target.scope {
            case .year(let year) where year == period.year:
                annual.append(assessor.assess(target, indicator: indicator, period: period, history: history))
            case .term(_, let last) where period.year <= last:
                term.append(
                    assessor.assess(
                        target, indicator: indicator, period: period, history: history, unitCount: unitCount))
            default:
                continue
            }
        }
        // Fields in report order, indicators in catalogue order within a field.
        let order: (Assessment, Assessment) -> Bool = {
            ($0.indicator.field.sortOrder, position[$0.target.indicatorCode] ?? 0, $0.target.issuerRank, $0.target.id)
                < (
                    $1.indicator.field.sortOrder, position[$1.target.indicatorCode] ?? 0, $1.target.issuerRank,
                    $1.target.id
                )
        }
        self.annual = annual.sorted(by: order)
        self.term = term.sorted(by: order)
        tally = Tally(counting: annual)
        termTally = Tally(counting: term)
        unknownIndicators = Array(Set(unknown)).sorted()
    }

    public var all: [Assessment] { annual + term }

    /// Targets needing attention first, as an overview page lists them.
    public var byUrgency: [Assessment] {
        all.enumerated().sorted { ($0.element.status.urgency, $0.offset) < ($1.element.status.urgency, $1.offset) }
            .map(\.element)
    }
}

extension Field {
    /// The order reports follow: economy, society, environment, defence, Party building.
    public var sortOrder: Int { Field.allCases.firstIndex(of: self) ?? 0 }
}

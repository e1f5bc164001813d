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
    /// The set the year's plan adopted, whose order and count the annual targets follow.
    public let annualSet: TargetSet?
    /// The resolution's set whose term covers the period.
    public let termSet: TargetSet?
    private let placed: [String: TargetSet.Item]
    private let counted: Set<String>

    public init(
        unit: AdministrativeUnit, period: Period, targets: [Target], indicators catalogue: [Indicator],
        history: ObservationHistory, assessor: TargetAssessor = TargetAssessor(), unitCount: Int? = nil,
        targetSets: [TargetSet] = []
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
        let order = { (a: Assessment) in
            (a.indicator.field.sortOrder, position[a.target.indicatorCode] ?? 0, a.target.issuerRank, a.target.id)
        }
        let own = targetSets.filter { $0.unitID == unit.id && $0.scope.covers(period.year) }
        annualSet = own.first { $0.scope.isAnnual }
        termSet = own.first { !$0.scope.isAnnual }
        let annualOrder = SetOrder(annualSet, assessments: annual)
        let termOrder = SetOrder(termSet, assessments: term)
        self.annual = annualOrder.sorted(annual, otherwise: order)
        self.term = termOrder.sorted(term, otherwise: order)
        tally = annualOrder.tally ?? Tally(counting: annual)
        termTally = termOrder.tally ?? Tally(counting: term)
        placed = annualOrder.items.merging(termOrder.items) { first, _ in first }
        counted = Set((Tally.counted(annual) + Tally.counted(term)).map(\.target.naturalKey))
        unknownIndicators = Array(Set(unknown)).sorted()
    }

    /// Whether the tally beside the table counts this target: a set's item, or — without a
    /// set — the one target per indicator the tally takes (the unit's own plan before a budget
    /// estimate). The table marks the others, so that it never disagrees with the tally.
    public func isCounted(_ assessment: Assessment) -> Bool {
        let set = assessment.target.isAnnual ? annualSet : termSet
        if set != nil { return item(of: assessment) != nil }
        return counted.contains(assessment.target.naturalKey)
    }

    /// The set item a target is, with its number ("1.2") and the group it opens; nil outside a set.
    public func item(of assessment: Assessment) -> TargetSet.Item? { placed[assessment.target.naturalKey] }

    /// Items of the sets that no stored target answers (counted as chưa đánh giá in the tally).
    public var unplacedItems: [TargetSet.Item] {
        [annualSet, termSet].compactMap { $0 }.flatMap { set in
            set.items.filter { placed[set.targetKey(of: $0)] == nil }
        }
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

/// A target set laid over a list of assessments: the set's items in its order, each counted
/// once in the tally (an item without an assessable target as chưa đánh giá); targets outside
/// the set follow in the usual order and are not counted.
private struct SetOrder {
    private(set) var items: [String: TargetSet.Item] = [:]
    private var position: [String: Int] = [:]
    private(set) var tally: Tally?

    init(_ set: TargetSet?, assessments: [Assessment]) {
        guard let set else { return }
        let byKey = Dictionary(assessments.map { ($0.target.naturalKey, $0) }, uniquingKeysWith: { a, _ in a })
        var tally = Tally()
        for (offset, item) in set.items.enumerated() {
            guard let assessment = byKey[set.targetKey(of: item)] else {
                tally.add(.unassessed)
                continue
            }
            items[assessment.target.naturalKey] = item
            position[assessment.target.naturalKey] = offset
            tally.add(assessment.status)
        }
        self.tally = tally
    }

    /// Items in the set's order first, then the rest in `order`. Each key is worked out once:
    /// a target's place and rank both read its issuer's normalised name, too dear to redo in
    /// every comparison of a province's glance page (168 communes × 40 targets).
    func sorted(_ list: [Assessment], otherwise order: (Assessment) -> (Int, Int, Int, TargetID)) -> [Assessment] {
        let keys = list.map { a in
            let (field, place, rank, id) = order(a)
            return (position[a.target.naturalKey] ?? Int.max, field, place, rank, id)
        }
        return list.indices.sorted { keys[$0] < keys[$1] }.map { list[$0] }
    }
}

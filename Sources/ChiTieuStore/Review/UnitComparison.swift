import ChiTieuCore

/// One indicator across the units below a parent (the communes of a district, the districts
/// of a province) for one period: two queries for all of them, not one per unit.
public struct UnitComparison: Sendable {
    public struct Row: Sendable {
        public var unit: AdministrativeUnit
        /// The result of the period, if any.
        public var observation: Observation?
        /// The assessment against the unit's highest-ranked annual plan, if it has one.
        public var assessment: Assessment?

        public var value: Double? { observation?.value }
    }

    public let repository: any ChiTieuRepository
    public var assessor = TargetAssessor()

    public init(repository: any ChiTieuRepository) {
        self.repository = repository
    }

    /// Units with a result first, best first (highest, or lowest for lower-is-better
    /// indicators); units without one after them, by name.
    public func compare(_ indicator: Indicator, under parent: AdministrativeUnit, period: Period) async throws -> [Row]
    {
        let units = try await repository.children(of: parent.id).filter { $0.existed(inYear: period.year) }
        let ids = units.map(\.id)
        guard !ids.isEmpty else { return [] }
        let targets = try await repository.targets(unitIDs: ids, years: period.year...period.year)
            .filter { $0.indicatorCode == indicator.code && $0.isAnnual }
        let observations = try await repository.observations(
            unitIDs: ids, codes: [indicator.code], years: (period.year - 1)...period.year, periods: nil)
        let history = Dictionary(grouping: observations, by: \.unitID)
        var rows: [Row] = units.map { unit in
            let own = history[unit.id] ?? []
            let plan = targets.filter { $0.unitID == unit.id }.min { $0.issuerRank < $1.issuerRank }
            return Row(
                unit: unit, observation: own.first { $0.period == period },
                assessment: plan.map {
                    assessor.assess($0, indicator: indicator, period: period, history: ObservationHistory(own))
                })
        }
        let better: (Double, Double) -> Bool = indicator.direction == .higherIsBetter ? { $0 > $1 } : { $0 < $1 }
        rows.sort { a, b in
            switch (a.value, b.value) {
            case let (x?, y?) where x != y: better(x, y)
            case (.some, nil): true
            case (nil, .some): false
            default: a.unit.name < b.unit.name
            }
        }
        return rows
    }
}

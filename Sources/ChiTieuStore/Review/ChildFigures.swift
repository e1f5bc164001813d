import ChiTieuCore

/// A unit's figures that nobody entered, derived from the units below it (`RollUp`): for the
/// period under review, the same period a year before (growth) and that whole year (the
/// seasonal forecast). An entered figure always wins: nothing is derived where the unit has one.
///
/// Two queries whatever the number of targets: the children, and their results of both years.
struct ChildFigures {
    let repository: any ChiTieuRepository

    /// Derived observations of `unit` for the indicators of `codes` that its own `history` lacks,
    /// each with its `derivation`; none when the unit has no units below it.
    func derived(
        for unit: AdministrativeUnit, codes: Set<String>, period: Period, indicators: [String: Indicator],
        own history: ObservationHistory
    ) async throws -> [Observation] {
        let points = [(period.year, period.toMonth), (period.year - 1, period.toMonth), (period.year - 1, 12)]
        let wanted = codes.compactMap { indicators[$0] }.filter { !$0.rollUp.methods.isEmpty }
            .flatMap { indicator in points.map { (indicator, $0.0, $0.1) } }
            .filter { indicator, year, month in
                history.yearToDate(of: indicator.code, year: year, throughMonth: month) == nil
                    && history.value(of: indicator, year: year, throughMonth: month) == nil
            }
        guard !wanted.isEmpty else { return [] }
        let children = try await repository.children(of: unit.id)
        guard !children.isEmpty else { return [] }
        let results = try await repository.observations(
            unitIDs: children.map(\.id), years: (period.year - 1)...period.year)
        let byUnit = Dictionary(grouping: results, by: \.unitID).mapValues { ObservationHistory($0) }
        let rollUp = RollUp(indicators: indicators)
        var derived: [Observation] = []
        for (indicator, year, month) in wanted {
            guard let end = try? Period(year: year, fromMonth: 1, toMonth: month) else { continue }
            let present = children.filter { $0.existed(on: end.endDay) }.map {
                RollUp.Child(name: $0.title, history: byUnit[$0.id] ?? ObservationHistory([]))
            }
            guard let figure = rollUp.derive(indicator, year: year, throughMonth: month, children: present) else {
                continue
            }
            var observation = Observation(
                unitID: unit.id, indicatorCode: indicator.code, period: end, value: figure.value,
                estimated: figure.estimated, source: Provenance(excerpt: figure.derivation.sentence), version: 0)
            observation.derivation = figure.derivation
            derived.append(observation)
        }
        return derived
    }
}

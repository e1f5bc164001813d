import ChiTieuCore

/// A unit's figures that nobody entered: derived from the units below it (`RollUp`), and for
/// a time before a new unit existed, reconstructed from the units it was formed from
/// (`Reconstruction`) — for the period under review, the same period a year before (growth)
/// and that whole year (the seasonal forecast). An entered figure always wins: nothing is
/// derived where the unit has one.
///
/// A handful of queries whatever the number of targets: the children and their results; for a
/// new unit, its lineage, its predecessors' results and their children's.
struct ChildFigures {
    let repository: any ChiTieuRepository
    let indicators: [String: Indicator]

    /// One figure to find: an indicator for January…`month` of `year`.
    struct Point {
        let indicator: Indicator
        let period: Period
    }

    /// Derived and reconstructed observations of `unit` for the indicators of `codes` that its
    /// own `history` lacks, each with its `derivation`.
    func derived(for unit: AdministrativeUnit, codes: Set<String>, period: Period, own history: ObservationHistory)
        async throws -> [Observation]
    {
        let months = [(period.year, period.toMonth), (period.year - 1, period.toMonth), (period.year - 1, 12)]
        let points = codes.sorted().compactMap { indicators[$0] }.filter { !$0.rollUp.methods.isEmpty }
            .flatMap { indicator in
                months.compactMap { year, month in
                    (try? Period(year: year, fromMonth: 1, toMonth: month)).map {
                        Point(indicator: indicator, period: $0)
                    }
                }
            }
            .filter {
                history.yearToDate(of: $0.indicator.code, year: $0.period.year, throughMonth: $0.period.toMonth) == nil
                    && history.value(of: $0.indicator, year: $0.period.year, throughMonth: $0.period.toMonth) == nil
            }
        return try await derived(for: unit, points: points, reconstructing: true)
    }

    private func derived(for unit: AdministrativeUnit, points: [Point], reconstructing: Bool) async throws
        -> [Observation]
    {
        guard !points.isEmpty else { return [] }
        let existed = { (point: Point) in unit.validFrom.map { $0 <= point.period.endDay } ?? true }
        var derived = try await rolledUp(unit, points.filter(existed))
        if reconstructing { derived += try await reconstructed(unit, points.filter { !existed($0) }) }
        return derived
    }

    /// How many levels a roll-up goes down: a province over its districts, and a district
    /// without its own figure over its communes.
    static let levels = 2

    private func rolledUp(_ unit: AdministrativeUnit, _ points: [Point], level: Int = 1) async throws
        -> [Observation]
    {
        guard !points.isEmpty else { return [] }
        let children = try await repository.children(of: unit.id)
        guard !children.isEmpty else { return [] }
        var histories = try await self.histories(of: children.map(\.id), points)
        if level < Self.levels {
            for child in children {
                let own = histories[child.id] ?? ObservationHistory([])
                let lacking = Self.withParts(points, indicators).filter {
                    own.value(of: $0.indicator, year: $0.period.year, throughMonth: $0.period.toMonth) == nil
                }
                // only a complete figure of the child stands for it; a partial one leaves it missing
                let below = try await rolledUp(child, lacking, level: level + 1)
                    .filter { $0.derivation?.missingUnits.isEmpty ?? false }
                if !below.isEmpty { histories[child.id] = ObservationHistory(own.all + below) }
            }
        }
        let rollUp = RollUp(indicators: indicators)
        return points.compactMap { point in
            let present = children.filter { $0.existed(on: point.period.endDay) }.map {
                RollUp.Child(name: $0.title, history: histories[$0.id] ?? ObservationHistory([]))
            }
            return rollUp.derive(
                point.indicator, year: point.period.year, throughMonth: point.period.toMonth, children: present
            ).map { Self.observation(of: unit, point, $0.value, estimated: $0.estimated, $0.derivation) }
        }
    }

    /// The new unit's earlier figures from its predecessors, each with its own figure or, where
    /// it has none (an old province), one derived from the units below it then.
    private func reconstructed(_ unit: AdministrativeUnit, _ points: [Point]) async throws -> [Observation] {
        guard !points.isEmpty else { return [] }
        let successions = try await repository.successions()
        var predecessors: [(AdministrativeUnit, Double?)] = []
        for succession in successions where succession.successorID == unit.id {
            // a predecessor with no other successor went whole into this unit
            let whole = successions.filter { $0.predecessorID == succession.predecessorID }.count == 1
            if let old = try await repository.unit(id: succession.predecessorID) {
                predecessors.append((old, succession.share ?? (whole ? 1 : nil)))
            }
        }
        guard !predecessors.isEmpty else { return [] }
        var histories = try await self.histories(of: predecessors.map(\.0.id), points)
        for (old, _) in predecessors {
            let own = histories[old.id] ?? ObservationHistory([])
            let missing = points.filter {
                own.value(of: $0.indicator, year: $0.period.year, throughMonth: $0.period.toMonth) == nil
            }
            let below = try await derived(for: old, points: missing, reconstructing: false)
                .filter { $0.derivation?.missingUnits.isEmpty ?? false }
            if !below.isEmpty { histories[old.id] = ObservationHistory(own.all + below) }
        }
        let reconstruction = Reconstruction(indicators: indicators)
        return points.compactMap { point in
            let from = predecessors.map { old, share in
                Reconstruction.Predecessor(
                    name: old.title, history: histories[old.id] ?? ObservationHistory([]), share: share)
            }
            switch reconstruction.reconstruct(
                point.indicator, year: point.period.year, throughMonth: point.period.toMonth, from: from)
            {
            case .figure(let figure):
                return Self.observation(of: unit, point, figure.value, estimated: figure.estimated, figure.derivation)
            case .notComparable(let reason):
                let derivation = Derivation(
                    origin: .reconstructed, method: point.indicator.rollUp.methods[0], fromUnits: [],
                    missingUnits: [], problem: reason)
                return Self.observation(of: unit, point, nil, estimated: false, derivation)
            case nil: return nil
            }
        }
    }

    /// The points with those of the indicators their rules read (households for a poverty rate).
    static func withParts(_ points: [Point], _ indicators: [String: Indicator]) -> [Point] {
        points.flatMap { point in
            [point]
                + point.indicator.rollUp.auxiliaryCodes.compactMap { indicators[$0] }.map {
                    Point(indicator: $0, period: point.period)
                }
        }
    }

    /// The latest results of `units` for `points` and the parts their rules read, by unit: one
    /// query for just those figures (a province's 168 communes have 155.000 results over two
    /// years, of which a roll-up of 40 indicators reads 20.000).
    private func histories(of units: [UnitID], _ points: [Point]) async throws -> [UnitID: ObservationHistory] {
        let wanted = Self.withParts(points, indicators)
        guard !units.isEmpty, !wanted.isEmpty else { return [:] }
        let years = wanted.map(\.period.year)
        let results = try await repository.observations(
            unitIDs: units, codes: Set(wanted.map(\.indicator.code)), years: years.min()!...years.max()!,
            periods: Set(wanted.map(\.period)))
        return Dictionary(grouping: results, by: \.unitID).mapValues { ObservationHistory($0) }
    }

    private static func observation(
        of unit: AdministrativeUnit, _ point: Point, _ value: Double?, estimated: Bool, _ derivation: Derivation
    ) -> Observation {
        var observation = Observation(
            unitID: unit.id, indicatorCode: point.indicator.code, period: point.period, value: value,
            estimated: estimated, source: Provenance(excerpt: derivation.problem ?? derivation.sentence), version: 0)
        observation.derivation = derivation
        return observation
    }
}

import ChiTieuCore

/// Loads what an assessment of one unit for one period needs and runs it.
public struct UnitReview: Sendable {
    public let repository: any ChiTieuRepository
    public var assessor: TargetAssessor

    public init(repository: any ChiTieuRepository, configuration: AssessmentConfiguration = .standard) {
        self.repository = repository
        assessor = TargetAssessor(configuration: configuration)
    }

    /// The overview of `unit` for January…`period.toMonth` of `period.year`: a few indexed
    /// queries on the unit (targets of the year, results from the earliest term year on), and
    /// where it has no figure of its own, one derived from the units below (`ChildFigures`).
    public func overview(of unit: AdministrativeUnit, period: Period) async throws -> Overview {
        try await overviews(of: [unit], period: period)[0]
    }

    /// The overviews of several units (the communes of a province at a glance) from one query per
    /// table instead of a few per unit; each the same as `overview(of:period:)` gives.
    public func overviews(of units: [AdministrativeUnit], period: Period) async throws -> [Overview] {
        guard !units.isEmpty else { return [] }
        let indicators = try await repository.indicators()
        let catalogue = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = units.map(\.id)
        let year = period.year...period.year
        let targets = Dictionary(grouping: try await repository.targets(unitIDs: ids, years: year), by: \.unitID)
        // each unit's results from its earliest term year on, as when it is read alone
        func earliest(_ id: UnitID) -> Int {
            min(period.year - 1, targets[id]?.map(\.scope.firstYear).min() ?? period.year)
        }
        let first = ids.map(earliest).min() ?? period.year - 1
        let observations = Dictionary(
            grouping: try await repository.observations(unitIDs: ids, years: first...period.year), by: \.unitID)
        let sets = Dictionary(grouping: try await repository.targetSets(unitIDs: ids, years: year), by: \.unitID)
        let children = ChildFigures(repository: repository, indicators: catalogue)
        var overviews: [Overview] = []
        for unit in units {
            let unitTargets = targets[unit.id] ?? []
            let from = earliest(unit.id)
            var own = (observations[unit.id] ?? []).filter { $0.period.year >= from }
            own += try await children.derived(
                for: unit, codes: Set(unitTargets.map(\.indicatorCode)), period: period, own: ObservationHistory(own))
            var unitCount: Int?
            if unitTargets.contains(where: { $0.measure == .shareOfUnits && $0.denominator == nil }) {
                let day = period.endDay
                unitCount = try await repository.children(of: unit.id)
                    .filter { $0.kind.isCommuneLevel && $0.existed(on: day) }.count
            }
            overviews.append(
                Overview(
                    unit: unit, period: period, targets: unitTargets, indicators: indicators,
                    history: ObservationHistory(own), assessor: assessor, unitCount: unitCount,
                    targetSets: sets[unit.id] ?? []))
        }
        return overviews
    }

    /// Results of the period for indicators without a target, shown so that nothing stored is hidden.
    public func otherResults(of overview: Overview) async throws -> [ReviewMaterial.OtherResult] {
        let indicators = try await repository.indicatorsByCode()
        let targeted = Set(overview.all.map(\.target.indicatorCode))
        let period = overview.period
        return try await repository.observations(unitIDs: [overview.unit.id], years: period.year...period.year)
            .filter { $0.period == period && !targeted.contains($0.indicatorCode) }
            .compactMap { o in
                indicators[o.indicatorCode].map { ReviewMaterial.OtherResult(indicator: $0, observation: o) }
            }
    }

    /// What a review report of `unit` for `period` is written from.
    public func material(of unit: AdministrativeUnit, period: Period) async throws -> ReviewMaterial {
        let overview = try await self.overview(of: unit, period: period)
        let indicators = try await repository.indicatorsByCode()
        let others = try await otherResults(of: overview)
        var next: [ReviewMaterial.PlannedTarget] = []
        if period.isFullYear {
            let order = Dictionary(
                try await repository.indicators().enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
            next = try await repository.targets(unitIDs: [unit.id], years: (period.year + 1)...(period.year + 1))
                .filter { $0.isAnnual }
                .sorted {
                    (order[$0.indicatorCode] ?? 0, $0.issuerRank) < (order[$1.indicatorCode] ?? 0, $1.issuerRank)
                }
                .compactMap { t in
                    indicators[t.indicatorCode].map { ReviewMaterial.PlannedTarget(indicator: $0, target: t) }
                }
        }
        let conference = try await repository.conferences(unitID: unit.id).last { $0.period == period }
        let parent = try await unit.parentID.asyncMap { try await repository.unit(id: $0) } ?? nil
        var material = ReviewMaterial(
            overview: overview, parent: parent, conference: conference,
            committee: try await repository.committee(of: unit),
            otherResults: others, nextYearTargets: next,
            statedTally: try await repository.statedTallies(unitID: unit.id).last { $0.period == period })
        if let followUp = repository as? any FollowUpRepository {
            material.explanations = try await followUp.explanationRequests(
                unitIDs: [unit.id], years: period.year...period.year
            )
            .filter { $0.period == period && $0.acceptedAnswer != nil }
            material.openTasks = try await followUp.tasks(unitIDs: [unit.id], years: period.year...(period.year + 1))
                .filter { $0.completedOn == nil }.sorted { $0.deadline < $1.deadline }
        }
        return material
    }

    /// Consistency findings for the given units (all units when nil).
    public func findings(unitIDs: [UnitID]? = nil, currentYear: Int) async throws -> [Finding] {
        let indicators = try await repository.indicatorsByCode()
        var units: [AdministrativeUnit] = []
        if let unitIDs {
            for id in unitIDs { if let unit = try await repository.unit(id: id) { units.append(unit) } }
        } else {
            units = try await repository.allUnits()
        }
        let checker = ConsistencyChecker(configuration: assessor.configuration, currentYear: currentYear)
        var findings: [Finding] = []
        for unit in units {
            let all = Period.yearRange
            let targets = try await repository.targets(unitIDs: [unit.id], years: all)
            let observations = try await repository.observations(unitIDs: [unit.id], years: all)
            let tallies = try await repository.statedTallies(unitID: unit.id)
            findings += checker.check(
                unit: unit, indicators: indicators, targets: targets, observations: observations, statedTallies: tallies
            )
            findings += try await rollUpFindings(of: unit, observations: observations, indicators: indicators)
        }
        return findings
    }
}

extension UnitReview {
    /// Entered figures of `unit` that differ from what its units below add up to.
    func rollUpFindings(of unit: AdministrativeUnit, observations: [Observation], indicators: [String: Indicator])
        async throws -> [Finding]
    {
        let years = Set(observations.map(\.period.year))
        guard let first = years.min(), let last = years.max() else { return [] }
        let children = try await repository.children(of: unit.id)
        guard !children.isEmpty else { return [] }
        let below = Dictionary(
            grouping: try await repository.observations(unitIDs: children.map(\.id), years: first...last), by: \.unitID)
        var findings: [Finding] = []
        let check = RollUpCheck(indicators: indicators)
        let entered = ObservationHistory(observations)
        // the units below as they were on each period's last day (before or after a merger)
        let periods = Dictionary(grouping: observations, by: \.period).sorted {
            ($0.key.year, $0.key.toMonth) < ($1.key.year, $1.key.toMonth)
        }
        for (period, figures) in periods where period.fromMonth == 1 {
            let present = children.filter { $0.existed(on: period.endDay) }.map {
                RollUp.Child(name: $0.title, history: ObservationHistory(below[$0.id] ?? []))
            }
            findings += check.check(unit: unit, entered: entered, observations: figures, children: present)
        }
        return findings
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

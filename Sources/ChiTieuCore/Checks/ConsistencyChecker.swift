/// Checks stored figures against each other: stated percentages against value ÷ target,
/// stated growth against last year's figure, tallies whose parts do not add up, and years
/// that cannot be right.
public struct ConsistencyChecker: Sendable {
    public var configuration: AssessmentConfiguration
    public var years: YearPlausibility

    public init(configuration: AssessmentConfiguration = .standard, currentYear: Int) {
        self.configuration = configuration
        years = YearPlausibility(currentYear: currentYear)
    }

    /// Findings for one unit, in the order: errors, warnings, notes.
    public func check(
        unit: AdministrativeUnit, indicators: [String: Indicator], targets: [Target], observations: [Observation],
        statedTallies: [StatedTally] = []
    ) -> [Finding] {
        let history = ObservationHistory(observations)
        let latest = Dictionary(
            observations.map { ($0.seriesKey, $0) }, uniquingKeysWith: { $0.version >= $1.version ? $0 : $1 })
        var findings: [Finding] = []
        for observation in latest.values.sorted(by: { ($0.period, $0.indicatorCode) < ($1.period, $1.indicatorCode) }) {
            let place =
                "\(unit.capitalizedTitle), \(indicators[observation.indicatorCode]?.name ?? observation.indicatorCode), \(observation.period.label)"
            if !years.isPlausibleResultYear(observation.period.year) {
                findings.append(
                    Finding(
                        kind: .implausibleYear, severity: .error,
                        message:
                            "\(place): năm \(observation.period.year) không thể có kết quả (năm hiện tại là \(years.currentYear)).",
                        unitID: unit.id, indicatorCode: observation.indicatorCode, period: observation.period,
                        source: observation.source))
            }
            guard let indicator = indicators[observation.indicatorCode] else { continue }
            let plans = targets.filter {
                $0.indicatorCode == indicator.code && $0.scope == .year(observation.period.year) && $0.measure == .value
            }
            findings += percentFindings(observation, indicator: indicator, plans: plans, place: place)
            findings += growthFindings(observation, indicator: indicator, history: history, place: place)
            if let value = observation.value, indicator.isShare, let problem = indicator.rangeProblem(value) {
                findings.append(
                    Finding(
                        kind: .rateOutOfRange, severity: .error,
                        message: "\(place): \(problem).",
                        unitID: unit.id, indicatorCode: indicator.code, period: observation.period,
                        source: observation.source))
            }
        }
        for target in targets where !years.isPlausibleTargetYear(target.scope.lastYear) {
            findings.append(
                Finding(
                    kind: .implausibleYear, severity: .error,
                    message:
                        "\(unit.capitalizedTitle), chỉ tiêu \(indicators[target.indicatorCode]?.name ?? target.indicatorCode) \(target.scope.label): năm không hợp lý.",
                    unitID: unit.id, indicatorCode: target.indicatorCode))
        }
        for tally in statedTallies { findings += tallyFindings(tally, unit: unit) }
        return findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(
            \.element)
    }

    private func percentFindings(_ o: Observation, indicator: Indicator, plans: [Target], place: String) -> [Finding] {
        guard let stated = o.statedPercentOfPlan, let value = o.value else { return [] }
        let format = VietnameseNumberFormat.standard
        if plans.isEmpty {
            guard stated > 0 else { return [] }
            let derived = value / stated * 100
            return [
                Finding(
                    kind: .planDerivable, severity: .info,
                    message:
                        "\(place): chưa có kế hoạch năm \(o.period.year); theo tỷ lệ \(format.percent(stated)) nguồn nêu, kế hoạch khoảng \(format.string(derived)) \(indicator.measureUnit).",
                    unitID: o.unitID, indicatorCode: indicator.code, period: o.period, source: o.source)
            ]
        }
        let computed = plans.map { plan -> (Target, Double) in
            let reference = plan.bound.reference(for: indicator.direction)
            return (plan, reference == 0 ? .infinity : value / reference * 100)
        }
        if computed.contains(where: { abs($0.1 - stated) <= configuration.statedFigureTolerance }) { return [] }
        let (plan, closest) = computed.min { abs($0.1 - stated) < abs($1.1 - stated) }!
        let reference = plan.bound.reference(for: indicator.direction)
        return [
            Finding(
                kind: .percentOfPlanMismatch, severity: .warning,
                message:
                    "\(place): nguồn ghi đạt \(format.percent(stated)) \(plan.planWord), nhưng \(format.string(value)) ÷ \(format.string(reference)) = \(format.percent(closest)).",
                unitID: o.unitID, indicatorCode: indicator.code, period: o.period, source: o.source)
        ]
    }

    private func growthFindings(_ o: Observation, indicator: Indicator, history: ObservationHistory, place: String)
        -> [Finding]
    {
        guard let stated = o.statedGrowthPercent, o.period.isYearToDate else { return [] }
        let growth = GrowthFigure(indicator: indicator, period: o.period, current: o.value, history: history)
        guard growth.source == .history, let computed = growth.percent,
            abs(computed - stated) > configuration.statedFigureTolerance
        else { return [] }
        let format = VietnameseNumberFormat.standard
        let previous = history.value(of: indicator, year: o.period.year - 1, throughMonth: o.period.toMonth)?.value ?? 0
        let unitWord = indicator.isRate ? " điểm %" : "%"
        return [
            Finding(
                kind: .growthMismatch, severity: .warning,
                message:
                    "\(place): nguồn ghi tăng \(format.string(stated))\(unitWord) so với cùng kỳ, nhưng số liệu đã lưu (\(format.string(previous)) → \(format.string(o.value ?? 0))) cho \(format.string(computed))\(unitWord).",
                unitID: o.unitID, indicatorCode: indicator.code, period: o.period, source: o.source)
        ]
    }

    private func tallyFindings(_ tally: StatedTally, unit: AdministrativeUnit) -> [Finding] {
        var findings: [Finding] = []
        let place = "\(unit.capitalizedTitle), \(tally.period.label)"
        if let total = tally.total, let sum = tally.sumOfParts,
            sum > total || (tally.statesEveryOutcome && sum != total)
        {
            findings.append(
                Finding(
                    kind: .tallyMismatch, severity: .error,
                    message: "\(place): tổng \(total) chỉ tiêu nhưng các nhóm cộng lại được \(sum).",
                    unitID: unit.id, period: tally.period, source: tally.source))
        }
        if !years.isPlausibleResultYear(tally.period.year) {
            findings.append(
                Finding(
                    kind: .implausibleYear, severity: .error,
                    message: "\(place): năm \(tally.period.year) không thể có kết quả.",
                    unitID: unit.id, period: tally.period, source: tally.source))
        }
        return findings
    }
}

import Foundation

/// Assessment of a resolution (term) target from stored yearly history.
///
/// Each measure computes the figure achieved so far in the target's terms and, while the
/// term runs, a forecast for its end; the end of the term is judged as final.
struct TermAssessment {
    private(set) var assessment: Assessment

    private let target: Target
    private let indicator: Indicator
    private let history: ObservationHistory
    private let configuration: AssessmentConfiguration
    private let first: Int
    private let last: Int
    /// Year and month evaluated: the period asked for, capped at the end of the term.
    private let year: Int
    private let month: Int
    private let projection: YearProjection

    init(
        target: Target, indicator: Indicator, period: Period, history: ObservationHistory,
        configuration: AssessmentConfiguration, unitCount: Int?
    ) {
        self.target = target
        self.indicator = indicator
        self.history = history
        self.configuration = configuration
        first = target.scope.firstYear
        last = target.scope.lastYear
        if period.year > last {
            (year, month) = (last, 12)
        } else {
            (year, month) = (period.year, period.toMonth)
        }
        projection = YearProjection(
            indicator: indicator, year: year, throughMonth: month, history: history, configuration: configuration)
        assessment = Assessment(target: target, indicator: indicator, period: period, status: .unassessed)
        assessment.value = projection.reading?.value
        assessment.estimated = projection.reading?.estimated ?? false
        let growth = GrowthFigure(
            indicator: indicator, period: period, current: projection.reading?.value, history: history)
        assessment.growthPercent = growth.percent
        assessment.growthSource = growth.source
        assessment.growthNote = growth.note

        guard period.year >= first else {
            assessment.note = "Giai đoạn \(first) - \(last) chưa bắt đầu."
            return
        }
        switch target.measure {
        case .value: assessLevel(unitCount: nil)
        case .shareOfUnits: assessLevel(unitCount: target.denominator ?? unitCount)
        case .averageGrowth, .averageReduction, .changeSinceBase: assessRate()
        case .cumulative: assessCumulative()
        case .everyYear: assessEveryYear()
        }
    }

    private var isComplete: Bool { year == last && month == 12 }

    private func fullYear(_ y: Int) -> Double? {
        history.value(of: indicator, year: y, throughMonth: 12)?.value
    }

    private mutating func unassessed(_ note: String) {
        assessment.status = .unassessed
        assessment.note = note
    }

    private mutating func judge(achieved: Double?, forecast: Double?, anyExcessCounts: Bool) {
        assessment.achieved = achieved
        assessment.forecast = forecast
        let judgement: Judgement
        if isComplete, let achieved {
            judgement = .final(
                achieved, against: target.bound, direction: indicator.direction,
                anyExcessCounts: anyExcessCounts, margin: target.exceedMargin)
        } else if let forecast {
            judgement = .midPeriod(
                forecast: forecast, against: target.bound, direction: indicator.direction, configuration: configuration)
        } else {
            return unassessed("Chưa đủ số liệu để dự báo.")
        }
        assessment.status = judgement.status
        assessment.shortfallPercent = judgement.shortfallPercent
        let reference = target.bound.reference(for: indicator.direction)
        if let achieved, reference != 0, !target.measure.isPercentage || target.measure == .shareOfUnits {
            assessment.percentOfPlan = achieved / reference * 100
        }
    }

    /// `value` and `shareOfUnits`: the level reached, projected to the last year along the
    /// line from the base year's value.
    private mutating func assessLevel(unitCount: Int?) {
        let toShare: (Double) -> Double
        if target.measure == .shareOfUnits {
            guard let unitCount, unitCount > 0 else {
                return unassessed("Chưa có tổng số đơn vị để tính tỷ lệ.")
            }
            toShare = { $0 / Double(unitCount) * 100 }
        } else {
            toShare = { $0 }
        }
        guard let reading = projection.reading, let yearForecast = projection.forecast else {
            return unassessed("Chưa có số liệu năm \(year).")
        }
        var projected = yearForecast
        let elapsed = year - first
        if year < last, elapsed > 0, let base = fullYear(first) {
            projected = base + (yearForecast - base) * Double(last - first) / Double(elapsed)
        }
        if indicator.isRate { projected = min(100, max(0, projected)) }
        judge(
            achieved: toShare(reading.value), forecast: toShare(projected),
            anyExcessCounts: indicator.kind == .flow && target.measure == .value)
    }

    /// Average growth, average reduction in points, change since the base year.
    private mutating func assessRate() {
        guard let base = fullYear(first) else {
            return unassessed("Thiếu số liệu năm gốc \(first).")
        }
        let span = last - first
        guard span > 0 else { return unassessed("Giai đoạn phải dài ít nhất một năm.") }
        let rate: (Double, Int) -> Double? = { [measure = target.measure] value, years in
            guard years > 0 else { return nil }
            switch measure {
            case .averageReduction:
                return (base - value) / Double(years)
            case .averageGrowth where base > 0 && value > 0:
                return (pow(value / base, 1 / Double(years)) - 1) * 100
            case .changeSinceBase where base > 0 && value > 0:
                // Projected over the whole span at the pace so far.
                let yearly = pow(value / base, 1 / Double(years))
                return (pow(yearly, Double(span)) - 1) * 100
            default:
                return nil
            }
        }
        let lastComplete = month == 12 ? year : year - 1
        let achieved = fullYear(lastComplete).flatMap { rate($0, lastComplete - first) }
        if achieved != nil { assessment.achievedThrough = lastComplete }
        // Without a figure for the current year yet, the pace of the last full year stands.
        let forecast = projection.forecast.flatMap { rate($0, year - first) } ?? achieved
        guard achieved != nil || forecast != nil else {
            return unassessed("Chưa có số liệu sau năm gốc \(first).")
        }
        judge(achieved: achieved, forecast: forecast, anyExcessCounts: true)
    }

    /// A total over all years of the scope.
    private mutating func assessCumulative() {
        let lastComplete = month == 12 ? year : year - 1
        var done = 0.0
        if lastComplete >= first {
            for y in first...lastComplete {
                guard let value = fullYear(y) else { return unassessed("Thiếu số liệu năm \(y).") }
                done += value
            }
        }
        if isComplete { return judge(achieved: done, forecast: done, anyExcessCounts: true) }
        let currentActual = projection.reading?.value ?? 0
        let completedYears = max(0, lastComplete - first + 1)
        let currentForecast = projection.forecast ?? (completedYears > 0 ? done / Double(completedYears) : nil)
        guard let currentForecast else { return unassessed("Chưa có số liệu năm \(year).") }
        let average = (done + currentForecast) / Double(completedYears + 1)
        let forecast = done + currentForecast + average * Double(last - year)
        judge(achieved: done + currentActual, forecast: forecast, anyExcessCounts: true)
    }

    /// A bound every year of the scope must meet; one year below it and the target is missed.
    private mutating func assessEveryYear() {
        let lastComplete = month == 12 ? year : year - 1
        var statuses: [AssessmentStatus] = []
        if lastComplete >= first {
            for y in first...lastComplete {
                guard let value = fullYear(y) else { return unassessed("Thiếu số liệu năm \(y).") }
                let verdict = Judgement.final(
                    value, against: target.bound, direction: indicator.direction,
                    anyExcessCounts: indicator.kind == .flow, margin: target.exceedMargin)
                if verdict.status == .missed {
                    assessment.achieved = value
                    assessment.achievedThrough = y
                    assessment.status = .missed
                    assessment.shortfallPercent = verdict.shortfallPercent
                    assessment.note = "Năm \(y) chỉ đạt \(value.vietnamese) \(indicator.measureUnit)."
                    return
                }
                statuses.append(verdict.status)
                assessment.achieved = value
                assessment.achievedThrough = y
            }
        }
        if isComplete {
            assessment.status = statuses.allSatisfy { $0 == .exceeded } ? .exceeded : .met
            return
        }
        guard let forecast = projection.forecast else {
            if statuses.isEmpty { return unassessed("Chưa có số liệu năm \(year).") }
            assessment.status = .onTrack
            assessment.note = "Các năm đã qua đều đạt; chưa có số liệu năm \(year)."
            return
        }
        let verdict = Judgement.midPeriod(
            forecast: forecast, against: target.bound, direction: indicator.direction, configuration: configuration)
        assessment.forecast = forecast
        assessment.status = verdict.status
        assessment.shortfallPercent = verdict.shortfallPercent
    }
}

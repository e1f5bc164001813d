/// Judges targets against stored history. Pure: everything it needs comes in its arguments.
public struct TargetAssessor: Sendable {
    public var configuration: AssessmentConfiguration

    public init(configuration: AssessmentConfiguration = .standard) {
        self.configuration = configuration
    }

    /// Assesses `target` for January…`period.toMonth` of `period.year`.
    ///
    /// - Parameter unitCount: the number of units a `shareOfUnits` target is a share of, when
    ///   the target does not carry its own denominator (the communes of the unit at the time).
    public func assess(
        _ target: Target, indicator: Indicator, period: Period, history: ObservationHistory, unitCount: Int? = nil
    ) -> Assessment {
        switch target.scope {
        case .year(let year):
            guard year == period.year else {
                return Assessment(
                    target: target, indicator: indicator, period: period, status: .unassessed,
                    note: "Chỉ tiêu năm \(year) không thuộc kỳ \(period.label).")
            }
            return assessAnnual(target, indicator: indicator, period: period, history: history).total()
        case .term:
            return TermAssessment(
                target: target, indicator: indicator, period: period, history: history,
                configuration: configuration, unitCount: unitCount
            ).assessment.total()
        }
    }

    private func assessAnnual(_ target: Target, indicator: Indicator, period: Period, history: ObservationHistory)
        -> Assessment
    {
        var result = Assessment(target: target, indicator: indicator, period: period, status: .unassessed)
        let month = period.toMonth
        if indicator.frequency == .yearly, month < 12 {
            // A mid-year figure of a yearly indicator is kept and shown, but not judged: the
            // clerk who typed it must see it saved and why it does not count.
            if let stored = history.yearToDate(of: indicator.code, year: period.year, throughMonth: month),
                let value = stored.value
            {
                result.value = value
                result.observation = stored
                result.estimated = stored.estimated
                let how = stored.derivation == nil ? "đã lưu" : "tổng hợp từ đơn vị cấp dưới"
                result.note =
                    "Chỉ tiêu thống kê theo năm: số \(period.label) \(how) nhưng chỉ đánh giá khi có số cả năm."
                return Self.withheldWhenPartial(result)
            } else {
                result.note = "Chỉ tiêu thống kê theo năm, chưa đánh giá giữa kỳ."
            }
            return result
        }
        let reference = target.bound.reference(for: indicator.direction)
        let projection = YearProjection(
            indicator: indicator, year: period.year, throughMonth: month, history: history, configuration: configuration
        )
        let growth = GrowthFigure(
            indicator: indicator, period: period, current: projection.reading?.value, history: history)
        result.growthPercent = growth.percent
        result.growthSource = growth.source
        result.growthNote = growth.note

        let achieved: Double
        var forecast = projection.forecast
        if let reading = projection.reading {
            achieved = reading.value
            result.value = reading.value
            result.observation = reading.parts.count == 1 ? reading.parts[0] : nil
            result.estimated = reading.estimated
            result.expectedShare = projection.expectedShare
            if reference != 0 { result.percentOfPlan = reading.value / reference * 100 }
        } else if let stated = history.yearToDate(of: indicator.code, year: period.year, throughMonth: month),
            let percent = stated.statedPercentOfPlan
        {
            // A document gave only "đạt 100% chỉ tiêu": judge on the percentage it stated.
            achieved = percent / 100 * reference
            result.estimated = stated.estimated
            result.observation = stated
            result.percentOfPlan = percent
            let share =
                indicator.kind == .flow && month < 12
                ? YearProjection.share(
                    of: indicator, year: period.year, month: month, history: history, configuration: configuration)
                : 1
            forecast = achieved / share
            result.note =
                "Đánh giá theo tỷ lệ \(VietnameseNumberFormat.standard.percent(percent)) kế hoạch mà nguồn nêu."
        } else {
            result.note = "Chưa có số liệu \(period.label)."
            return result
        }
        result.achieved = achieved
        result.forecast = forecast
        if projection.isLinearGuess, result.note == nil {
            result.note =
                "Dự báo theo số tháng đã qua: chưa có số cùng kỳ và cả năm trước để tính theo mùa vụ."
        }

        let judgement: Judgement
        if month == 12 {
            judgement = .final(
                achieved, against: target.bound, direction: indicator.direction,
                anyExcessCounts: indicator.kind == .flow, margin: target.exceedMargin)
        } else {
            judgement = .midPeriod(
                forecast: forecast ?? achieved, against: target.bound, direction: indicator.direction,
                configuration: configuration)
        }
        result.status = judgement.status
        result.shortfallPercent = judgement.shortfallPercent
        return Self.withheldWhenPartial(result)
    }

    /// A figure derived from only some of the units below is shown, but judging it, or its
    /// share of the plan, against the whole unit's plan would report three districts' sum as
    /// the province's shortfall.
    static func withheldWhenPartial(_ assessment: Assessment) -> Assessment {
        guard let derivation = assessment.observation?.derivation, !derivation.missingUnits.isEmpty else {
            return assessment
        }
        var result = assessment
        let total = derivation.fromUnits.count + derivation.missingUnits.count
        result.status = .unassessed
        (result.percentOfPlan, result.forecast, result.shortfallPercent, result.expectedShare) = (nil, nil, nil, nil)
        (result.growthPercent, result.growthSource, result.growthNote) = (nil, nil, nil)
        result.note = "Chưa đánh giá: số tổng hợp mới có \(derivation.fromUnits.count)/\(total) đơn vị cấp dưới."
        return result
    }
}

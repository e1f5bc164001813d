/// What history says about one indicator's year: the figure so far and where the year
/// is expected to end.
struct YearProjection {
    /// The figure for January…month, if stored.
    let reading: Reading?
    /// Expected figure for the whole year (the figure itself when the year is complete).
    let forecast: Double?
    /// Share of the year's total expected by the month (flows only).
    let expectedShare: Double?
    /// A flow's forecast is months ÷ 12 of the year because last year's figures are missing:
    /// for a seasonal figure (sown area, harvest) it can be far off, and the page says so.
    var isLinearGuess = false

    init(
        indicator: Indicator, year: Int, throughMonth month: Int, history: ObservationHistory,
        configuration: AssessmentConfiguration
    ) {
        let reading = history.value(of: indicator, year: year, throughMonth: month)
        self.reading = reading
        guard let reading else {
            forecast = nil
            expectedShare = nil
            return
        }
        if month == 12 {
            forecast = reading.value
            expectedShare = indicator.kind == .flow ? 1 : nil
            return
        }
        switch indicator.kind {
        case .flow:
            let share = Self.share(
                of: indicator, year: year, month: month, history: history, configuration: configuration)
            expectedShare = share
            forecast = reading.value / share
            isLinearGuess = !Self.hasSeasonalHistory(of: indicator, year: year, month: month, history: history)
        case .level:
            expectedShare = nil
            // Extend the movement since last December at the same pace to December.
            if let lastDecember = history.value(of: indicator, year: year - 1, throughMonth: 12)?.value {
                var projected = lastDecember + (reading.value - lastDecember) * 12 / Double(month)
                if indicator.isRate { projected = min(100, max(0, projected)) }
                forecast = projected
            } else {
                forecast = reading.value
            }
        }
    }

    /// Last year's share of the year reached by this month when history has it, else months ÷ 12.
    static func hasSeasonalHistory(of indicator: Indicator, year: Int, month: Int, history: ObservationHistory)
        -> Bool
    {
        history.value(of: indicator, year: year - 1, throughMonth: month) != nil
            && history.value(of: indicator, year: year - 1, throughMonth: 12) != nil
    }

    static func share(
        of indicator: Indicator, year: Int, month: Int, history: ObservationHistory,
        configuration: AssessmentConfiguration
    ) -> Double {
        let linear = Double(month) / 12
        guard configuration.seasonalShare,
            let part = history.value(of: indicator, year: year - 1, throughMonth: month)?.value,
            let whole = history.value(of: indicator, year: year - 1, throughMonth: 12)?.value,
            part > 0, whole > 0
        else { return linear }
        let seasonal = part / whole
        // A share outside (0, 1] means last year's figures are not comparable; fall back.
        return seasonal > 0 && seasonal <= 1 ? seasonal : linear
    }
}

/// Growth on the same period last year, from history when it has the figure, else as stated.
struct GrowthFigure {
    let percent: Double?
    let source: GrowthSource?
    /// Where last year's figure came from when nobody entered it: «cùng kỳ 2024 tính từ 3 đơn
    /// vị cũ: …», or why there is none: «không so sánh được với cùng kỳ 2024: …».
    let note: String?

    init(indicator: Indicator, period: Period, current: Double?, history: ObservationHistory) {
        let lastYear = period.year - 1
        let base = history.yearToDate(of: indicator.code, year: lastYear, throughMonth: period.toMonth)?.derivation
        if let problem = base?.problem {
            note = "không so sánh được với cùng kỳ \(lastYear): \(problem)"
        } else {
            note = base.map {
                "cùng kỳ \(lastYear) \($0.origin == .reconstructed ? "" : "số tổng hợp: ")\($0.sentence)"
            }
        }
        if let current,
            let previous = history.value(of: indicator, year: lastYear, throughMonth: period.toMonth)?.value
        {
            if indicator.isRate {
                percent = current - previous
                source = .history
                return
            }
            if previous != 0 {
                percent = (current / previous - 1) * 100
                source = .history
                return
            }
        }
        let stated = history.yearToDate(of: indicator.code, year: period.year, throughMonth: period.toMonth)?
            .statedGrowthPercent
        percent = stated
        source = stated == nil ? nil : .stated
    }
}

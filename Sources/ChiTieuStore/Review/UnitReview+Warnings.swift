import ChiTieuCore

extension UnitReview {
    /// The warnings of `unit` and of every unit below it that existed at the period's end,
    /// with the explanation requests of the year: one overview per unit and period (a few
    /// indexed queries each), never a scan of all results.
    public func warnings(
        of unit: AdministrativeUnit, period: Period, units: [UnitID: AdministrativeUnit],
        requests: [ExplanationRequest], today: CalendarDay
    ) async throws -> Warnings {
        let day = period.endDay
        let below = units.values.filter {
            $0.id != unit.id && $0.existed(on: day) && AccessScope.isWithin($0, root: unit.id, units: units)
        }.sorted { $0.id < $1.id }
        var overviews: [Overview] = []
        var previous: [Overview] = []
        let before = Warnings.previousPeriod(of: period)
        for member in [unit] + below {
            overviews.append(try await overview(of: member, period: period))
            if let before { previous.append(try await overview(of: member, period: before)) }
        }
        return Warnings(period: period, overviews: overviews, previous: previous, requests: requests, today: today)
    }
}

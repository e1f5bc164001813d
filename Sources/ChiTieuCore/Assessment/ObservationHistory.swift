/// The latest version of every stored result of one unit, indexed for the questions an
/// assessment asks: the value up to a month, the same period last year, a year's total.
public struct ObservationHistory: Sendable {
    private var byIndicatorYear: [IndicatorYear: [Observation]] = [:]

    private struct IndicatorYear: Hashable {
        let code: String
        let year: Int
    }

    /// Builds the history from observations of one unit. When several versions of one
    /// figure are given, the highest version counts.
    public init(_ observations: some Sequence<Observation>) {
        var latest: [SeriesKey: Observation] = [:]
        for o in observations {
            if let existing = latest[o.seriesKey], existing.version >= o.version { continue }
            latest[o.seriesKey] = o
        }
        for o in latest.values {
            byIndicatorYear[IndicatorYear(code: o.indicatorCode, year: o.period.year), default: []].append(o)
        }
    }

    /// Every observation it holds (the latest version of each figure).
    public var all: [Observation] { byIndicatorYear.values.flatMap { $0 } }

    public func observations(of code: String, in year: Int) -> [Observation] {
        byIndicatorYear[IndicatorYear(code: code, year: year)] ?? []
    }

    /// The figure of `indicator` for January through `toMonth` of `year`.
    ///
    /// For a flow, the exact cumulative period if stored, else a sum of stored periods that
    /// tile January…`toMonth` (quý I + quý II = 6 tháng). For a level, the state at `toMonth`.
    public func value(of indicator: Indicator, year: Int, throughMonth toMonth: Int) -> Reading? {
        let candidates = observations(of: indicator.code, in: year)
        switch indicator.kind {
        case .level:
            let atMonth = candidates.filter { $0.period.toMonth == toMonth && $0.value != nil }
            guard let best = atMonth.min(by: { $0.period.fromMonth < $1.period.fromMonth }) else { return nil }
            return Reading(value: best.value!, estimated: best.estimated, parts: [best])
        case .flow:
            if let exact = candidates.first(where: { $0.period.fromMonth == 1 && $0.period.toMonth == toMonth }),
                let value = exact.value
            {
                return Reading(value: value, estimated: exact.estimated, parts: [exact])
            }
            return tiling(candidates.filter { $0.value != nil }, through: toMonth)
        }
    }

    /// The stored observation for exactly January…`toMonth`, with or without a value.
    public func yearToDate(of code: String, year: Int, throughMonth toMonth: Int) -> Observation? {
        observations(of: code, in: year).first { $0.period.fromMonth == 1 && $0.period.toMonth == toMonth }
    }

    /// Finds stored periods that cover January…`toMonth` with no gap or overlap, using the
    /// fewest pieces (a search over at most 12 month boundaries).
    private func tiling(_ pieces: [Observation], through toMonth: Int) -> Reading? {
        var best: [Int: [Observation]] = [1: []]
        for month in 1...toMonth {
            guard let path = best[month] else { continue }
            for piece in pieces where piece.period.fromMonth == month && piece.period.toMonth <= toMonth {
                let next = piece.period.toMonth + 1
                if best[next] == nil || best[next]!.count > path.count + 1 { best[next] = path + [piece] }
            }
        }
        guard let parts = best[toMonth + 1], !parts.isEmpty else { return nil }
        let total = parts.reduce(0) { $0 + ($1.value ?? 0) }
        return Reading(value: total, estimated: parts.contains { $0.estimated }, parts: parts)
    }
}

/// A figure read from history, and the stored observations it was made of.
public struct Reading: Sendable, Equatable {
    public var value: Double
    public var estimated: Bool
    public var parts: [Observation]
}

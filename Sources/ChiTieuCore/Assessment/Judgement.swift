/// Compares a figure with a target bound. Shared by annual and term assessments.
struct Judgement {
    let status: AssessmentStatus
    /// Percent of the target by which the figure falls short; nil when it does not.
    let shortfallPercent: Double?

    /// A year or term that is over: vượt, đạt or không đạt.
    ///
    /// `anyExcessCounts` is true for flows and totals, where any excess over plan is vượt;
    /// for levels and thresholds reaching the bound is đạt. A margin overrides both.
    static func final(
        _ value: Double, against bound: TargetBound, direction: Direction, anyExcessCounts: Bool, margin: Double?
    ) -> Judgement {
        switch bound {
        case .atLeast(let target):
            guard value >= target - tolerance(target) else {
                return Judgement(status: .missed, shortfallPercent: shortfall(of: value, below: target))
            }
            let exceeded =
                if let margin { value >= target + abs(target) * margin / 100 - tolerance(target) } else {
                    anyExcessCounts && value > target + tolerance(target)
                }
            return Judgement(status: exceeded ? .exceeded : .met, shortfallPercent: nil)
        case .atMost(let target):
            guard value <= target + tolerance(target) else {
                return Judgement(status: .missed, shortfallPercent: shortfall(of: target, below: value, base: target))
            }
            let exceeded =
                if let margin { value <= target - abs(target) * margin / 100 + tolerance(target) } else {
                    anyExcessCounts && value < target - tolerance(target)
                }
            return Judgement(status: exceeded ? .exceeded : .met, shortfallPercent: nil)
        case .between(let low, let high):
            if value < low - tolerance(low) {
                return direction == .higherIsBetter
                    ? Judgement(status: .missed, shortfallPercent: shortfall(of: value, below: low))
                    : Judgement(status: .exceeded, shortfallPercent: nil)
            }
            if value > high + tolerance(high) {
                return direction == .higherIsBetter
                    ? Judgement(status: .exceeded, shortfallPercent: nil)
                    : Judgement(status: .missed, shortfallPercent: shortfall(of: high, below: value, base: high))
            }
            return Judgement(status: .met, shortfallPercent: nil)
        }
    }

    /// A period still running, judged on its forecast: on track, at risk, or off track.
    static func midPeriod(
        forecast: Double, against bound: TargetBound, direction: Direction, configuration: AssessmentConfiguration
    ) -> Judgement {
        let atEnd = final(forecast, against: bound, direction: direction, anyExcessCounts: false, margin: nil)
        guard atEnd.status == .missed else { return Judgement(status: .onTrack, shortfallPercent: nil) }
        let gap = atEnd.shortfallPercent ?? 100
        return Judgement(
            status: gap <= configuration.atRiskShortfallPercent ? .atRisk : .offTrack, shortfallPercent: gap)
    }

    /// How far `value` is below `target`, in percent of `base` (the target by default).
    private static func shortfall(of value: Double, below target: Double, base: Double? = nil) -> Double {
        let reference = abs(base ?? target)
        guard reference > 0 else { return 100 }
        return (target - value) / reference * 100
    }

    /// Figures stored from reports carry rounding; equal to nine significant digits is equal.
    private static func tolerance(_ target: Double) -> Double { max(1, abs(target)) * 1e-9 }
}

/// A figure a unit entered that differs from what its units below add up to: «Tổng giá trị
/// sản xuất 9 tháng năm 2024 của huyện A: số nhập 520 tỷ đồng, các đơn vị cấp dưới cộng lại
/// 500,5 tỷ đồng (lệch 3,9%)». Compared only where every unit below has its figure, since a
/// partial sum differs by design.
public struct RollUpCheck: Sendable {
    /// Differences up to this share of the derived figure are rounding: 1%.
    public static let tolerance = 0.01

    public let rollUp: RollUp

    public init(indicators: [String: Indicator]) { rollUp = RollUp(indicators: indicators) }

    public func check(
        unit: AdministrativeUnit, entered: ObservationHistory, observations: [Observation],
        children: [RollUp.Child]
    ) -> [Finding] {
        guard !children.isEmpty else { return [] }
        var findings: [Finding] = []
        var seen = Set<SeriesKey>()
        for o in observations where o.period.fromMonth == 1 && seen.insert(o.seriesKey).inserted {
            guard let indicator = rollUp.indicators[o.indicatorCode], !indicator.rollUp.methods.isEmpty,
                let value = entered.yearToDate(
                    of: o.indicatorCode, year: o.period.year, throughMonth: o.period.toMonth)?
                    .value,
                let derived = rollUp.derive(
                    indicator, year: o.period.year, throughMonth: o.period.toMonth, children: children),
                derived.derivation.missingUnits.isEmpty
            else { continue }
            let gap = value - derived.value
            guard abs(gap) > Self.tolerance * max(abs(derived.value), 1e-9) else { continue }
            let format = VietnameseNumberFormat.standard
            let share = derived.value == 0 ? "" : " (lệch \(format.percent(abs(gap) / abs(derived.value) * 100)))"
            let measure = indicator.measureUnit == "%" ? "%" : " \(indicator.measureUnit)"
            findings.append(
                Finding(
                    kind: .rollUpMismatch, severity: .warning,
                    message: "\(indicator.name) \(o.period.label) của \(unit.title): số nhập \(format.string(value))"
                        + "\(measure), các đơn vị cấp dưới \(derived.derivation.sentence.hasPrefix("cộng") ? "cộng lại" : "tính lại")"
                        + " \(format.string(derived.value))\(measure)\(share).",
                    unitID: unit.id, indicatorCode: indicator.code, period: o.period, source: o.source))
        }
        return findings
    }
}

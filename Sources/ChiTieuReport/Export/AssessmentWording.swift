import ChiTieuCore

/// How tables on screen (the CLI's, the web pages') write the figures of an assessment.
public enum AssessmentWording {
    public static let number = VietnameseNumberFormat.standard

    public static func name(_ a: Assessment) -> String {
        a.target.issuerRank == 0 || !a.target.isAnnual ? a.indicator.name : "\(a.indicator.name) (\(a.target.issuer))"
    }

    /// `hơn 5.700 tỷ đồng (ước)`, `91,92% (ước)`
    public static func quantity(_ value: Double?, unit: String, qualifier: Qualifier? = nil, estimated: Bool = false)
        -> String
    {
        guard let value else { return "–" }
        var text = (qualifier.map { $0.word + " " } ?? "") + number.string(value) + (unit == "%" ? "%" : " " + unit)
        if estimated { text += " (ước)" }
        return text
    }

    public static func value(_ value: Double?, qualifier: Qualifier? = nil, estimated: Bool = false) -> String {
        guard let value else { return "–" }
        var text = (qualifier.map { $0.word + " " } ?? "") + number.string(value)
        if estimated { text += " (ước)" }
        return text
    }

    /// The target in the target's own terms: `6.770,58`, `≤ 10`, `12–13`, `≥ 8%/năm`.
    public static func target(_ a: Assessment) -> String {
        let suffix: String =
            switch a.target.measure {
            case .averageGrowth: "%/năm"
            case .averageReduction: " điểm %/năm"
            case .shareOfUnits: "% số đơn vị"
            case .changeSinceBase: "%"
            case .everyYear: " \(a.indicator.measureUnit)/năm"
            case .value, .cumulative: ""
            }
        switch a.target.bound {
        case .atLeast(let v):
            return (a.target.isAnnual && a.indicator.kind == .flow ? "" : "≥ ") + number.string(v) + suffix
        case .atMost(let v): return "≤ " + number.string(v) + suffix
        case .between(let low, let high): return number.string(low) + "–" + number.string(high) + suffix
        }
    }

    /// What the term target has reached so far, in its terms, with the year it runs to when
    /// that is an earlier one than the period's: "72 (năm 2023)", "8,29%/năm (đến năm 2023)".
    public static func achieved(_ a: Assessment) -> String {
        guard let achieved = a.achieved else { return "–" }
        let text: String
        switch a.target.measure {
        case .averageGrowth: text = number.string(achieved) + "%/năm"
        case .averageReduction: text = number.string(achieved) + " điểm %/năm"
        case .shareOfUnits, .changeSinceBase: text = number.percent(achieved)
        case .value, .cumulative, .everyYear: text = number.string(achieved)
        }
        guard let year = a.achievedThrough, year < a.period.year else { return text }
        return text + (a.target.measure == .everyYear ? " (năm \(year))" : " (đến năm \(year))")
    }

    /// A forecast as tables write it: whole for things counted one by one.
    public static func forecast(_ a: Assessment) -> String {
        guard let forecast = a.forecast else { return "–" }
        let countable =
            MeasureUnit.isCount(a.indicator.measureUnit)
            && (a.target.isAnnual || a.target.measure == .value || a.target.measure == .everyYear
                || a.target.measure == .cumulative)
        return number.string(countable ? forecast.rounded() : forecast)
    }

    public static func growth(_ a: Assessment) -> String {
        guard let g = a.growthPercent else { return "–" }
        let sign = g > 0 ? "+" : ""
        return sign + number.string(g) + (a.indicator.isRate ? " điểm %" : "%")
    }

    public static func percent(_ value: Double?) -> String { value.map(number.percent) ?? "–" }

    public static func status(_ a: Assessment) -> String {
        var text = a.status.label
        if let gap = a.shortfallPercent, a.status != .unassessed { text += " (thiếu \(number.percent(gap)))" }
        return text
    }
}

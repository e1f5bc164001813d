import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore

/// Turns what was read from one document into a batch for one unit and period.
struct BatchBuilder {
    let unit: AdministrativeUnit
    let period: Period
    let catalogue: Catalogue
    let document: String
    let enteredBy: String
    let excerpt: (ExtractionResult.Span) -> String
    private(set) var batch = DataBatch(observationPolicy: .keepExisting)
    private(set) var skipped: [String] = []
    private(set) var derivedPlans: [String] = []

    init(
        unit: AdministrativeUnit, period: Period, catalogue: Catalogue, document: String, enteredBy: String,
        excerpt: @escaping (ExtractionResult.Span) -> String
    ) {
        self.unit = unit
        self.period = period
        self.catalogue = catalogue
        self.document = document
        self.enteredBy = enteredBy
        self.excerpt = excerpt
    }

    mutating func add(_ result: ExtractionResult, existingTargets: [Target]) {
        var seen = Set<String>()
        var planned = Set(existingTargets.map { "\($0.indicatorCode)|\($0.scope.firstYear)|\(NameKey($0.issuer))" })
        var plannedValues = Dictionary(
            grouping: existingTargets.filter(\.isAnnual), by: { "\($0.indicatorCode)|\($0.scope.firstYear)" }
        ).mapValues { $0.map { $0.bound.reference(for: .higherIsBetter) } }
        for o in result.observations {
            guard let indicator = indicator(o.indicatorCode, named: o.indicator) else { continue }
            guard seen.insert(indicator.code).inserted else {
                skipped.append("«\(o.indicator)»: chỉ tiêu \(indicator.name) đã có một kết quả khác trong văn bản.")
                continue
            }
            var value = o.value
            if let v = value, let unitWritten = o.unit {
                guard let factor = MeasureUnit.factor(from: unitWritten, to: indicator.measureUnit) else {
                    skipped.append(
                        "«\(o.indicator)»: đơn vị «\(unitWritten)» không đổi được sang «\(indicator.measureUnit)».")
                    continue
                }
                value = v * factor
            }
            let provenance = Provenance(
                document: document, spanStart: o.span.start, spanEnd: o.span.end, excerpt: excerpt(o.span),
                enteredBy: enteredBy)
            batch.add(
                Observation(
                    unitID: unit.id, indicatorCode: indicator.code, period: period, value: value,
                    qualifier: o.qualifier,
                    estimated: o.estimated, statedPercentOfPlan: o.percentOfPlan, statedGrowthPercent: o.growthPercent,
                    priceBasis: o.priceBasis, source: provenance),
                origin: "«\(o.indicator)»")
            // One result may be judged against several plans: each one a plan can be worked out from.
            let stated = [(o.percentOfPlan, o.planWords)] + o.otherPlans.map { ($0.percent, $0.planWords) }
            for (percent, words) in stated {
                guard let percent, let plan = plannedFigure(o, value: value, percent: percent) else { continue }
                let issuer = Self.issuer(words)
                let rounded = (plan * 100).rounded() / 100
                // "bằng 85% dự toán" with a stored "kế hoạch 14,7": the percentage is of the plan
                // already stored (14,71 ≈ 14,7), not a second plan beside it.
                let key = "\(indicator.code)|\(period.year)"
                guard !(plannedValues[key] ?? []).contains(where: { Self.agree($0, rounded) }) else { continue }
                guard planned.insert("\(key)|\(NameKey(issuer))").inserted else { continue }
                plannedValues[key, default: []].append(rounded)
                batch.add(
                    Target(
                        unitID: unit.id, indicatorCode: indicator.code, scope: .year(period.year),
                        bound: indicator.direction == .higherIsBetter ? .atLeast(rounded) : .atMost(rounded),
                        issuer: issuer,
                        note:
                            "Suy ra từ tỷ lệ \(VietnameseNumberFormat.standard.percent(percent)) nêu trong \(document)")
                )
                derivedPlans.append(
                    "\(indicator.name) năm \(period.year): \(rounded.vietnamese) \(indicator.measureUnit) (\(issuer))")
            }
        }
        addGoals(result.targets, planned: &planned)
        // A congress is no meeting of the committee: the store has no record for it yet.
        if let c = result.conference, !c.isCongress {
            batch.add(Conference(unitID: unit.id, number: c.number, term: c.term, extended: c.extended, period: period))
        }
        if let t = result.tally {
            batch.add(
                StatedTally(
                    unitID: unit.id, period: period, total: t.total, exceeded: t.exceeded, met: t.met,
                    metOrExceeded: t.metOrExceeded, missed: t.missed, unassessed: t.unevaluated,
                    source: Provenance(document: document, excerpt: excerpt(t.span))))
        }
    }

    /// Whether a plan worked out from a rounded percentage is the stored plan: within 0,5%.
    static func agree(_ stored: Double, _ derived: Double) -> Bool {
        guard stored.isFinite, derived.isFinite else { return false }
        return abs(stored - derived) <= max(abs(stored), abs(derived)) * 0.005
    }

    /// The plan a result implies: stated ("603,8ha/600ha") or value ÷ percent of plan.
    private func plannedFigure(_ o: ExtractionResult.ReadObservation, value: Double?, percent: Double) -> Double? {
        if let plan = o.planValue, let v = value, let raw = o.value, raw != 0 { return plan * v / raw }
        guard let value, percent > 0, o.qualifier == nil else { return nil }
        return value / percent * 100
    }

    /// Goals for a later period ("mục tiêu năm 2025"): stored as that year's plan.
    private mutating func addGoals(_ goals: [ExtractionResult.ReadTarget], planned: inout Set<String>) {
        // The goals a conference sets for next year are that year's plan.
        let issuer = Target.defaultIssuer
        for goal in goals {
            guard let indicator = indicator(goal.indicatorCode, named: goal.indicator) else { continue }
            // «thu ngân sách tăng 10%»: a year's plan is a level; the rise is kept in the text only.
            if goal.isGrowth, indicator.measureUnit != "%" {
                skipped.append(
                    "mục tiêu «\(goal.indicator)»: tăng \(VietnameseNumberFormat.standard.percent(goal.value)) là mức tăng, không phải mức đạt; chưa lưu thành kế hoạch năm \(goal.year)."
                )
                continue
            }
            var value = goal.value
            if let written = goal.unit {
                guard let factor = MeasureUnit.factor(from: written, to: indicator.measureUnit) else {
                    skipped.append(
                        "mục tiêu «\(goal.indicator)»: đơn vị «\(written)» không đổi được sang «\(indicator.measureUnit)»."
                    )
                    continue
                }
                value *= factor
            }
            guard planned.insert("\(indicator.code)|\(goal.year)|\(NameKey(issuer))").inserted else { continue }
            let bound: TargetBound =
                switch goal.qualifier {
                case .above: .atLeast(value)
                case .below: .atMost(value)
                default: indicator.direction == .higherIsBetter ? .atLeast(value) : .atMost(value)
                }
            batch.add(
                Target(
                    unitID: unit.id, indicatorCode: indicator.code, scope: .year(goal.year), bound: bound,
                    issuer: issuer,
                    note: "Mục tiêu nêu trong \(document)"),
                origin: "mục tiêu «\(goal.indicator)»")
        }
    }

    private mutating func indicator(_ code: String?, named name: String) -> Indicator? {
        if let code, let indicator = catalogue.indicator(code: code) { return indicator }
        skipped.append("«\(name)» chưa có trong danh mục chỉ tiêu.")
        return nil
    }

    /// "dự toán HĐND tỉnh giao" stays as written; "KH", "chỉ tiêu" are the plan; "NQ" the resolution.
    static func issuer(_ words: String?) -> String {
        guard let words else { return Target.defaultIssuer }
        let key = NameKey(words).rawValue
        if key.hasPrefix("dự toán") { return "dự toán" + words.dropFirst("dự toán".count) }
        if key.hasPrefix("nghị quyết") || key == "nq" { return "nghị quyết" }
        return Target.defaultIssuer
    }
}

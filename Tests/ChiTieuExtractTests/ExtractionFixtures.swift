import ChiTieuCore

@testable import ChiTieuExtract

/// The facts of one observation, for comparing without names or spans.
struct Facts: Equatable, CustomStringConvertible {
    var value: Double?
    var unit: String?
    var qualifier: Qualifier?
    var estimated = false
    var percentOfPlan: Double?
    var planValue: Double?
    var growth: Double?

    init(
        _ value: Double?, _ unit: String? = nil, qualifier: Qualifier? = nil, estimated: Bool = false,
        plan percentOfPlan: Double? = nil, planValue: Double? = nil, growth: Double? = nil
    ) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.estimated = estimated
        self.percentOfPlan = percentOfPlan
        self.planValue = planValue
        self.growth = growth
    }

    init(_ o: ExtractionResult.ReadObservation) {
        self.init(
            o.value, o.unit, qualifier: o.qualifier, estimated: o.estimated,
            plan: o.percentOfPlan.map { ($0 * 100).rounded() / 100 },
            planValue: o.planValue, growth: o.growthPercent.map { ($0 * 100).rounded() / 100 })
    }

    var description: String {
        "(\(value.map { "\($0)" } ?? "–") \(unit ?? "") q:\(qualifier?.rawValue ?? "") e:\(estimated) pp:\(percentOfPlan.map { "\($0)" } ?? "–") plan:\(planValue.map { "\($0)" } ?? "–") g:\(growth.map { "\($0)" } ?? "–"))"
    }
}

enum Read {
    static let extractor = Extractor(currentYear: 2026)

    static func facts(_ text: String) -> [Facts] { extractor.extract(text).observations.map(Facts.init) }
}

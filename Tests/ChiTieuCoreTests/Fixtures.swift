@testable import ChiTieuCore

/// Indicators and builders for assessment tests. Figures are invented for the tests.
enum Fixture {
    static let unit = AdministrativeUnit(id: 1, kind: .district, name: "Thử Nghiệm")

    static let production = Indicator(
        code: "total_production_value", name: "Tổng giá trị sản xuất", measureUnit: "tỷ đồng", kind: .flow)
    static let insurance = Indicator(
        code: "health_insurance_coverage", name: "Tỷ lệ dân số tham gia bảo hiểm y tế", measureUnit: "%", kind: .level,
        field: .society)
    static let poverty = Indicator(
        code: "poverty_rate", name: "Tỷ lệ hộ nghèo", measureUnit: "%", kind: .level, direction: .lowerIsBetter,
        field: .society, frequency: .yearly)
    static let accidents = Indicator(
        code: "traffic_accidents", name: "Số vụ tai nạn giao thông", measureUnit: "vụ", kind: .flow,
        direction: .lowerIsBetter, field: .defence)
    static let growthRate = Indicator(
        code: "production_growth_rate", name: "Tốc độ tăng giá trị sản xuất", measureUnit: "%", kind: .level,
        frequency: .yearly)
    static let newMembers = Indicator(
        code: "new_party_members", name: "Kết nạp đảng viên mới", measureUnit: "đảng viên", kind: .flow, field: .party)
    static let nrCommunes = Indicator(
        code: "new_rural_communes", name: "Số xã đạt chuẩn nông thôn mới", measureUnit: "xã", kind: .level,
        frequency: .yearly)
    static let income = Indicator(
        code: "income_per_capita", name: "Thu nhập bình quân đầu người", measureUnit: "triệu đồng", kind: .flow,
        frequency: .yearly)
    static let investment = Indicator(
        code: "total_investment", name: "Tổng vốn đầu tư toàn xã hội", measureUnit: "tỷ đồng", kind: .flow)
    static let conscription = Indicator(
        code: "military_conscription", name: "Giao quân", measureUnit: "%", kind: .level, field: .defence)

    static func obs(
        _ indicator: Indicator, _ year: Int, to: Int, from: Int = 1, _ value: Double?, estimated: Bool = false,
        percent: Double? = nil, growth: Double? = nil, version: Int = 1
    ) -> Observation {
        Observation(
            unitID: unit.id, indicatorCode: indicator.code,
            period: try! Period(year: year, fromMonth: from, toMonth: to),
            value: value, estimated: estimated, statedPercentOfPlan: percent, statedGrowthPercent: growth,
            version: version)
    }

    static func plan(
        _ indicator: Indicator, _ year: Int, _ bound: TargetBound, issuer: String = "kế hoạch", margin: Double? = nil,
        id: TargetID = 1
    ) -> Target {
        Target(
            id: id, unitID: unit.id, indicatorCode: indicator.code, scope: .year(year), bound: bound, issuer: issuer,
            exceedMargin: margin)
    }

    static func term(
        _ indicator: Indicator, _ from: Int, _ to: Int, _ measure: TargetMeasure, _ bound: TargetBound,
        denominator: Int? = nil
    ) -> Target {
        Target(
            id: 9, unitID: unit.id, indicatorCode: indicator.code, scope: .term(from: from, to: to), measure: measure,
            bound: bound, issuer: "nghị quyết", denominator: denominator)
    }

    static func assess(
        _ target: Target, _ indicator: Indicator, year: Int, to month: Int, _ observations: [Observation],
        unitCount: Int? = nil
    ) -> Assessment {
        TargetAssessor().assess(
            target, indicator: indicator, period: try! Period(year: year, toMonth: month),
            history: ObservationHistory(observations), unitCount: unitCount)
    }
}

extension Double {
    func rounded(_ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

import ChiTieuCore

/// The demo data: the units and figures of the five seed conference reports (Kông Chro,
/// Chợ Đồn twice, An Khê, Chư Sê), with plans derived from the stated percentages
/// ("bằng 70,76% kế hoạch" → plan = value ÷ 70,76%) and last year's figures derived from the
/// stated growth. Where a report gives neither, a second year and a few targets are
/// illustrative, marked "số liệu minh họa" as their source, so that growth, forecasts and a
/// year-end tally can be shown.
public enum DemoDataSet {
    public static let illustrative = "Số liệu minh họa (không có trong báo cáo)"
    private static let before2025 = CalendarDay.reform2025

    /// Whether the demo's figures are stored (its units alone may be there, from the registry).
    public static func isLoaded(in repository: any ChiTieuRepository) async throws -> Bool {
        for unit in try await repository.units(code: "630") where unit.kind == .district {
            if try await !repository.conferences(unitID: unit.id).isEmpty { return true }
        }
        return false
    }

    public static func batch() -> DataBatch {
        var b = DemoBuilder()
        // With their registry codes: on a database that has the registry, these are its units.
        let oldGiaLai = b.batch.addUnit(.province, "Gia Lai", code: "64", validTo: before2025)
        b.batch.addUnit(.province, "Gia Lai", code: "52", validFrom: before2025, predecessors: [oldGiaLai])
        let bacKan = b.batch.addUnit(.province, "Bắc Kạn", code: "06", validTo: before2025)
        b.batch.addUnit(.province, "Thái Nguyên", code: "19", validFrom: before2025, predecessors: [bacKan])
        let kongChro = b.batch.addUnit(
            .district, "Kông Chro", parent: oldGiaLai, code: "630", validTo: before2025,
            terms: [CommitteeTerm(number: 8, fromYear: 2020, toYear: 2025)])
        let chuSe = b.batch.addUnit(
            .district, "Chư Sê", parent: oldGiaLai, code: "633", validTo: before2025,
            terms: [CommitteeTerm(number: 10, fromYear: 2020, toYear: 2025)])
        let anKhe = b.batch.addUnit(
            .town, "An Khê", parent: oldGiaLai, code: "623", validTo: before2025,
            terms: [CommitteeTerm(number: 17, fromYear: 2020, toYear: 2025)])
        let choDon = b.batch.addUnit(.district, "Chợ Đồn", parent: bacKan, code: "064", validTo: before2025)

        kongChroFigures(&b, kongChro)
        choDonFigures(&b, choDon)
        anKheFigures(&b, anKhe)
        chuSeFigures(&b, chuSe)
        return b.batch
    }

    /// Kông Chro, 9 tháng 2024 (hội nghị lần thứ 18 mở rộng, khóa VIII).
    private static func kongChroFigures(_ b: inout DemoBuilder, _ unit: UnitID) {
        let report = "Tin hội nghị BCH Đảng bộ huyện Kông Chro lần thứ 18 (mở rộng), khóa VIII"
        b.conference(unit, number: 18, term: 8, extended: true, year: 2024, toMonth: 9)
        b.unit = unit
        b.source = report
        b.result(
            "total_production_value", 2024, 9, 4790.86, estimated: true, percent: 70.76, growth: 3.81,
            priceBasis: "so sánh 2010")
        b.result("industrial_production_value", 2024, 9, 765.81, percent: 69.85, growth: 2.24)
        b.result("retail_sales", 2024, 9, 622, percent: 75.85, growth: 1.06)
        b.result("budget_revenue", 2024, 9, 35.33, percent: 142.46, growth: 69.86)
        b.result("military_conscription", 2024, 9, nil, percent: 100)
        b.plan("total_production_value", 2024, 4790.86 / 0.7076)
        b.plan("industrial_production_value", 2024, 765.81 / 0.6985)
        b.plan("retail_sales", 2024, 622 / 0.7585)
        b.plan("budget_revenue", 2024, 35.33 / 1.4246, issuer: "dự toán")
        b.plan("military_conscription", 2024, 100)
        // Same period of 2023, from the stated growth.
        b.result("total_production_value", 2023, 9, 4790.86 / 1.0381, estimated: true, priceBasis: "so sánh 2010")
        b.result("industrial_production_value", 2023, 9, 765.81 / 1.0224)
        b.result("retail_sales", 2023, 9, 622 / 1.0106)
        b.result("budget_revenue", 2023, 9, 35.33 / 1.6986)

        b.source = illustrative
        // 2023 year-end results and plans, for a year-end tally and seasonal forecasts.
        for (code, plan, result) in [
            ("total_production_value", 6300.0, 6350.0), ("industrial_production_value", 1050, 1030),
            ("retail_sales", 800, 830), ("new_party_members", 70, 72), ("health_insurance_coverage", 95, 93.5),
        ] {
            b.plan(code, 2023, plan)
            b.result(code, 2023, 12, result)
        }
        b.plan("budget_revenue", 2023, 28, issuer: "dự toán")
        b.result("budget_revenue", 2023, 12, 29.5)
        b.plan("military_conscription", 2023, 100)
        b.result("military_conscription", 2023, 12, 100)
        b.plan("poverty_rate", 2023, 12, atMost: true)
        b.result("poverty_rate", 2023, 12, 11.2)
        b.plan("forest_cover", 2023, 55)
        // 2024 plans for indicators the report does not mention.
        b.plan("new_party_members", 2024, 75)
        b.result("new_party_members", 2023, 9, 54)
        b.result("new_party_members", 2024, 9, 50)
        b.plan("health_insurance_coverage", 2024, 95)
        b.result("health_insurance_coverage", 2024, 9, 93.9)
        b.plan("poverty_rate", 2024, 10, atMost: true)
        b.plan("forest_cover", 2024, 55)
        // Resolution targets of the 2020–2025 term, with the yearly history they need.
        b.result("total_production_value", 2020, 12, 5000)
        b.result("poverty_rate", 2020, 12, 20.5)
        for (year, members) in [(2021, 65.0), (2022, 70)] { b.result("new_party_members", year, 12, members) }
        b.term(
            "total_production_value", 2020, 2025, .averageGrowth, 8,
            issuer: "Nghị quyết Đại hội Đảng bộ huyện lần thứ VIII")
        b.term(
            "poverty_rate", 2020, 2025, .averageReduction, 2, issuer: "Nghị quyết Đại hội Đảng bộ huyện lần thứ VIII")
        b.term("new_party_members", 2021, 2025, .everyYear, 60, issuer: "Nghị quyết Đại hội Đảng bộ huyện lần thứ VIII")
    }

    /// Chợ Đồn, 9 tháng 2023 (hội nghị lần thứ 15 mở rộng) and năm 2024 (hội nghị lần thứ 20).
    private static func choDonFigures(_ b: inout DemoBuilder, _ unit: UnitID) {
        b.unit = unit
        b.conference(
            unit, number: 15, extended: true, year: 2023, toMonth: 9, date: CalendarDay(year: 2023, month: 10, day: 10))
        b.source = "Tin hội nghị BCH Đảng bộ huyện Chợ Đồn lần thứ 15 (mở rộng)"
        b.result("grain_sown_area", 2023, 9, nil, percent: 97.9)
        b.result("forest_planting", 2023, 9, 603.8, percent: 100.6)
        b.plan("forest_planting", 2023, 600)
        b.result("industrial_production_value", 2023, 9, 362.14, growth: -4.73)
        b.result("industrial_production_value", 2022, 9, 362.14 / 0.9527)
        b.result("jobs_created", 2023, 9, 600, percent: 60)
        b.plan("jobs_created", 2023, 1000)
        b.result("labour_export", 2023, 9, 217, percent: 180)
        b.plan("labour_export", 2023, 120)
        b.source = illustrative
        b.plan("grain_sown_area", 2023, 4200)

        b.conference(unit, number: 20, extended: false, year: 2024, toMonth: 12)
        let report = "Tin hội nghị BCH Đảng bộ huyện Chợ Đồn lần thứ 20"
        b.batch.add(
            StatedTally(
                unitID: unit, period: try! .year(2024), total: 42, exceeded: 10, met: 22, missed: 8, unassessed: 2,
                source: Provenance(document: report)))
        b.source = report
        b.plan("grain_output", 2025, 28320)
        b.plan("grain_per_capita", 2025, 500)
        b.plan("land_use_coefficient", 2025, 1.78)
        b.plan("forest_planting", 2025, 470)
        b.plan("forest_cover", 2025, 80.5)
        b.plan("new_cooperatives", 2025, 2)
        b.plan("new_rural_communes_added", 2025, 7)
        b.plan("advanced_new_rural_communes_added", 2025, 2)
        b.plan("model_new_rural_communes_added", 2025, 1)
        b.plan("ocop_products", 2025, 3)
        b.plan("new_party_members", 2025, 150)
        b.plan("party_orgs_good_rate", 2025, 95)
        b.plan("party_members_good_rate", 2025, 85)
    }

    /// An Khê, 6 tháng đầu năm 2023 (hội nghị lần thứ 13 mở rộng).
    private static func anKheFigures(_ b: inout DemoBuilder, _ unit: UnitID) {
        b.unit = unit
        b.conference(
            unit, number: 13, term: 17, extended: true, year: 2023, toMonth: 6,
            date: CalendarDay(year: 2023, month: 6, day: 30))
        b.source = "Tin hội nghị BCH Đảng bộ thị xã An Khê lần thứ 13 (mở rộng)"
        b.result(
            "total_production_value", 2023, 6, 10040, qualifier: .above, percent: 52.13, growth: 11.25,
            priceBasis: "hiện hành")
        b.plan("total_production_value", 2023, 10040 / 0.5213)
        b.result("total_production_value", 2022, 6, 10040 / 1.1125, priceBasis: "hiện hành")
        b.result("retail_sales", 2023, 6, 3684, percent: 52.44, growth: 16.44)
        b.plan("retail_sales", 2023, 3684 / 0.5244)
        b.result("retail_sales", 2022, 6, 3684 / 1.1644)
        b.result("budget_revenue", 2023, 6, 52.15, percent: 26.6)
        b.plan("budget_revenue", 2023, 52.15 / 0.266, issuer: "dự toán tỉnh giao")
        b.result("ntm_program_capital", 2023, 6, 4.42)
        b.result("health_insurance_coverage", 2023, 6, 91.92, estimated: true, growth: 0.68)
        b.result("health_insurance_coverage", 2022, 6, 91.92 - 0.68)
        b.result("new_party_members", 2023, 6, 26)
        b.result("party_members_total", 2023, 6, 2685)
    }

    /// Chư Sê, 6 tháng đầu năm 2021 (hội nghị lần thứ V, khóa X, mở rộng).
    private static func chuSeFigures(_ b: inout DemoBuilder, _ unit: UnitID) {
        b.unit = unit
        b.conference(unit, number: 5, term: 10, extended: true, year: 2021, toMonth: 6)
        b.source = "Tin hội nghị BCH Đảng bộ huyện Chư Sê lần thứ V, khóa X (mở rộng)"
        b.result("total_production_value", 2021, 6, 5700, qualifier: .above, estimated: true, growth: 5.56)
        b.result("total_production_value", 2020, 6, 5700 / 1.0556)
        b.result("production_value_agriculture", 2021, 6, 1800, qualifier: .above)
        b.result("production_value_industry_construction", 2021, 6, 2190, qualifier: .above)
        b.result("production_value_services", 2021, 6, 1200, qualifier: .above)
        b.result("budget_revenue", 2021, 6, 55.16)
        b.result("new_rural_communes", 2021, 6, 11)
    }
}

/// Shorthand for writing the demo figures.
private struct DemoBuilder {
    var batch = DataBatch()
    var unit: UnitID = 0
    var source = ""

    mutating func result(
        _ code: String, _ year: Int, _ toMonth: Int, _ value: Double?, qualifier: Qualifier? = nil,
        estimated: Bool = false,
        percent: Double? = nil, growth: Double? = nil, priceBasis: String? = nil
    ) {
        let rounded = value.map { ($0 * 100).rounded() / 100 }
        batch.add(
            Observation(
                unitID: unit, indicatorCode: code, period: try! .yearToDate(year, through: toMonth), value: rounded,
                qualifier: qualifier, estimated: estimated, statedPercentOfPlan: percent, statedGrowthPercent: growth,
                priceBasis: priceBasis, source: Provenance(document: source, enteredBy: "demo")))
    }

    mutating func plan(
        _ code: String, _ year: Int, _ value: Double, issuer: String = Target.defaultIssuer, atMost: Bool = false
    ) {
        let rounded = (value * 100).rounded() / 100
        batch.add(
            Target(
                unitID: unit, indicatorCode: code, scope: .year(year),
                bound: atMost ? .atMost(rounded) : .atLeast(rounded),
                issuer: issuer, note: source))
    }

    mutating func term(
        _ code: String, _ from: Int, _ to: Int, _ measure: TargetMeasure, _ value: Double, issuer: String
    ) {
        batch.add(
            Target(
                unitID: unit, indicatorCode: code, scope: .term(from: from, to: to), measure: measure,
                bound: .atLeast(value),
                issuer: issuer, note: source))
    }

    mutating func conference(
        _ unit: UnitID, number: Int, term: Int? = nil, extended: Bool, year: Int, toMonth: Int, date: CalendarDay? = nil
    ) {
        batch.add(
            Conference(
                unitID: unit, number: number, term: term, extended: extended, date: date,
                period: try! .yearToDate(year, through: toMonth)))
    }
}

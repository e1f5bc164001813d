import ChiTieuCore
import ChiTieuStore

/// The plan page's form read into one batch: changed values, removals, new annual plans (up to
/// five rows at once) and a new resolution target; a refusal is kept per row.
struct PlanGrid {
    private var grid: GridBatch

    init(
        form: PlanPage.Form, stored: [Target], unit: AdministrativeUnit, indicators: [String: Indicator],
        years: ClosedRange<Int>, author: ChangeAuthor
    ) throws {
        grid = GridBatch(author: author)
        let removing = Set((form.xoa ?? [:]).keys)
        for target in stored where removing.contains("t\(target.id)") {
            grid.batch.remove(target, origin: "dòng \(indicators[target.indicatorCode]?.name ?? target.indicatorCode)")
        }
        for (key, text) in form.gia_tri ?? [:] where !removing.contains(key) {
            guard let target = stored.first(where: { "t\($0.id)" == key }) else { continue }
            let (low, high) = target.bound.values
            let current = high.map { "\(low.vietnamese)-\($0.vietnamese)" } ?? low.vietnamese
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text != current else { continue }
            let input = TargetInput(
                indicator: target.indicatorCode, year: target.isAnnual ? target.scope.firstYear : nil,
                from_year: target.isAnnual ? nil : target.scope.firstYear,
                to_year: target.isAnnual ? nil : target.scope.lastYear, measure: target.measure.rawValue,
                comparator: target.bound.comparatorCode == "between" ? ">=" : target.bound.comparatorCode,
                value: .text(text), issuer: target.issuer)
            try grid.row(key) { $0.add(try input.target(of: unit, indicators: indicators, yearRange: years)) }
        }
        for suffix in PlanPage.newRowKeys {
            guard let new = form.moi, let code = new["chi_tieu\(suffix)"], !code.isEmpty else { continue }
            let input = TargetInput(
                indicator: code, year: form.nam, value: .text(new["gia_tri\(suffix)"] ?? ""),
                issuer: new["cap_giao\(suffix)"])
            try grid.row("moi\(suffix)") {
                $0.add(try input.target(of: unit, indicators: indicators, yearRange: years))
            }
        }
        if let new = form.nq, let code = new["chi_tieu"], !code.isEmpty {
            let input = TargetInput(
                indicator: code, from_year: Int(new["tu_nam"] ?? ""), to_year: Int(new["den_nam"] ?? ""),
                measure: new["dang"], value: .text(new["gia_tri"] ?? ""),
                issuer: new["cap_giao"].flatMap { $0.isEmpty ? nil : $0 } ?? "nghị quyết")
            try grid.row("nq") { $0.add(try input.target(of: unit, indicators: indicators, yearRange: years)) }
        }
    }

    var isValid: Bool { grid.isValid }
    var errors: [String: String] { grid.errors }
    var batch: DataBatch { grid.batch }
}

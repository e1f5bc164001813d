import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation
import Hummingbird

/// `/don-vi/{id}/ke-hoach?nam=`: the annual plans of a year and the resolution targets
/// covering it, each value editable, with a row to add an annual plan and one to add a
/// resolution target. Everything posted is checked first; nothing is stored if any is wrong.
struct PlanPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.plan.pattern, use: page)
        unit.post(SiteURL.UnitPage.plan.pattern, use: save)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let action: String
        let year: Int
        let annual: [Row]
        let term: [Row]
        let planIndicators: [LayoutView.Option]
        let termIndicators: [LayoutView.Option]
        let measures: [LayoutView.Option]
        let newPlan: NewTarget
        let newTerm: NewTarget
        let saved: String?
        let errors: [String]
        let setHref: String
    }

    struct Row {
        let id: TargetID
        let name: String
        let measureUnit: String
        let scope: String
        let kind: String
        let issuer: String
        let comparator: String
        let input: String
        let error: String?
    }

    struct NewTarget {
        var indicator = ""
        var issuer = ""
        var value = ""
        var fromYear = ""
        var toYear = ""
        var error: String?
    }

    /// `gia_tri[tID]` for stored targets (a letter first: numeric keys would decode as an array); `moi[...]` a new annual plan; `nq[...]` a new resolution target.
    struct Form: Decodable {
        var nam: Int
        var gia_tri: [String: String]?
        var moi: [String: String]?
        var nq: [String: String]?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        var year = try values.integer("nam", in: services.years.targetYears, what: "Năm")
        if year == nil { year = try await services.latestPeriod(of: unit).year }
        return try await render(
            context, unit, year!, form: nil, errors: [:], saved: values.savedCount("da-luu"), status: .ok)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(Form.self, from: request)
        guard (services.years.targetYears).contains(form.nam) else {
            throw APIError.badRequest("Năm \(form.nam) không hợp lệ.", field: "nam")
        }
        let stored = try await services.repository.targets(unitIDs: [unit.id], years: form.nam...form.nam)
        let indicators = try await services.repository.indicatorsByCode()
        let years = services.years.termYears
        var grid = GridBatch(author: context.author(via: "trang Kế hoạch"))
        for (key, text) in form.gia_tri ?? [:] {
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
        if let new = form.moi, let code = new["chi_tieu"], !code.isEmpty {
            let input = TargetInput(
                indicator: code, year: form.nam, value: .text(new["gia_tri"] ?? ""), issuer: new["cap_giao"])
            try grid.row("moi") { $0.add(try input.target(of: unit, indicators: indicators, yearRange: years)) }
        }
        if let new = form.nq, let code = new["chi_tieu"], !code.isEmpty {
            let input = TargetInput(
                indicator: code, from_year: Int(new["tu_nam"] ?? ""), to_year: Int(new["den_nam"] ?? ""),
                measure: new["dang"], value: .text(new["gia_tri"] ?? ""),
                issuer: new["cap_giao"].flatMap { $0.isEmpty ? nil : $0 } ?? "nghị quyết")
            try grid.row("nq") { $0.add(try input.target(of: unit, indicators: indicators, yearRange: years)) }
        }
        guard grid.isValid else {
            return try await render(
                context, unit, form.nam, form: form, errors: grid.errors, saved: nil, status: .unprocessableContent)
        }
        let summary = try await services.repository.save(grid.batch)
        let count = summary.targetsAdded + summary.targetsUpdated
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.unit(unit.id, .plan).path(["nam": "\(form.nam)", "da-luu": "\(count)"])])
    }

    private func render(
        _ context: AppRequestContext, _ unit: AdministrativeUnit, _ year: Int, form: Form?, errors: [String: String],
        saved: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let indicators = try await services.repository.indicators()
        let byCode = Dictionary(indicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let targets = try await services.repository.targets(unitIDs: [unit.id], years: year...year)
        let order = Dictionary(indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = targets.sorted {
            (order[$0.indicatorCode] ?? 0, $0.issuerRank) < (order[$1.indicatorCode] ?? 0, $1.issuerRank)
        }
        .map { t in
            let (low, high) = t.bound.values
            let value = high.map { "\(low.vietnamese)-\($0.vietnamese)" } ?? low.vietnamese
            return Row(
                id: t.id, name: byCode[t.indicatorCode]?.name ?? t.indicatorCode,
                measureUnit: byCode[t.indicatorCode]?.measureUnit ?? "", scope: t.scope.label,
                kind: t.measure.title, issuer: t.planWord,
                comparator: t.bound.comparatorCode == "<="
                    ? "không quá" : (t.bound.comparatorCode == ">=" ? "từ" : "khoảng"),
                input: form?.gia_tri?["t\(t.id)"] ?? value, error: errors["t\(t.id)"])
        }
        func new(_ fields: [String: String]?, _ key: String) -> NewTarget {
            NewTarget(
                indicator: fields?["chi_tieu"] ?? "", issuer: fields?["cap_giao"] ?? "",
                value: fields?["gia_tri"] ?? "",
                fromYear: fields?["tu_nam"] ?? "", toYear: fields?["den_nam"] ?? "", error: errors[key])
        }
        func options(_ indicators: [Indicator], chosen: String?) -> [LayoutView.Option] {
            indicators.map {
                .init(value: $0.code, label: "\($0.name) (\($0.measureUnit))", selected: $0.code == chosen)
            }
        }
        let period = try Period.year(year)
        let heading = "Kế hoạch năm \(year) — \(unit.capitalizedTitle)"
        let view = View(
            layout: try await services.layout(context: context, heading, page: .plan, unit: unit, period: period),
            heading: heading, action: SiteURL.unit(unit.id, .plan).path(), year: year,
            annual: rows.filter { $0.scope == "năm \(year)" }, term: rows.filter { $0.scope != "năm \(year)" },
            planIndicators: options(indicators, chosen: form?.moi?["chi_tieu"]),
            termIndicators: options(indicators, chosen: form?.nq?["chi_tieu"]),
            measures: TargetMeasure.allCases.map {
                .init(value: $0.rawValue, label: $0.title, selected: $0.rawValue == (form?.nq?["dang"] ?? "value"))
            },
            newPlan: new(form?.moi, "moi"), newTerm: new(form?.nq, "nq"),
            saved: saved.map { "Đã lưu \($0) chỉ tiêu." },
            errors: errors.values.sorted(), setHref: SiteURL.unit(unit.id, .targetSet).path(["nam": "\(year)"]))
        return try services.pages.render(view, template: "plan", status: status)
    }
}

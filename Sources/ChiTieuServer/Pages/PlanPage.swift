import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation
import Hummingbird

/// `/don-vi/{id}/ke-hoach?nam=`: the annual plans of a year and the resolution targets
/// covering it, each value editable or removable (a removed one is listed and can be put
/// back), with rows to add several annual plans at once and one to add a resolution target.
/// Everything posted is checked first; nothing is stored if any is wrong.
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
        let removed: [RemovedRow]
        let termIndicators: [LayoutView.Option]
        let measures: [LayoutView.Option]
        let newPlans: [NewTarget]
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
        /// The unit a typed figure may end with ("92%").
        let typedUnit: String
        let remove: Bool
    }

    struct RemovedRow {
        let id: TargetID
        let name: String
        let detail: String
    }

    struct NewTarget {
        /// The suffix of the row's field names: "" for the first, "_2", "_3", … after it.
        var key = ""
        var options: [LayoutView.Option] = []
        var indicator = ""
        var issuer = ""
        var value = ""
        var fromYear = ""
        var toYear = ""
        var error: String?
    }

    /// `gia_tri[tID]` and `xoa[tID]` for stored targets (a letter first: numeric keys would
    /// decode as an array); `moi[chi_tieu]`, `moi[chi_tieu_2]`, … new annual plans; `nq[...]` a
    /// new resolution target; `khoi_phuc` the removed target to put back.
    struct Form: Decodable {
        var nam: Int
        var gia_tri: [String: String]?
        var xoa: [String: String]?
        var moi: [String: String]?
        var nq: [String: String]?
        var khoi_phuc: Int64?
    }

    /// The new-plan rows the page offers at once.
    static let newRowKeys = ["", "_2", "_3", "_4", "_5"]

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
        let author = context.author(via: "trang Kế hoạch")
        if let removed = form.khoi_phuc {
            return try await restore(removed, unit, form.nam, context, author: author)
        }
        let stored = try await services.repository.targets(unitIDs: [unit.id], years: form.nam...form.nam)
        let grid = try PlanGrid(
            form: form, stored: stored, unit: unit, indicators: try await services.repository.indicatorsByCode(),
            years: services.years.termYears, author: author)
        guard grid.isValid else {
            return try await render(
                context, unit, form.nam, form: form, errors: grid.errors, saved: nil, status: .unprocessableContent)
        }
        let summary: SaveSummary
        do {
            summary = try await services.repository.save(grid.batch)
        } catch StoreError.invalidBatch(let problems) {
            let errors = Dictionary(
                problems.enumerated().map { ("lo\($0.offset)", $0.element.message) }, uniquingKeysWith: { a, _ in a })
            return try await render(
                context, unit, form.nam, form: form, errors: errors, saved: nil, status: .unprocessableContent)
        }
        let count = summary.targetsAdded + summary.targetsUpdated + summary.targetsRemoved
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.unit(unit.id, .plan).path(["nam": "\(form.nam)", "da-luu": "\(count)"])])
    }

    /// Puts a removed target back; refused (and said on the page) when it was added again since.
    private func restore(
        _ removed: TargetID, _ unit: AdministrativeUnit, _ year: Int, _ context: AppRequestContext,
        author: ChangeAuthor
    ) async throws -> Response {
        guard
            try await services.repository.removedTargets(unitIDs: [unit.id], years: Period.yearRange)
                .contains(where: { $0.target.id == removed })
        else { throw APIError.notFound("Không có chỉ tiêu đã xóa mã \(removed) của đơn vị này.") }
        do {
            try await services.repository.restoreTarget(removedID: removed, author: author)
        } catch StoreError.invalidBatch(let problems) {
            return try await render(
                context, unit, year, form: nil, errors: ["khoi_phuc": problems.map(\.message).joined(separator: " ")],
                saved: nil, status: .unprocessableContent)
        }
        return Response(
            status: .seeOther,
            headers: [.location: SiteURL.unit(unit.id, .plan).path(["nam": "\(year)", "da-luu": "1"])])
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
        .map { t in Self.row(t, indicator: byCode[t.indicatorCode], form: form, error: errors["t\(t.id)"]) }
        func new(_ fields: [String: String]?, _ key: String, suffix: String = "") -> NewTarget {
            let chosen = fields?["chi_tieu\(suffix)"]
            return NewTarget(
                key: suffix,
                options: indicators.map {
                    .init(value: $0.code, label: "\($0.name) (\($0.measureUnit))", selected: $0.code == chosen)
                },
                indicator: chosen ?? "", issuer: fields?["cap_giao\(suffix)"] ?? "",
                value: fields?["gia_tri\(suffix)"] ?? "",
                fromYear: fields?["tu_nam"] ?? "", toYear: fields?["den_nam"] ?? "", error: errors[key + suffix])
        }
        let removed = try await services.repository.removedTargets(unitIDs: [unit.id], years: year...year)
        let period = try Period.year(year)
        let heading = "Kế hoạch năm \(year) — \(unit.capitalizedTitle)"
        let view = View(
            layout: try await services.layout(context: context, heading, page: .plan, unit: unit, period: period),
            heading: heading, action: SiteURL.unit(unit.id, .plan).path(), year: year,
            annual: rows.filter { $0.scope == "năm \(year)" }, term: rows.filter { $0.scope != "năm \(year)" },
            removed: removed.map { r in
                RemovedRow(
                    id: r.target.id, name: byCode[r.target.indicatorCode]?.name ?? r.target.indicatorCode,
                    detail:
                        "\(r.target.scope.label), \(AuditEntry.describe(r.target)), \(r.target.planWord) — xóa lúc \(Timestamp.vietnamese(r.removedAt)) bởi \(r.removedBy)"
                )
            },
            termIndicators: new(form?.nq, "nq").options,
            measures: TargetMeasure.allCases.map {
                .init(value: $0.rawValue, label: $0.title, selected: $0.rawValue == (form?.nq?["dang"] ?? "value"))
            },
            newPlans: Self.newRowKeys.map { new(form?.moi, "moi", suffix: $0) }, newTerm: new(form?.nq, "nq"),
            saved: saved.map { "Đã lưu \($0) thay đổi." },
            errors: errors.values.sorted(), setHref: SiteURL.unit(unit.id, .targetSet).path(["nam": "\(year)"]))
        return try services.pages.render(view, template: "plan", status: status)
    }

    static func row(_ t: Target, indicator: Indicator?, form: Form?, error: String?) -> Row {
        let (low, high) = t.bound.values
        let value = high.map { "\(low.vietnamese)-\($0.vietnamese)" } ?? low.vietnamese
        return Row(
            id: t.id, name: indicator?.name ?? t.indicatorCode, measureUnit: indicator?.measureUnit ?? "",
            scope: t.scope.label, kind: t.measure.title, issuer: t.planWord,
            comparator: t.bound.comparatorCode == "<="
                ? "không quá" : (t.bound.comparatorCode == ">=" ? "từ" : "khoảng"),
            input: form?.gia_tri?["t\(t.id)"] ?? value, error: error,
            typedUnit: t.measure == .value ? indicator?.measureUnit ?? "" : (t.measure.isPercentage ? "%" : ""),
            remove: form?.xoa?["t\(t.id)"] != nil)
    }
}

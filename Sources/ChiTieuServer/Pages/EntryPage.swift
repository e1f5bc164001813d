import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation
import Hummingbird

/// `/don-vi/{id}/nhap-so-lieu?nam=&thang=`: one grid of results for every target of a unit in
/// a period. Values are typed in Vietnamese notation and checked before anything is stored;
/// a changed value becomes a new version, the old one stays.
struct EntryPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.entry.pattern, use: page)
        unit.post(SiteURL.UnitPage.entry.pattern, use: save)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let action: String
        let year: Int
        let month: Int
        let rows: [Row]
        let extra: [LayoutView.Option]
        let extraValue: String
        let extraError: String?
        let saved: String?
        let errorCount: Int
        let hasErrors: Bool
        /// The save could not get the database: the grid is shown again as typed.
        let retry: String?
    }

    struct Row {
        let code: String
        let name: String
        let measureUnit: String
        let plan: String
        let stored: String
        let input: String
        let estimated: Bool
        let error: String?
        let href: String
        /// Why a saved figure does not count in the assessment (a yearly indicator mid-year).
        let note: String?
    }

    /// `nam`, `thang`, `gia_tri[code]`, `uoc[code]`, and one extra row `them`, `them_gia_tri`.
    struct Form: Decodable {
        var nam: Int
        var thang: Int
        var gia_tri: [String: String]?
        var uoc: [String: String]?
        var them: String?
        var them_gia_tri: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await services.pagePeriod(values, of: unit)
        let saved = values.savedCount("da-luu")
        return try await render(
            context, unit, period, typed: [:], estimated: [:], errors: [:], saved: saved, status: .ok)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(Form.self, from: request)
        guard (1...12).contains(form.thang), services.years.targetYears.contains(form.nam) else {
            throw APIError.badRequest("Kỳ báo cáo không hợp lệ.", field: "thang")
        }
        let period = try Period.yearToDate(form.nam, through: form.thang)
        let indicators = try await services.repository.indicatorsByCode()
        var typed = form.gia_tri ?? [:]
        let estimated = (form.uoc ?? [:]).mapValues { _ in true }
        if let extra = form.them, !extra.isEmpty, let value = form.them_gia_tri, !value.isEmpty { typed[extra] = value }
        var grid = GridBatch(author: context.author(via: "trang Nhập số liệu"))
        for (code, text) in typed.sorted(by: { $0.key < $1.key }) {
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let input = ResultInput(
                indicator: code, year: period.year, to_month: period.toMonth, value: .text(text),
                estimated: estimated[code] ?? false)
            try grid.row(code) {
                $0.add(try input.observation(of: unit, indicators: indicators, enteredBy: "trang Nhập số liệu"))
            }
        }
        guard grid.isValid else {
            return try await render(
                context, unit, period, typed: typed, estimated: estimated, errors: grid.errors, saved: nil,
                status: .unprocessableContent)
        }
        let summary: SaveSummary
        do {
            summary = try await services.repository.save(grid.batch)
        } catch StoreError.busy {
            return try await render(
                context, unit, period, typed: typed, estimated: estimated, errors: [:], saved: nil,
                retry: StoreError.busy.message + " Các số vừa gõ vẫn còn dưới đây: bấm «Lưu» để thử lại.",
                status: .serviceUnavailable)
        }
        let count = summary.observationsAdded + summary.observationsCorrected
        return Response(
            status: .seeOther,
            headers: [
                .location: SiteURL.unit(unit.id, .entry).path([
                    "nam": "\(period.year)", "thang": "\(period.toMonth)", "da-luu": "\(count)",
                ])
            ])
    }

    private func render(
        _ context: AppRequestContext, _ unit: AdministrativeUnit, _ period: Period, typed: [String: String],
        estimated: [String: Bool],
        errors: [String: String], saved: String?, retry: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let overview = try await services.review.overview(of: unit, period: period)
        let others = try await services.review.otherResults(of: overview)
        let indicators = try await services.repository.indicators()
        // What is stored for exactly this period, whatever the assessment makes of it: a saved
        // figure always shows as saved.
        let storedHere = Dictionary(
            try await services.repository.observations(unitIDs: [unit.id], years: period.year...period.year)
                .filter { $0.period == period }.map { ($0.indicatorCode, $0) },
            uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var rows: [Row] = []
        func add(_ indicator: Indicator, plan: String, assessment: Assessment?) {
            guard seen.insert(indicator.code).inserted else { return }
            let observation = storedHere[indicator.code]
            // A figure stated only as a share of plan ("đạt 100% kế hoạch") is saved too: say so.
            let stored = observation.map { o in
                (o.value == nil && o.statedPercentOfPlan != nil
                    ? "\(o.statedPercentOfPlan!.vietnamese)% kế hoạch"
                    : AssessmentWording.value(o.value, qualifier: o.qualifier, estimated: o.estimated))
                    + (o.version > 1 ? " (lần \(o.version))" : "")
            }
            rows.append(
                Row(
                    code: indicator.code, name: indicator.name, measureUnit: indicator.measureUnit, plan: plan,
                    stored: stored ?? "–", input: typed[indicator.code] ?? "",
                    estimated: estimated[indicator.code] ?? observation?.estimated ?? false,
                    error: errors[indicator.code], href: PageAddress.indicator(unit.id, indicator.code, period),
                    note: observation != nil && assessment?.status == .unassessed ? assessment?.note : nil))
        }
        for a in overview.annual { add(a.indicator, plan: AssessmentWording.target(a), assessment: a) }
        for a in overview.term where a.target.measure == .value || a.target.measure == .everyYear {
            add(a.indicator, plan: "NQ: " + AssessmentWording.target(a), assessment: a)
        }
        for r in others { add(r.indicator, plan: "–", assessment: nil) }
        let extraCode = typed.keys.first { !seen.contains($0) }
        let heading = "Nhập số liệu — \(unit.capitalizedTitle), \(period.label)"
        let view = View(
            layout: try await services.layout(context: context, heading, page: .entry, unit: unit, period: period),
            heading: heading, action: SiteURL.unit(unit.id, .entry).path(), year: period.year, month: period.toMonth,
            rows: rows,
            extra: indicators.filter { !seen.contains($0.code) }.map {
                .init(value: $0.code, label: "\($0.name) (\($0.measureUnit))", selected: $0.code == extraCode)
            },
            extraValue: extraCode.flatMap { typed[$0] } ?? "", extraError: extraCode.flatMap { errors[$0] },
            saved: saved.map { "Đã lưu \($0) số liệu. Số cũ vẫn được giữ trong lịch sử phiên bản." },
            errorCount: errors.count, hasErrors: !errors.isEmpty, retry: retry)
        var response = try services.pages.render(view, template: "entry", status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

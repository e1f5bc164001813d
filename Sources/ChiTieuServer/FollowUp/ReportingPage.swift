import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/tien-do-bao-cao?nam=&thang=`: which units below have reported which of their
/// targets' figures for a period — reported, late, partly, not yet, overdue — worst first,
/// against the deadline an administrator sets here; its JSON twin is
/// `/api/v1/units/{id}/reporting?year=&to_month=`.
struct ReportingPage {
    let services: AppServices

    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.reporting.pattern, use: page)
        unit.post(SiteURL.UnitPage.reporting.pattern, use: setDeadline)
    }

    func addRoutes(api unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.reporting.pattern, use: json)
    }

    /// The deadline form: `ngay` the day (empty to remove), `sau` 1 for the month after.
    struct Form: Decodable {
        var nam: Int
        var thang: Int
        var ngay: String?
        var sau: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let values = RequestValues(request: request, context: context)
        let period = try await services.pagePeriod(values, of: unit)
        let model = try await ReportingOverview.load(
            unit, period: period, today: services.configuration.clock.today, repository: services.repository)
        let heading = "Tiến độ báo cáo — \(unit.capitalizedTitle), \(period.label)"
        let layout = try await services.layout(context: context, heading, page: nil, unit: unit, period: period)
        let view = View(
            model, layout: layout, heading: heading, mayChangeDeadline: context.identity.user?.role == .admin,
            saved: values.savedCount("da-luu") != nil)
        return try services.pages.render(view, template: "reporting")
    }

    @Sendable func json(_ request: Request, context: AppRequestContext) async throws -> ReportingJSON {
        let unit = try context.scopedUnit()
        let period = try await services.period(RequestValues(request: request, context: context), of: unit)
        return ReportingJSON(
            try await ReportingOverview.load(
                unit, period: period, today: services.configuration.clock.today, repository: services.repository))
    }

    @Sendable func setDeadline(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity.user?.role == .admin else {
            throw APIError(.forbidden, "Chỉ quản trị viên được đặt hạn báo cáo.")
        }
        let unit = try context.scopedUnit()
        let form = try await FormBody.decode(Form.self, from: request)
        let text = (form.ngay ?? "").trimmingCharacters(in: .whitespaces)
        var deadline: ReportingDeadline?
        if !text.isEmpty {
            guard let day = Int(text),
                let made = ReportingDeadline(toMonth: form.thang, day: day, monthsAfter: form.sau == "1" ? 1 : 0)
            else { throw APIError.badRequest("Ngày «\(text)» không hợp lệ: ghi một số từ 1 đến 31.", field: "ngay") }
            deadline = made
        }
        try await services.repository.setReportingDeadline(
            deadline, toMonth: form.thang, author: context.author(via: "trang Tiến độ báo cáo"))
        let back = SiteURL.unit(unit.id, .reporting).path([
            "nam": "\(form.nam)", "thang": "\(form.thang)", "da-luu": "1",
        ])
        return Response(status: .seeOther, headers: [.location: back])
    }

    /// The page: a pure function of the model and who is reading.
    struct View {
        let layout: LayoutView
        let heading: String
        let deadline: String
        let counts: [Count]
        let rows: [Row]
        let form: DeadlineForm?
        let saved: Bool

        struct Count {
            let state: String
            let label: String
            let count: Int
        }

        struct Row {
            let unit: String
            let href: String
            let state: String
            let label: String
            let missing: String?
            let lastRecorded: String
        }

        struct DeadlineForm {
            let action: String
            let year: Int
            let month: Int
            let day: String
            let nextMonth: Bool
        }

        init(_ model: ReportingOverview, layout: LayoutView, heading: String, mayChangeDeadline: Bool, saved: Bool) {
            self.layout = layout
            self.heading = heading
            self.saved = saved
            let period = model.period
            deadline =
                model.deadline.map { "Hạn báo cáo: \($0.label) (\(model.deadlineDay?.vietnamese ?? ""))." }
                ?? "Chưa đặt hạn báo cáo cho kỳ \(period.toMonth) tháng: chưa xét báo cáo muộn."
            let counts = model.counts
            self.counts = UnitReporting.State.allCases.compactMap { state in
                counts[state].map { Count(state: state.rawValue, label: state.label, count: $0) }
            }
            rows = model.units.map { r in
                Row(
                    unit: r.unit.capitalizedTitle, href: PageAddress.overview.path(r.unit.id, period),
                    state: r.state.rawValue, label: r.label,
                    missing: r.missing.isEmpty || r.missing.count == r.expected.count
                        ? nil : "Chưa có: " + r.missing.joined(separator: ", "),
                    lastRecorded: r.lastRecorded?.vietnamese ?? "–")
            }
            form =
                mayChangeDeadline
                ? DeadlineForm(
                    action: SiteURL.unit(model.unit.id, .reporting).path(), year: period.year, month: period.toMonth,
                    day: model.deadline.map { "\($0.day)" } ?? "", nextMonth: model.deadline?.monthsAfter == 1) : nil
        }
    }
}

/// `GET /api/v1/units/{id}/reporting?year=&to_month=`
struct ReportingJSON: ResponseEncodable {
    struct UnitRow: Encodable {
        let unit_id: UnitID
        let unit: String
        let state: String
        let state_label: String
        let expected: Int
        let reported: Int
        let missing: [String]
        let last_recorded: String?
    }

    let year: Int
    let to_month: Int
    let deadline: String?
    let counts: [String: Int]
    let units: [UnitRow]

    init(_ model: ReportingOverview) {
        year = model.period.year
        to_month = model.period.toMonth
        deadline = model.deadlineDay?.iso
        counts = Dictionary(uniqueKeysWithValues: model.counts.map { ($0.key.rawValue, $0.value) })
        units = model.units.map {
            UnitRow(
                unit_id: $0.unit.id, unit: $0.unit.title, state: $0.state.rawValue, state_label: $0.label,
                expected: $0.expected.count, reported: $0.expected.count - $0.missing.count, missing: $0.missing,
                last_recorded: $0.lastRecorded?.iso)
        }
    }
}

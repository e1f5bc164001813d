import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/canh-bao?nam=&thang=`: every target of the unit and the units below it that
/// is off track, missed or at risk, worst first, with its shortfall, its trend since the
/// previous review and its explanation; a leader asks for an explanation from here.
struct WarningsPage {
    let services: AppServices

    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.warnings.pattern, use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = try context.scopedUnit()
        let values = RequestValues(request: request, context: context)
        let period = try await services.pagePeriod(values, of: unit)
        let warnings = try await services.warnings(of: unit, period: period, context: context)
        let all = try await services.unitsByID()
        let heading = "Cảnh báo — \(unit.capitalizedTitle), \(period.label)"
        let layout = try await services.layout(context: context, heading, page: .warnings, unit: unit, period: period)
        let view = View(
            warnings, unit: unit, layout: layout, heading: heading,
            leads: { context.identity.access.leads($0, units: all) }, today: services.configuration.clock.today,
            asked: values.savedCount("da-gui") != nil)
        return try services.pages.render(view, template: "warnings")
    }

    /// The page: a pure function of the warnings and who is reading.
    struct View {
        let layout: LayoutView
        let heading: String
        let counts: [Count]
        let rows: [Row]
        let explanationsHref: String
        let asked: String?
        /// The unit of this page, where a request form comes back to.
        let unitID: UnitID

        struct Count {
            let colour: String
            let label: String
            let count: Int
        }

        struct Row {
            let unit: String
            let unitHref: String
            let indicator: String
            let indicatorHref: String
            let statusClass: String
            let status: String
            let shortfall: String
            let trend: String
            let explanation: String?
            /// The form asking for an explanation, for a leader when none is open.
            let ask: Ask?
        }

        struct Ask {
            let action: String
            let indicator: String
            let year: Int
            let month: Int
            let due: String
        }

        init(
            _ warnings: Warnings, unit: AdministrativeUnit, layout: LayoutView, heading: String,
            leads: (AdministrativeUnit) -> Bool, today: CalendarDay, asked: Bool
        ) {
            self.layout = layout
            self.heading = heading
            unitID = unit.id
            counts = Warnings.Colour.allCases.map {
                Count(colour: $0.rawValue, label: $0.label, count: warnings.counts[$0] ?? 0)
            }
            let period = warnings.period
            let due = Self.defaultDue(after: today)
            rows = warnings.items.map { item in
                let a = item.assessment
                let open = item.requestState.map { $0 != .accepted } ?? false
                return Row(
                    unit: item.unit.capitalizedTitle, unitHref: PageAddress.warnings.path(item.unit.id, period),
                    indicator: Self.name(of: a),
                    indicatorHref: PageAddress.indicator(item.unit.id, a.indicator.code, period),
                    statusClass: Display.statusClass(a.status), status: a.status.label,
                    shortfall: a.shortfallPercent.map { "thiếu " + Display.percent($0) } ?? "–",
                    trend: item.trend.label,
                    explanation: item.requestState.map { "Yêu cầu số \(item.request?.id ?? 0): \($0.label)" },
                    ask: leads(item.unit) && !open
                        ? Ask(
                            action: SiteURL.unit(item.unit.id, .explanations).path(), indicator: a.indicator.code,
                            year: period.year, month: period.toMonth, due: due.iso) : nil)
            }
            explanationsHref = SiteURL.unit(unit.id, .explanations).path(["nam": "\(period.year)"])
            self.asked = asked ? "Đã gửi yêu cầu giải trình; đơn vị sẽ thấy trên trang Giải trình." : nil
        }

        /// A term target says so beside the year's plan of the same indicator:
        /// «Tổng giá trị sản xuất (nghị quyết 2020–2025, tăng bình quân hằng năm)».
        static func name(of a: Assessment) -> String {
            a.target.isAnnual
                ? a.indicator.name
                : "\(a.indicator.name) (nghị quyết \(a.target.scope.label), \(a.target.measure.title))"
        }

        /// Two weeks from today, the usual time given to explain.
        static func defaultDue(after today: CalendarDay) -> CalendarDay {
            today.adding(days: 14)
        }
    }
}

import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/toan-canh?nam=&thang=`: a province (or district) leader's view of every unit
/// below at once — a table of units × main targets coloured by status, worst first, and a dot
/// map of the units from the registry's coordinates coloured by their share of targets on
/// track; both link to each unit's overview.
struct GlancePage {
    let services: AppServices

    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.glance.pattern, use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        // every unit below assessed (half a second for 168 communes): kept as briefly as the overview
        try await services.cachedUnitAnswer(request, context: context, contentType: PageRenderer.contentType) {
            try await html($0, $1, context: context)
        }
    }

    private func html(_ unit: AdministrativeUnit, _ values: RequestValues, context: AppRequestContext) async throws
        -> ByteBuffer
    {
        let period = try await services.pagePeriod(values, of: unit)
        let model = try await UnitsAtAGlance.load(unit, period: period, review: services.review)
        let heading = "Toàn cảnh các đơn vị trực thuộc — \(unit.capitalizedTitle), \(period.label)"
        let layout = try await services.layout(context: context, heading, page: nil, unit: unit, period: period)
        return try services.pages.html(View(model, layout: layout, heading: heading), template: "glance")
    }

    /// The page: a pure function of the model.
    struct View {
        let layout: LayoutView
        let heading: String
        let columns: [String]
        let rows: [Row]
        let map: String?
        /// «2 đơn vị không có tọa độ …», when some cannot be drawn.
        let unplaced: String?

        struct Row {
            let unit: String
            let href: String
            let share: String
            let shareClass: String
            /// What the column sorts by in the browser: the share as a plain decimal; empty (last) when unassessed.
            let shareSort: String
            let cells: [Cell]
        }

        struct Cell {
            /// The indicator's name, beside the figure where the table becomes cards (phones).
            let label: String
            let text: String
            let statusClass: String
            let title: String
            /// The percentage of plan as a plain decimal; empty (sorted last) without plan or figure.
            let sort: String
        }

        init(_ model: UnitsAtAGlance, layout: LayoutView, heading: String) {
            self.layout = layout
            self.heading = heading
            let period = model.period
            columns = model.indicators.map(\.name)
            rows = model.rows.map { row in
                Row(
                    unit: row.unit.capitalizedTitle, href: PageAddress.overview.path(row.unit.id, period),
                    share: row.share.map { "\(Display.percent($0 * 100)) (\(row.assessed) chỉ tiêu)" }
                        ?? "chưa đánh giá",
                    shareClass: DotMap.colourClass(row.share), shareSort: row.share.map { String($0) } ?? "",
                    cells: model.indicators.map { indicator in
                        guard let a = row.assessments[indicator.code] else {
                            return Cell(
                                label: indicator.name, text: "–", statusClass: "", title: "Không có kế hoạch", sort: "")
                        }
                        return Cell(
                            label: indicator.name,
                            text: a.percentOfPlan == nil ? "chưa có số" : Display.percent(a.percentOfPlan),
                            statusClass: Display.statusClass(a.status), title: a.status.label,
                            sort: a.percentOfPlan.map { String($0) } ?? "")
                    })
            }
            let dots = model.rows.compactMap { row in
                row.coordinate.map {
                    DotMap.Dot(
                        label: row.unit.capitalizedTitle, href: PageAddress.overview.path(row.unit.id, period),
                        coordinate: $0, share: row.share)
                }
            }
            map = DotMap(title: heading, dots: dots).svg()
            let missing = model.rows.count - dots.count
            unplaced = missing == 0 ? nil : "\(missing) đơn vị không có tọa độ trong danh mục, không vẽ trên bản đồ."
        }
    }
}

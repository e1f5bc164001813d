import ChiTieuCore
import Hummingbird

/// `/`: every unit in its hierarchy, each a link to its overview; `/chon` turns the pickers'
/// choice into the address of the page chosen.
struct HomePage {
    let services: AppServices

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.home.pattern, use: home)
        router.get(SiteURL.choose.pattern, use: choose)
    }

    struct View {
        let layout: LayoutView
        let units: [UnitLink]
        let empty: Bool
    }

    struct UnitLink {
        let href: String
        let title: String
        let depth: Int
        let note: String?
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let tree = UnitTree(try await services.workingUnits(for: context))
        let links = tree.ordered.map { entry in
            UnitLink(
                href: SiteURL.unit(entry.unit.id, .overview).path(), title: entry.unit.capitalizedTitle,
                depth: entry.depth,
                note: entry.unit.validTo.map { "đến trước \($0.vietnamese)" }
                    ?? entry.unit.validFrom.map { "từ \($0.vietnamese)" })
        }
        return try services.pages.render(
            View(layout: LayoutView(title: "Đơn vị").with(context.identity), units: links, empty: links.isEmpty),
            template: "home")
    }

    @Sendable func choose(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        guard let unitText = values.string("don-vi"), let id = Int(unitText) else {
            throw APIError.badRequest("Chưa chọn đơn vị.", field: "don-vi")
        }
        let unit = try await services.unit(id, for: context)
        let period = try await services.pagePeriod(values, of: unit)
        let page = values.string("trang").flatMap(PageAddress.init(key:)) ?? .overview
        return Response(
            status: .seeOther, headers: [.location: page.path(unit.id, period, indicator: values.string("chi-tieu"))])
    }
}

extension AppServices {
    /// The period a page shows: `nam` and `thang` from the query, else the latest with results.
    func pagePeriod(_ values: RequestValues, of unit: AdministrativeUnit) async throws -> Period {
        if let asked = try values.period(yearKey: "nam", monthKey: "thang", currentYear: currentYear) { return asked }
        return try await latestPeriod(of: unit)
    }

    /// The layout of a page about `unit` in `period`: whether the person may change it there
    /// (forms are shown disabled, with why, before anyone types), and what to know about the
    /// unit in that period.
    func layout(
        context: AppRequestContext, _ title: String, page: PageAddress?, unit: AdministrativeUnit, period: Period,
        indicator: String? = nil
    ) async throws -> LayoutView {
        // A unit reached from the registry search or a link is not yet among the office's
        // units; the picker still shows it rather than the first of them.
        var units = try await workingUnits(for: context)
        if !units.contains(where: { $0.id == unit.id }) { units.append(unit) }
        var layout = LayoutView(
            title: title, page: page, unit: unit, period: period, units: units,
            currentYear: currentYear, indicator: indicator
        ).with(context.identity)
        let access = context.identity.access
        let mayWrite = access.canWrite(unit, units: try await unitsByID())
        let existed = unit.existed(inYear: period.year)
        layout.readOnly = !mayWrite || !existed
        if let page {
            layout.signInHref = SiteURL.signIn.path(["tiep": page.path(unit.id, period, indicator: indicator)])
        }
        layout.notices = UnitNotices(unit: unit, period: period, access: access, mayWrite: mayWrite).lines
        layout.followUp = try await followUpLink(for: context)
        return layout
    }
}

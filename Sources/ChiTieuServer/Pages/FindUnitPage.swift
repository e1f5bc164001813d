import ChiTieuCore
import Hummingbird

/// `/tim-don-vi?q=&ngay=`: find a unit in the national registry by name or code, to open its
/// pages — the first step of a new office, whose unit has no figures yet.
struct FindUnitPage {
    let services: AppServices

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get(SiteURL.findUnit.pattern, use: page)
    }

    struct View {
        let layout: LayoutView
        let query: String
        let day: String
        let results: [Result]
        let searched: Bool
        let none: Bool
        let truncated: Bool
        let limit: Int

        struct Result {
            let title: String
            let code: String
            let parents: String
            let dates: String?
            let href: String
            let planHref: String
        }

        /// The page for `search`: pure, tested without HTTP.
        init(_ search: UnitSearch, layout: LayoutView, currentYear: Int) {
            self.layout = layout
            query = search.text
            day = search.day?.vietnamese ?? ""
            results = search.matches.map { match in
                let unit = match.unit
                let dates = [
                    unit.validFrom.map { "từ \($0.vietnamese)" }, unit.validTo.map { "đến trước \($0.vietnamese)" },
                ]
                .compactMap { $0 }.joined(separator: ", ")
                return Result(
                    title: unit.capitalizedTitle, code: unit.code ?? "–",
                    parents: match.parents.map(\.title).joined(separator: ", "), dates: dates.isEmpty ? nil : dates,
                    href: SiteURL.unit(unit.id, .overview).path(),
                    planHref: SiteURL.unit(unit.id, .plan).path(["nam": "\(currentYear)"]))
            }
            searched = !search.text.isEmpty
            none = searched && results.isEmpty
            truncated = search.truncated
            limit = UnitSearch.limit
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let search = UnitSearch(
            values.string("q") ?? "", on: try values.day("ngay"), in: try await services.unitDirectory(),
            access: context.identity.access)
        let layout = LayoutView(title: "Tìm đơn vị").with(context.identity)
        return try services.pages.render(
            View(search, layout: layout, currentYear: services.currentYear), template: "find-unit")
    }
}

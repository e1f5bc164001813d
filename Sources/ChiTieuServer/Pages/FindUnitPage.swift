import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/tim-don-vi?q=&ngay=`: find a unit in the national registry by name or code, to open its
/// pages — the first step of a new office, whose unit has no figures yet.
struct FindUnitPage {
    let services: AppServices

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get(SiteURL.findUnit.pattern, use: page)
        pages.post(SiteURL.addOrganisation.pattern, use: addOrganisation)
    }

    struct OrganisationForm: Decodable {
        var ten: String?
        /// The parent's name or official code; empty: at the top.
        var cap_tren: String?
    }

    /// An administrator adds a Party organisation that is no administrative unit, and lands on its page.
    @Sendable func addOrganisation(_ request: Request, context: AppRequestContext) async throws -> Response {
        try UsersPage.requireAdmin(context)
        let form = try await FormBody.decode(OrganisationForm.self, from: request)
        let repository = services.repository
        do {
            var parent: AdministrativeUnit?
            if let text = form.cap_tren?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                parent = try await UnitResolver(repository: repository).resolve(
                    text, on: services.configuration.clock.today)
            }
            let unit = try await repository.addPartyOrganisation(
                name: form.ten ?? "", parentID: parent?.id, author: context.author(via: "trang Tìm đơn vị"))
            return Response(status: .seeOther, headers: [.location: SiteURL.unit(unit.id, .plan).path()])
        } catch let error as StoreError {
            let search = UnitSearch(
                "", on: nil, in: try await services.unitDirectory(), access: context.identity.access)
            var view = View(
                search, layout: LayoutView(title: "Tìm đơn vị").with(context.identity),
                currentYear: services.currentYear)
            view.organisationError = error.message
            view.organisationName = form.ten ?? ""
            view.organisationParent = form.cap_tren ?? ""
            return try services.pages.render(view, template: "find-unit", status: error.httpStatus)
        }
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
        /// The administrator's form for a Party organisation, with what was typed when refused.
        let mayAddOrganisation: Bool
        var organisationError: String?
        var organisationName = ""
        var organisationParent = ""

        struct Result {
            let title: String
            let code: String
            let parents: String
            let dates: String?
            let href: String
            let planHref: String
        }

        /// This year's plan, or the last year a unit abolished since existed in (huyện Kông
        /// Chro, until 30/6/2025: 2025), so the link does not lead to a plan it cannot have.
        static func planYear(_ unit: AdministrativeUnit, currentYear: Int) -> Int {
            guard let end = unit.validTo else { return currentYear }
            let last = end.month == 1 && end.day == 1 ? end.year - 1 : end.year
            return min(currentYear, last)
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
                    planHref: SiteURL.unit(unit.id, .plan).path([
                        "nam": "\(Self.planYear(unit, currentYear: currentYear))"
                    ]))
            }
            searched = !search.text.isEmpty
            none = searched && results.isEmpty
            truncated = search.truncated
            limit = UnitSearch.limit
            mayAddOrganisation = layout.account?.isAdmin == true
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

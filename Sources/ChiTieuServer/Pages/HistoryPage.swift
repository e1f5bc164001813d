import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `/don-vi/{id}/lich-su`: who changed what in a unit, when and from where, newest first;
/// with `chi-tieu`, `nam` and `thang`, the history of one figure. Nothing here can be edited.
struct HistoryPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.history.pattern, use: page)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let rows: [Row]
        let allHref: String?
    }

    struct Row {
        let at: String
        let author: String
        let address: String?
        let action: String
        let subject: String
        let what: String
        let oldValue: String
        let newValue: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try services.requireSignedIn(context)
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await services.pagePeriod(values, of: unit)
        var query = try await services.auditQuery(values, unit: unit, yearKey: "nam", monthKey: "thang")
        let names = try await services.repository.indicatorsByCode().mapValues(\.name)
        let figure = query.recordKey != nil
        // A year asked for: the changes of that year's plans, results and sets, and those of no year (units, accounts).
        let year = figure ? nil : try values.integer("nam", in: services.years.targetYears, what: "Năm")
        if year != nil { query.limit = 2_000 }
        var entries = try await services.repository.auditTrail(query)
        if let year { entries = Array(entries.filter { $0.years?.contains(year) ?? true }.prefix(200)) }
        let heading =
            figure
            ? "Lịch sử số liệu — \(entries.first.map { Self.what($0, names: names) } ?? "chưa có thay đổi")"
            : "Lịch sử thay đổi — \(unit.capitalizedTitle)\(year.map { ", năm \($0)" } ?? "")"
        let view = View(
            layout: try await services.layout(context: context, heading, page: .history, unit: unit, period: period),
            heading: heading,
            rows: entries.map { e in
                Row(
                    at: Timestamp.vietnamese(e.at), author: e.author.name,
                    address: e.author.address, action: e.action.rawValue, subject: e.subject.rawValue,
                    what: Self.what(e, names: names), oldValue: e.oldValue ?? "–", newValue: e.newValue ?? "–")
            },
            allHref: figure ? PageAddress.history.path(unit.id, period) : nil)
        return try services.pages.render(view, template: "history")
    }

    /// The description with the indicator's name in place of its code.
    static func what(_ entry: AuditEntry, names: [String: String]) -> String {
        let parts = entry.description.split(separator: ",", maxSplits: 1).map(String.init)
        guard let code = parts.first, let name = names[code] else { return entry.description }
        return ([name] + parts.dropFirst()).joined(separator: ",")
    }
}

import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// `GET /units/{id}/history`: the audit trail of a unit, or of one figure with
/// `?indicator=&year=&to_month=[&from_month=]`. Read-only: nothing in the API edits it.
struct HistoryAPI {
    let services: AppServices

    /// Routes of the `api/v1/units/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.history.pattern, use: list)
    }

    struct Change: ResponseEncodable {
        let id: Int64
        let at: String
        let author: String
        let address: String?
        let action: String
        let subject: String
        let record_key: String
        let description: String
        let old_value: String?
        let new_value: String?

        init(_ e: AuditEntry) {
            id = e.id
            at = e.at
            author = e.author.name
            address = e.author.address
            action = e.action.rawValue
            subject = e.subject.rawValue
            record_key = e.recordKey
            description = e.description
            old_value = e.oldValue
            new_value = e.newValue
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> APIModels.List<Change> {
        try services.requireSignedIn(context)
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let query = try await services.auditQuery(values, unit: unit, yearKey: "year", monthKey: "to_month")
        return .init(items: try await services.repository.auditTrail(query).map(Change.init))
    }
}

extension AppServices {
    /// The audit trail names staff and their addresses: it is for signed-in accounts, even
    /// when everyone may read the figures (`--public-read`, the demo).
    func requireSignedIn(_ context: AppRequestContext) throws {
        guard context.identity.user != nil else {
            throw APIError(.unauthorized, "Lịch sử thay đổi chỉ xem được sau khi đăng nhập.")
        }
    }

    /// The whole unit's changes, or one figure's when an indicator and a period are given.
    func auditQuery(_ values: RequestValues, unit: AdministrativeUnit, yearKey: String, monthKey: String) async throws
        -> AuditQuery
    {
        let limit = try values.integer("limit", in: 1...1_000, what: "Số dòng") ?? 200
        guard let code = values.string("indicator") ?? values.string("chi-tieu") else {
            return AuditQuery(unitID: unit.id, limit: limit)
        }
        let indicator = try await indicator(code, field: "indicator")
        guard let period = try values.period(yearKey: yearKey, monthKey: monthKey, currentYear: currentYear) else {
            throw APIError.badRequest("Lịch sử của một số liệu cần năm và kỳ.", field: yearKey)
        }
        let from = try values.integer("from_month", in: 1...period.toMonth, what: "Từ tháng") ?? 1
        let key = SeriesKey(
            unitID: unit.id, indicatorCode: indicator.code,
            period: try Period(year: period.year, fromMonth: from, toMonth: period.toMonth))
        return AuditQuery(recordKey: AuditEntry.recordKey(of: key), limit: limit)
    }
}

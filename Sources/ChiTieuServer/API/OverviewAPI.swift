import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Hummingbird

/// Assessments: the overview of a unit for a period (`/overview`), its tally (`/tally`), one
/// indicator across the units below (`/compare`), and one indicator over time (`/series`).
struct OverviewAPI {
    let services: AppServices

    /// Routes of the `api/v1/units/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitAPI.overview.pattern, use: overview)
        unit.get(SiteURL.UnitAPI.tally.pattern, use: tally)
        unit.get(SiteURL.UnitAPI.compare.pattern, use: compare)
        unit.get(SiteURL.UnitAPI.series("").pattern, use: series)
    }

    /// `?year=&to_month=`; without them, the latest period with results.
    func period(_ values: RequestValues, of unit: AdministrativeUnit) async throws -> Period {
        if let period = try values.period(yearKey: "year", monthKey: "to_month", currentYear: services.currentYear) {
            return period
        }
        return try await services.latestPeriod(of: unit)
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await services.cachedUnitAnswer(request, context: context, contentType: JSONBody.contentType) {
            try await overviewJSON($0, $1)
        }
    }

    private func overviewJSON(_ unit: AdministrativeUnit, _ values: RequestValues) async throws -> ByteBuffer {
        let model = try await OverviewModel.load(unit, period: try await period(values, of: unit), services: services)
        return try JSONBody.encode(model.json)
    }

    struct TallyJSON: ResponseEncodable {
        let unit_id: UnitID
        let period: String
        let tally: Tally
        let sentence: String
        let term_tally: Tally
    }

    @Sendable func tally(_ request: Request, context: AppRequestContext) async throws -> TallyJSON {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await period(values, of: unit)
        let overview = try await services.review.overview(of: unit, period: period)
        return TallyJSON(
            unit_id: unit.id, period: period.label, tally: overview.tally,
            sentence: overview.tally.sentence(over: overview.annualSet),
            term_tally: overview.termTally)
    }

    struct ComparisonJSON: ResponseEncodable {
        struct Row: Encodable {
            let rank: Int?
            let unit: APIModels.Unit
            let value: Double?
            let target: Double?
            let percent_of_plan: Double?
            let growth_percent: Double?
            let status: String?
            /// The unit's reporting state for the period (`ReportingJSON`'s `state`).
            let reporting: String?
        }
        let indicator: APIModels.Indicator
        let period: String
        let rows: [Row]
    }

    /// `?indicator=CODE&year=&to_month=`
    @Sendable func compare(_ request: Request, context: AppRequestContext) async throws -> ComparisonJSON {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let indicator = try await services.indicator(values.string("indicator"), field: "indicator")
        let period = try await period(values, of: unit)
        return try await ComparisonModel.load(indicator, under: unit, period: period, services: services).json
    }

    struct SeriesJSON: ResponseEncodable {
        let indicator: APIModels.Indicator
        let results: [APIModels.Result]
        let targets: [APIModels.Target]
    }

    /// `?year=`: the results of that year and the year before, and the year's plans.
    @Sendable func series(_ request: Request, context: AppRequestContext) async throws -> SeriesJSON {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let indicator = try await services.indicator(context.parameters.get("code"), field: "code")
        var year = try values.integer("year", in: services.years.targetYears, what: "Năm")
        if year == nil { year = try await services.latestPeriod(of: unit).year }
        let series = try await IndicatorSeries.load(indicator, of: unit, year: year!, repository: services.repository)
        return SeriesJSON(
            indicator: .init(indicator), results: series.results.map(APIModels.Result.init),
            targets: series.targets.map(APIModels.Target.init))
    }
}

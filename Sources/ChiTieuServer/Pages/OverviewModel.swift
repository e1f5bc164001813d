import ChiTieuCore
import ChiTieuReport
import ChiTieuStore

/// What a unit's overview shows for a period, loaded once from the repository and shared by
/// the page (`OverviewPage.View`) and its JSON twin (`OverviewJSON`).
struct OverviewModel: Sendable {
    let unit: AdministrativeUnit
    let period: Period
    let overview: Overview
    let conference: Conference?
    let otherResults: [ReviewMaterial.OtherResult]
    /// The units below that existed in the period's year.
    let children: [AdministrativeUnit]

    static func load(_ unit: AdministrativeUnit, period: Period, services: AppServices) async throws -> OverviewModel {
        let review = services.review
        let overview = try await review.overview(of: unit, period: period)
        return OverviewModel(
            unit: unit, period: period, overview: overview,
            conference: try await services.repository.conferences(unitID: unit.id).last { $0.period == period },
            otherResults: try await review.otherResults(of: overview),
            children: try await services.repository.children(of: unit.id).filter { $0.existed(inYear: period.year) })
    }

    var json: OverviewJSON { OverviewJSON(overview: overview, conference: conference, otherResults: otherResults) }
}

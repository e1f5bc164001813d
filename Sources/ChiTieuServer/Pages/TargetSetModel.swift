import ChiTieuCore
import ChiTieuStore

/// What the target-set page of a unit shows for one scope (a year's plan, a resolution's
/// term): the unit's targets of exactly that scope and the set stored for it.
struct TargetSetModel: Sendable {
    let unit: AdministrativeUnit
    let year: Int
    let scope: TargetScope
    /// Targets of the scope in catalogue order.
    let targets: [Target]
    let indicators: [String: Indicator]
    let stored: TargetSet?
    /// Resolution terms with targets covering the year, for the scope switcher.
    let terms: [TargetScope]

    static func load(_ unit: AdministrativeUnit, year: Int, term: TargetScope?, services: AppServices) async throws
        -> TargetSetModel
    {
        let repository = services.repository
        let catalogue = try await repository.indicators()
        let position = Dictionary(catalogue.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let all = try await repository.targets(unitIDs: [unit.id], years: year...year)
        let scope = term ?? .year(year)
        let targets = all.filter { $0.scope == scope }.sorted {
            (position[$0.indicatorCode] ?? 0, $0.issuerRank, $0.id) < (
                position[$1.indicatorCode] ?? 0, $1.issuerRank, $1.id
            )
        }
        let terms = Set(all.map(\.scope).filter { !$0.isAnnual }).sorted {
            ($0.firstYear, $0.lastYear) < ($1.firstYear, $1.lastYear)
        }
        return TargetSetModel(
            unit: unit, year: year, scope: scope, targets: targets,
            indicators: Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }),
            stored: try await repository.targetSets(unitIDs: [unit.id], years: year...year).first { $0.scope == scope },
            terms: terms)
    }

    /// The title a new set starts with, for the office to correct to its document's name.
    var suggestedTitle: String {
        switch scope {
        case .year(let y): "Kế hoạch phát triển kinh tế - xã hội năm \(y)"
        case .term(let from, let to):
            "Nghị quyết Đại hội \(unit.kind.committeeName) \(unit.name) nhiệm kỳ \(from) - \(to)"
        }
    }

    /// The stored set's item of a target; nil when the target is not in the set.
    func item(of target: Target) -> TargetSet.Item? {
        stored?.items.first { stored?.targetKey(of: $0) == target.naturalKey }
    }

    /// The set a posted form describes: the targets given a number, in the numbers' order
    /// (rows numbered alike keep the page's order, and the set's check names them).
    func set(title: String, numbers: [String: String], headings: [String: String]) -> TargetSet {
        let chosen = targets.enumerated().compactMap { offset, target -> (Int, Target, String)? in
            let number = numbers["t\(target.id)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            return number.isEmpty ? nil : (offset, target, number.hasSuffix(".") ? String(number.dropLast()) : number)
        }
        .sorted { a, b in
            TargetSet.Item.numberPrecedes(a.2, b.2) || (!TargetSet.Item.numberPrecedes(b.2, a.2) && a.0 < b.0)
        }
        let items = chosen.map { _, target, number in
            let heading = headings["t\(target.id)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            return TargetSet.Item(target, number: number, heading: heading.isEmpty ? nil : heading)
        }
        return TargetSet(
            id: stored?.id ?? 0, unitID: unit.id, scope: scope, title: title.trimmingCharacters(in: .whitespaces),
            items: items)
    }
}

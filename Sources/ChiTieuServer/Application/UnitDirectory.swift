import ChiTieuCore

/// Every stored unit, and the working set among them: the units this office keeps plans,
/// figures, conferences or accounts for, the ones it made itself, and their parents. With the
/// national registry loaded there are 14.000 units; a district office works with a few dozen.
struct UnitDirectory: Sendable {
    let all: [UnitID: AdministrativeUnit]
    /// The working set, in ID order.
    let working: [AdministrativeUnit]

    init(all units: [AdministrativeUnit], inUse: Set<UnitID>) {
        let all = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chosen = Set<UnitID>()
        for id in inUse {
            var next: UnitID? = id
            while let current = next, chosen.insert(current).inserted { next = all[current]?.parentID }
        }
        self.all = all
        working = chosen.compactMap { all[$0] }.sorted { $0.id < $1.id }
    }
}

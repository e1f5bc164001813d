import ChiTieuCore

/// What loading the registry into a store changes, decided from the units already there:
/// a unit with the entry's code and start day is that entry; a unit with no code (made by an
/// older chitieu, or by the demo) takes the code of the one entry with its name, level, parent
/// and dates — so huyện Kông Chro of the demo keeps its id, figures and users and becomes
/// district 630. Everything else is added, parents first, with the lineage.
struct RegistryPlan: Sendable {
    /// Existing units that take an entry's code (and its dates).
    var adoptions: [(unit: UnitID, entry: UnitRegistry.Entry)] = []
    /// Entries to add, by depth: provinces, then districts, then communes.
    var insertsByDepth: [[UnitRegistry.Entry]] = [[], [], []]
    /// Entries already stored, and adopted ones.
    var known: [UnitRegistry.Key: UnitID] = [:]
    /// Successions already stored (predecessor, successor), left as they are.
    var existingLinks: Set<[UnitID]> = []

    var insertCount: Int { insertsByDepth.map(\.count).reduce(0, +) }

    init(registry: UnitRegistry, existing: [AdministrativeUnit]) {
        let byCodeAndStart = Dictionary(
            existing.compactMap { u in u.code.map { (Self.storedKey($0, u.validFrom), u.id) } },
            uniquingKeysWith: { first, _ in first })
        for unit in existing {
            for successor in unit.successors { existingLinks.insert([unit.id, successor]) }
        }
        var uncoded = Dictionary(grouping: existing.filter { $0.code == nil }) { Self.matchKey($0.name, $0.parentID) }
        for entry in registry.entries {
            if let id = byCodeAndStart[Self.storedKey(entry.code, entry.validFrom)] {
                known[entry.key] = id
                continue
            }
            let parentID = entry.parent.flatMap { known[$0] }
            if entry.parent == nil || parentID != nil,
                let match = Self.adoptable(entry, among: uncoded[Self.matchKey(entry.name, parentID)] ?? [])
            {
                adoptions.append((match.id, entry))
                known[entry.key] = match.id
                uncoded[Self.matchKey(entry.name, parentID)]?.removeAll { $0.id == match.id }
                continue
            }
            insertsByDepth[entry.depth].append(entry)
        }
    }

    static func storedKey(_ code: String, _ validFrom: CalendarDay?) -> String { code + "@" + (validFrom?.iso ?? "") }

    private static func matchKey(_ name: String, _ parent: UnitID?) -> String {
        NameKey(name).folded + "|" + (parent.map(String.init) ?? "-")
    }

    /// The one uncoded unit that is this entry: same level, same dates (an undated unit is a
    /// unit of today, so it is a continuing or new entry).
    private static func adoptable(_ entry: UnitRegistry.Entry, among units: [AdministrativeUnit])
        -> AdministrativeUnit?
    {
        let fits = units.filter { unit in
            let sameKind =
                unit.kind == entry.kind
                || (entry.parent == nil && [.province, .city].contains(unit.kind)
                    && [.province, .city].contains(entry.kind))
            let sameDates =
                unit.validTo == entry.validTo && (unit.validFrom == nil || unit.validFrom == entry.validFrom)
            return sameKind && sameDates
        }
        return fits.count == 1 ? fits[0] : nil
    }
}

/// What a registry load did.
public struct RegistryLoad: Sendable, Equatable {
    public var added = 0
    /// Units already stored that took their registry code.
    public var adopted = 0
    public var linksAdded = 0

    public init(added: Int = 0, adopted: Int = 0, linksAdded: Int = 0) {
        self.added = added
        self.adopted = adopted
        self.linksAdded = linksAdded
    }

    public var isEmpty: Bool { self == RegistryLoad() }

    public var sentence: String {
        let n: (Int) -> String = { VietnameseNumberFormat.standard.string(Double($0)) }
        return "Danh mục đơn vị hành chính: thêm \(n(added)) đơn vị, gắn mã cho \(n(adopted)) đơn vị đã có, "
            + "\(n(linksAdded)) quan hệ kế thừa."
    }
}

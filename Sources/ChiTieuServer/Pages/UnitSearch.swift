import ChiTieuCore
import ChiTieuStore

/// Units of the registry matching what a person typed — a name without diacritics, part of a
/// name, or an official code — that they may read, optionally only those existing on a day.
/// Shared by the search page and `GET /api/v1/units?search=`; pure over the unit directory.
struct UnitSearch: Sendable {
    struct Match: Sendable {
        let unit: AdministrativeUnit
        /// Nearest first: `huyện Kông Chro`, `tỉnh Gia Lai`.
        let parents: [AdministrativeUnit]
    }

    static let limit = 50

    let text: String
    let day: CalendarDay?
    let matches: [Match]
    /// More matched than `limit`.
    let truncated: Bool

    init(_ text: String, on day: CalendarDay?, in directory: UnitDirectory, access: AccessScope) {
        let query = text.trimmingCharacters(in: .whitespaces)
        let key = NameKey(query)
        let candidates = directory.all.values.filter { unit in
            (day.map { unit.existed(on: $0) } ?? true) && access.canRead(unit, units: directory.all)
        }
        let found = UnitNameMatch.filter(Array(candidates), text: query)
        // The exact name first, then the higher level, the current unit, the code.
        let ranked = found.sorted { a, b in
            let order = { (u: AdministrativeUnit) in
                (u.nameKey.folded == key.folded ? 0 : 1, Self.level(u), u.validTo == nil ? 0 : 1)
            }
            let (x, y) = (order(a), order(b))
            return x != y ? x < y : (a.code ?? "", a.id) < (b.code ?? "", b.id)
        }
        self.text = query
        self.day = day
        matches = ranked.prefix(Self.limit).map {
            Match(unit: $0, parents: UnitNameMatch.ancestors(of: $0, in: directory.all))
        }
        truncated = ranked.count > Self.limit
    }

    /// 0 province, 1 district, 2 commune.
    private static func level(_ unit: AdministrativeUnit) -> Int {
        unit.kind.isCommuneLevel ? 2 : (unit.parentID == nil ? 0 : 1)
    }
}

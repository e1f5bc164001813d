import ChiTieuCore

/// How a typed name or code picks units from a list, for `chitieu units --search` and the
/// server's unit search alike.
public enum UnitNameMatch {
    /// The units with this official code or whose name contains the text; typed with
    /// diacritics, "Tân Thành" means that name, not also Tân Thạnh and Tân Thanh — only when
    /// nothing matches so are diacritics ignored.
    public static func filter(_ units: [AdministrativeUnit], text: String) -> [AdministrativeUnit] {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        let key = NameKey(query)
        let exact = units.filter { $0.code == query || $0.nameKey.rawValue.contains(key.rawValue) }
        return !exact.isEmpty ? exact : units.filter { $0.nameKey.folded.contains(key.folded) }
    }

    /// The unit's parents, nearest first, at most `limit` of them.
    public static func ancestors(
        of unit: AdministrativeUnit, in all: [UnitID: AdministrativeUnit], limit: Int = 4
    ) -> [AdministrativeUnit] {
        var chain: [AdministrativeUnit] = []
        var next = unit.parentID.flatMap { all[$0] }
        while let parent = next, chain.count < limit {
            chain.append(parent)
            next = parent.parentID.flatMap { all[$0] }
        }
        return chain
    }
}

import ChiTieuCore
import Foundation

/// The units `chitieu units` shows: those existing on a day, below a unit, matching a search —
/// as an indented tree, a flat list with parents, or JSON.
public struct UnitListing: Sendable {
    /// Every stored unit.
    public let all: [AdministrativeUnit]
    /// The chosen ones, parents before children.
    public let units: [AdministrativeUnit]
    private let byID: [UnitID: AdministrativeUnit]
    private let predecessors: [UnitID: [UnitSuccession]]

    public static func load(
        _ repository: any ChiTieuRepository, on day: CalendarDay?, under: String?, search: String?
    ) async throws -> UnitListing {
        let all = try await repository.allUnits()
        var chosen = day.map { d in all.filter { $0.existed(on: d) } } ?? all
        if let under {
            let root = try await UnitResolver(repository: repository).resolve(under, on: day)
            let below = Self.descendants(of: root.id, in: all)
            chosen = chosen.filter { $0.id == root.id || below.contains($0.id) }
        }
        if let search, !search.trimmingCharacters(in: .whitespaces).isEmpty {
            chosen = UnitNameMatch.filter(chosen, text: search)
        }
        let successions = try await repository.successions()
        return UnitListing(
            all: all, units: chosen, byID: Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }),
            predecessors: Dictionary(grouping: successions, by: \.successorID))
    }

    private static func descendants(of root: UnitID, in all: [AdministrativeUnit]) -> Set<UnitID> {
        let children = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID! })
        var found: Set<UnitID> = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next, default: []] where found.insert(child.id).inserted { queue.append(child.id) }
        }
        return found
    }

    /// `huyện Kông Chro [630] đến trước 1/7/2025`, indented under its parent when that is listed too.
    public func treeLines() -> [String] {
        let chosen = Set(units.map(\.id))
        let children = Dictionary(grouping: units) { u in u.parentID.flatMap { chosen.contains($0) ? $0 : nil } }
        var lines: [String] = []
        func show(_ parent: UnitID?, depth: Int) {
            for unit in children[parent, default: []] {
                lines.append(String(repeating: "  ", count: depth) + line(unit))
                show(unit.id, depth: depth + 1)
            }
        }
        show(nil, depth: 0)
        return lines
    }

    /// `xã Tân Thành [25510] — huyện Krông Năng, tỉnh Đắk Lắk, đến trước 1/7/2025`
    public func flatLines() -> [String] {
        units.map { unit in
            let parents = UnitNameMatch.ancestors(of: unit, in: byID).map(\.title).joined(separator: ", ")
            return line(unit) + (parents.isEmpty ? "" : " — thuộc \(parents)")
        }
    }

    private func line(_ unit: AdministrativeUnit) -> String {
        var line = unit.title + (unit.code.map { " [\($0)]" } ?? " [số \(unit.id)]")
        if let from = unit.validFrom { line += " từ \(from.vietnamese)" }
        if let to = unit.validTo { line += " đến trước \(to.vietnamese)" }
        let formed = predecessors[unit.id, default: []].compactMap { s in
            byID[s.predecessorID].map { $0.title + (s.share == nil ? " (một phần)" : "") }
        }
        if !formed.isEmpty { line += " ← " + formed.joined(separator: ", ") }
        return line
    }

    struct JSONUnit: Encodable {
        struct Predecessor: Encodable {
            let code: String?
            let id: UnitID
            let share: Double?
            /// What the share measures: `toàn bộ`, `diện tích`, `dân số`.
            let basis: String?
        }
        let id: UnitID
        let code: String?
        let kind: String
        let name: String
        let parent_code: String?
        let valid_from: String?
        let valid_to: String?
        let predecessors: [Predecessor]?
    }

    public func json() throws -> String {
        let items = units.map { u in
            let formed = predecessors[u.id, default: []].map {
                JSONUnit.Predecessor(
                    code: byID[$0.predecessorID]?.code, id: $0.predecessorID, share: $0.share, basis: $0.shareBasis)
            }
            return JSONUnit(
                id: u.id, code: u.code, kind: u.kind.code, name: u.name,
                parent_code: u.parentID.flatMap { byID[$0]?.code }, valid_from: u.validFrom?.iso,
                valid_to: u.validTo?.iso, predecessors: formed.isEmpty ? nil : formed)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}

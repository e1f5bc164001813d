import ChiTieuCore
import Foundation

/// Finds the unit a person means by a name as typed: `Kông Chro`, `huyện Kông Chro`,
/// `Chư Sê, Gia Lai`, `kong chro`, or a numeric ID.
///
/// Where several units share a name, the kind word, the parent after a comma, and the
/// date the question is about (a district abolished in 2025 for a 2024 report) decide.
public struct UnitResolver: Sendable {
    public let repository: any ChiTieuRepository

    public init(repository: any ChiTieuRepository) {
        self.repository = repository
    }

    public func resolve(_ text: String, on day: CalendarDay? = nil) async throws -> AdministrativeUnit {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id = UnitID(trimmed), let unit = try await repository.unit(id: id) { return unit }
        let parts = trimmed.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !first.isEmpty else { throw StoreError.unitNotFound(text, suggestions: []) }
        let (kind, name) = Self.splitKind(first)
        var candidates = try await repository.units(named: NameKey(name))
        if let kind { candidates = candidates.filter { $0.kind == kind } }
        if parts.count == 2 {
            let (parentKind, parentName) = Self.splitKind(parts[1])
            var kept: [AdministrativeUnit] = []
            for candidate in candidates {
                guard let parentID = candidate.parentID, let parent = try await repository.unit(id: parentID) else {
                    continue
                }
                let nameMatches =
                    parent.nameKey == NameKey(parentName) || parent.nameKey.folded == NameKey(parentName).folded
                if nameMatches, parentKind == nil || parentKind == parent.kind { kept.append(candidate) }
            }
            candidates = kept
        }
        if candidates.count > 1, let day {
            let existing = candidates.filter { $0.existed(on: day) }
            if !existing.isEmpty { candidates = existing }
        }
        switch candidates.count {
        case 1:
            return candidates[0]
        case 0:
            throw StoreError.unitNotFound(text, suggestions: try await suggestions(for: name))
        default:
            var labels: [String] = []
            for c in candidates { labels.append(try await describe(c)) }
            throw StoreError.ambiguousUnit(text, candidates: labels)
        }
    }

    /// `huyện Kông Chro (Gia Lai, đến 30/6/2025)`
    public func describe(_ unit: AdministrativeUnit) async throws -> String {
        var details: [String] = []
        if let parentID = unit.parentID, let parent = try await repository.unit(id: parentID) {
            details.append(parent.title)
        }
        if let from = unit.validFrom { details.append("từ \(from.vietnamese)") }
        if let to = unit.validTo { details.append("đến trước \(to.vietnamese)") }
        details.append("mã \(unit.id)")
        return "\(unit.title) (\(details.joined(separator: ", ")))"
    }

    /// Splits a leading kind word: `thị xã An Khê` → (.town, `An Khê`).
    static func splitKind(_ text: String) -> (UnitKind?, String) {
        let key = NameKey(text).rawValue
        for kind in UnitKind.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
            for spelling in [kind.rawValue, NameKey(kind.rawValue).folded]
            where key.hasPrefix(spelling + " ") || NameKey(text).folded.hasPrefix(spelling + " ") {
                let words = spelling.split(separator: " ").count
                let rest = text.split(separator: " ", omittingEmptySubsequences: true).dropFirst(words).joined(
                    separator: " ")
                if !rest.isEmpty { return (kind, rest) }
            }
        }
        return (nil, text)
    }

    private func suggestions(for name: String) async throws -> [String] {
        let folded = NameKey(name).folded
        let all = try await repository.allUnits()
        let close = all.filter { $0.nameKey.folded.contains(folded) || folded.contains($0.nameKey.folded) }
        return Array(close.prefix(5)).map(\.title)
    }
}

import ChiTieuCore
import Foundation

/// Finds the unit a person means by a name as typed: `Kông Chro`, `huyện Kông Chro`,
/// `Yang Trung, Kông Chro, Gia Lai`, `kong chro`, an official code (`630`), or a numeric ID.
///
/// Against the national registry a name is often shared ("xã Tân Thành" is in many
/// provinces): the kind word, the parents after commas, and the date the question is about
/// (a district abolished in 2025 for a 2024 report) decide; what stays ambiguous is an error
/// listing every candidate with its parents and code.
public struct UnitResolver: Sendable {
    public let repository: any ChiTieuRepository

    public init(repository: any ChiTieuRepository) {
        self.repository = repository
    }

    /// The unit found, and a sentence when the choice was not obvious from the text.
    public struct Resolution: Sendable {
        public let unit: AdministrativeUnit
        /// `Đã dùng huyện Kông Chro (mã 630), cấp cao nhất trong các đơn vị tên «Kông Chro».`
        public let note: String?
    }

    public func resolve(_ text: String, on day: CalendarDay? = nil) async throws -> AdministrativeUnit {
        try await resolution(text, on: day).unit
    }

    public func resolution(_ text: String, on day: CalendarDay? = nil) async throws -> Resolution {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.allSatisfy(\.isASCII), let byNumber = try await byNumber(trimmed, on: day) {
            return Resolution(unit: byNumber, note: nil)
        }
        let parts = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !first.isEmpty else { throw StoreError.unitNotFound(text, suggestions: []) }
        let (kind, name) = Self.splitKind(first)
        var candidates = try await repository.units(named: NameKey(name))
        if let kind { candidates = candidates.filter { $0.kind == kind } }
        if parts.count > 1 {
            var kept: [AdministrativeUnit] = []
            for candidate in candidates where try await lies(candidate, under: Array(parts.dropFirst())) {
                kept.append(candidate)
            }
            candidates = kept
        }
        if candidates.count > 1, let day {
            let existing = candidates.filter { $0.existed(on: day) }
            if !existing.isEmpty { candidates = existing }
        }
        if candidates.count > 1, let top = try await highestOfOneLine(candidates) {
            let note =
                "Đã dùng \(top.title) (\(top.code.map { "mã \($0)" } ?? "số \(top.id)")), cấp cao nhất trong các đơn vị tên «\(name)»."
            return Resolution(unit: top, note: note)
        }
        switch candidates.count {
        case 1:
            return Resolution(unit: candidates[0], note: nil)
        case 0:
            throw StoreError.unitNotFound(text, suggestions: try await suggestions(for: name))
        default:
            var labels: [String] = []
            for c in candidates.prefix(20) { labels.append(try await describe(c)) }
            if candidates.count > 20 { labels.append("và \(candidates.count - 20) đơn vị khác") }
            throw StoreError.ambiguousUnit(text, candidates: labels)
        }
    }

    /// An official code (the unit valid on `day` when the code was reused), else a stored ID.
    private func byNumber(_ text: String, on day: CalendarDay?) async throws -> AdministrativeUnit? {
        guard !text.isEmpty, text.allSatisfy(\.isNumber) else { return nil }
        var coded = try await repository.units(code: text)
        if coded.count > 1, let day { coded = coded.filter { $0.existed(on: day) } }
        if coded.count == 1 { return coded[0] }
        if coded.count > 1 {
            var labels: [String] = []
            for c in coded { labels.append(try await describe(c)) }
            throw StoreError.ambiguousUnit(text, candidates: labels)
        }
        guard let id = UnitID(text) else { return nil }
        return try await repository.unit(id: id)
    }

    /// Whether the names after the commas are the unit's parents, nearest first (a level may be skipped).
    private func lies(_ unit: AdministrativeUnit, under names: [String]) async throws -> Bool {
        var remaining = names[...]
        var next = unit.parentID
        while let id = next, let wanted = remaining.first, let parent = try await repository.unit(id: id) {
            let (kind, name) = Self.splitKind(wanted)
            if parent.nameKey.folded == NameKey(name).folded, kind == nil || kind == parent.kind {
                remaining = remaining.dropFirst()
            }
            next = parent.parentID
        }
        return remaining.isEmpty
    }

    /// When every candidate is an ancestor or descendant of the others (huyện Kông Chro and its
    /// thị trấn Kông Chro), the highest: a report about "Kông Chro" is about the district.
    private func highestOfOneLine(_ candidates: [AdministrativeUnit]) async throws -> AdministrativeUnit? {
        var chains: [UnitID: Set<UnitID>] = [:]
        for candidate in candidates {
            var ancestors: Set<UnitID> = []
            var next = candidate.parentID
            while let id = next, ancestors.insert(id).inserted { next = try await repository.unit(id: id)?.parentID }
            chains[candidate.id] = ancestors
        }
        let ordered = candidates.sorted { chains[$0.id]!.count < chains[$1.id]!.count }
        for (upper, lower) in zip(ordered, ordered.dropFirst()) where !chains[lower.id]!.contains(upper.id) {
            return nil
        }
        return ordered.first
    }

    /// `huyện Kông Chro (tỉnh Gia Lai, đến trước 1/7/2025, mã 630)`
    public func describe(_ unit: AdministrativeUnit) async throws -> String {
        var parents: [String] = []
        var next = unit.parentID
        while let id = next, parents.count < 3, let parent = try await repository.unit(id: id) {
            parents.append(parent.title)
            next = parent.parentID
        }
        var details = parents.isEmpty ? [] : [parents.joined(separator: ", ")]
        if let from = unit.validFrom { details.append("từ \(from.vietnamese)") }
        if let to = unit.validTo { details.append("đến trước \(to.vietnamese)") }
        details.append(unit.code.map { "mã \($0)" } ?? "số \(unit.id)")
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

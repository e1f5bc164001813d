import ChiTieuCore
import Foundation

/// The registry of administrative units shipped with chitieu (`Resources/registry.tsv`, made by
/// `scripts/make-registry.py` from vietnamadminunits 1.0.4, MIT licence).
public enum StandardRegistry {
    public static let version = "vietnamadminunits 1.0.4"

    public static func load() throws -> UnitRegistry {
        guard let url = Bundle.module.url(forResource: "registry", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw StoreError.registryUnavailable("thiếu hoặc không đọc được tệp registry.tsv trong gói chương trình")
        }
        do {
            return try UnitRegistry(text: text, version: version)
        } catch {
            throw StoreError.registryUnavailable(String(describing: error))
        }
    }
}

extension StandardRegistry {
    /// The registry's point of every unit, read once: the dot map of a leader's view.
    static let coordinates: [UnitRegistry.Key: Coordinate] = {
        guard let registry = try? load() else { return [:] }
        return Dictionary(
            registry.entries.compactMap { entry in entry.coordinate.map { (entry.key, $0) } },
            uniquingKeysWith: { a, _ in a })
    }()

    /// Where `unit` lies, by its official code in its era; nil for a unit without a code or
    /// one the dataset has no point for.
    public static func coordinate(of unit: AdministrativeUnit) -> Coordinate? {
        guard let code = unit.code else { return nil }
        let era: UnitRegistry.Era =
            unit.validTo == .reform2025 ? .old : unit.validFrom == .reform2025 ? .new : .continuing
        return [era, .continuing, .old, .new].lazy.compactMap { coordinates[UnitRegistry.Key(code: code, era: $0)] }
            .first
    }
}

extension ChiTieuRepository {
    /// Loads what the shipped registry has and the store lacks (nothing, the second time).
    @discardableResult
    public func ensureRegistry(author: ChangeAuthor = .commandLine) async throws -> RegistryLoad {
        try await loadRegistry(StandardRegistry.load(), author: author)
    }
}

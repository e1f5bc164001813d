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

extension ChiTieuRepository {
    /// Loads what the shipped registry has and the store lacks (nothing, the second time).
    @discardableResult
    public func ensureRegistry(author: ChangeAuthor = .commandLine) async throws -> RegistryLoad {
        try await loadRegistry(StandardRegistry.load(), author: author)
    }
}

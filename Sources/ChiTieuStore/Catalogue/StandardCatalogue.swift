import ChiTieuCore
import Foundation

/// The standard indicator catalogue shipped with chitieu (`Resources/catalogue.json`).
public enum StandardCatalogue {
    public static func load() throws -> Catalogue {
        guard let url = Bundle.module.url(forResource: "catalogue", withExtension: "json") else {
            throw StoreError.catalogueUnavailable("thiếu tệp catalogue.json trong gói chương trình")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.catalogueUnavailable("không đọc được \(url.path)")
        }
        return try Catalogue.decode(data)
    }

    /// A batch that loads (or refreshes) the catalogue into a repository.
    public static func batch(_ catalogue: Catalogue) -> DataBatch {
        var batch = DataBatch()
        batch.setCatalogue(catalogue.indicators, version: catalogue.version)
        return batch
    }
}

extension ChiTieuRepository {
    /// Loads the standard catalogue if the repository has none yet; returns whether it did.
    @discardableResult
    public func ensureCatalogue() async throws -> Bool {
        guard try await catalogueVersion() == nil else { return false }
        try await save(StandardCatalogue.batch(StandardCatalogue.load()))
        return true
    }

    /// The catalogue as stored, for name lookups; an error tells the user to run `init`.
    public func storedCatalogue(location: String) async throws -> Catalogue {
        guard let version = try await catalogueVersion() else { throw StoreError.notInitialised(location) }
        return try Catalogue(version: version, indicators: try await indicators())
    }
}

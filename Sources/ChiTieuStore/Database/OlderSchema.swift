import Foundation

extension SQLRepository {
    /// Creates a new SQLite file with the schema only up to `version`, as an older release left
    /// it. The package check writes a previous release's rows into it and starts the new
    /// release on it, which must upgrade it once and keep them; nothing else uses it.
    public static func createOlderSQLite(path: String, schemaVersion version: Int) async throws {
        guard (1...Migrator.currentVersion).contains(version) else {
            throw StoreError.cannotOpen(
                path, "phiên bản lược đồ phải từ 1 đến \(Migrator.currentVersion), nhận được \(version)")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path, "tệp đã có; chọn tên khác")
        }
        let database = try StoreDatabase.sqlite(path: path)
        do {
            try await Migrator(database: database, migrations: Migrator.migrations.filter { $0.version <= version })
                .migrate()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}

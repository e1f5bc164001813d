import ChiTieuCore
import ChiTieuIngest
import ChiTieuStore
import Hummingbird

/// Everything the server reads and writes: figures, accounts, follow-up and the outbox.
public typealias ServerRepository = ChiTieuRepository & AccountRepository & FollowUpRepository & OutboxRepository

/// What the routes share: the repository, the page templates and the clock.
struct AppServices: Sendable {
    let repository: any ServerRepository
    let pages: PageRenderer
    let configuration: ServerConfiguration
    let cache: ResponseCache

    var currentYear: Int { configuration.currentYear }
    /// The years a request may name (one owner of the range: `YearPlausibility`).
    var years: YearPlausibility { YearPlausibility(currentYear: currentYear) }

    init(
        repository: any ServerRepository, configuration: ServerConfiguration,
        cache: ResponseCache = ResponseCache()
    ) async throws {
        self.repository = repository
        self.configuration = configuration
        self.cache = cache
        pages = try await PageRenderer()
    }

    var review: UnitReview { UnitReview(repository: repository) }

    /// `/health`: the process answers and the database can be read.
    func health() async throws -> Response {
        let version = try await repository.catalogueVersion()
        let body = "{\"status\":\"ok\",\"catalogue\":\(version.map { "\"\($0)\"" } ?? "null")}"
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The unit with this ID, if the person asking may read it (and change it, when `writing`).
    /// A unit outside their scope is refused with 403, so its existence is no secret but its data is.
    func unit(_ id: Int, for context: AppRequestContext, writing: Bool = false) async throws -> AdministrativeUnit {
        guard let unit = try await unitsByID()[UnitID(id)] else {
            throw APIError.notFound("Không có đơn vị mã \(id).")
        }
        try await authorize(unit, for: context, writing: writing)
        return unit
    }

    /// Every unit, read through the cache (emptied by any change made through this server).
    func unitsByID() async throws -> [UnitID: AdministrativeUnit] {
        try await unitDirectory().all
    }

    func unitDirectory() async throws -> UnitDirectory {
        try await cache.units { [repository] in
            UnitDirectory(all: try await repository.allUnits(), inUse: try await repository.unitIDsInUse())
        }
    }

    func authorize(_ unit: AdministrativeUnit, for context: AppRequestContext, writing: Bool) async throws {
        let access = context.identity.access
        switch access.kind {
        case .everything: return
        case .readEverything where !writing: return
        default: break
        }
        let all = try await unitsByID()
        if writing ? access.canWrite(unit, units: all) : access.canRead(unit, units: all) { return }
        throw APIError(
            .forbidden,
            writing
                ? "Tài khoản này không được thay đổi số liệu của \(unit.title)."
                : "Tài khoản này không được xem số liệu của \(unit.title).")
    }

    /// The units the person asking may read, in ID order.
    func visibleUnits(for context: AppRequestContext) async throws -> [AdministrativeUnit] {
        let all = try await unitsByID()
        return all.values.filter { context.identity.access.canRead($0, units: all) }.sorted { $0.id < $1.id }
    }

    /// The readable units of the working set (units with plans, figures or accounts, and their
    /// parents): what lists and pickers offer, not the 14.000 of the registry.
    func workingUnits(for context: AppRequestContext) async throws -> [AdministrativeUnit] {
        let directory = try await unitDirectory()
        return directory.working.filter { context.identity.access.canRead($0, units: directory.all) }
    }

    /// The extractor and ingest on the stored catalogue.
    func documentIngest(storingFor context: AppRequestContext? = nil, via channel: String = "")
        async throws -> DocumentIngest
    {
        let catalogue = try await repository.storedCatalogue(location: "cơ sở dữ liệu")
        var ingest = DocumentIngest(repository: repository, catalogue: catalogue, currentYear: currentYear)
        ingest.enteredBy = "trang Nhập từ văn bản"
        ingest.clock = configuration.clock
        if let context {
            ingest.author = context.author(via: channel)
            let services = self
            ingest.mayStore = { unit in try await services.authorize(unit, for: context, writing: true) }
            ingest.indicatorOwner = context.identity.access.indicatorOwner
        }
        return ingest
    }

    /// The most recent year-to-date period with a result for the unit — or, for a province whose
    /// figures are its districts', for the units below it — else the last year the unit existed
    /// (a district ended in 2025 opens on 2025, not on an empty current year).
    func latestPeriod(of unit: AdministrativeUnit) async throws -> Period {
        let years = (currentYear - 10)...(currentYear + 1)
        func latest(_ ids: [UnitID]) async throws -> Period? {
            guard !ids.isEmpty else { return nil }
            return try await repository.observations(unitIDs: ids, years: years)
                .map(\.period).filter { $0.fromMonth == 1 }
                .max { ($0.year, $0.toMonth) < ($1.year, $1.toMonth) }
        }
        if let own = try await latest([unit.id]) { return own }
        if let below = try await latest(try await repository.children(of: unit.id).map(\.id)) { return below }
        let lastYear = unit.lastYear ?? currentYear
        return try Period.yearToDate(min(currentYear, lastYear), through: 12)
    }
}

extension AppServices {
    /// The catalogue indicator with this code, or a refusal naming the parameter.
    func indicator(_ code: String?, field: String) async throws -> Indicator {
        guard let code, !code.isEmpty else { throw APIError.badRequest("Thiếu mã chỉ tiêu.", field: field) }
        guard let indicator = try await repository.indicatorsByCode()[code] else {
            throw APIError.notFound("Không có chỉ tiêu mã «\(code)» trong danh mục.")
        }
        return indicator
    }
}

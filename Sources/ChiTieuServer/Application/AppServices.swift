import ChiTieuCore
import ChiTieuIngest
import ChiTieuStore
import Hummingbird

/// What the routes share: the repository, the page templates and the clock.
struct AppServices: Sendable {
    let repository: any ChiTieuRepository
    let pages: PageRenderer
    let currentYear: Int
    let cache: ResponseCache

    init(repository: any ChiTieuRepository, currentYear: Int, cache: ResponseCache = ResponseCache()) async throws {
        self.repository = repository
        self.currentYear = currentYear
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

    func unit(_ id: Int) async throws -> AdministrativeUnit {
        guard let unit = try await repository.unit(id: UnitID(id)) else {
            throw APIError.notFound("Không có đơn vị mã \(id).")
        }
        return unit
    }

    /// The extractor and ingest on the stored catalogue.
    func documentIngest(author: ChangeAuthor? = nil) async throws -> DocumentIngest {
        let catalogue = try await repository.storedCatalogue(location: "cơ sở dữ liệu")
        var ingest = DocumentIngest(repository: repository, catalogue: catalogue, currentYear: currentYear)
        ingest.enteredBy = "trang Nhập từ văn bản"
        if let author { ingest.author = author }
        return ingest
    }

    /// The most recent year-to-date period with a result for the unit, else the current year.
    func latestPeriod(of unit: AdministrativeUnit) async throws -> Period {
        let years = (currentYear - 10)...(currentYear + 1)
        let latest = try await repository.observations(unitIDs: [unit.id], years: years)
            .map(\.period).filter { $0.fromMonth == 1 }
            .max { ($0.year, $0.toMonth) < ($1.year, $1.toMonth) }
        return try latest ?? Period.yearToDate(currentYear, through: 12)
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

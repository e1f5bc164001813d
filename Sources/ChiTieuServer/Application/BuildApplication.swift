import ChiTieuCore
import ChiTieuStore
import Hummingbird
import Logging
import NIOCore

/// The web application on a repository: the JSON API under `/api/v1`, the pages, the static
/// assets and `/health`. Tests call this directly with an in-memory or SQLite repository.
public func buildApplication(
    repository: any ChiTieuRepository & AccountRepository, configuration: ServerConfiguration
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "chitieu.server")
    logger.logLevel = configuration.logLevel
    let services = try await AppServices(repository: repository, configuration: configuration)
    let idle = TimeAmount.seconds(configuration.idleTimeout.components.seconds)
    let purge = SignInRecordPurge(
        accounts: repository, windowSeconds: configuration.signInLimits.windowSeconds, every: .seconds(3600),
        logger: logger)
    return Application(
        router: buildRouter(services),
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "chitieu"),
        services: [purge],
        logger: logger)
}

/// Every route of the application.
func buildRouter(_ services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    if services.configuration.logRequests { router.add(middleware: LogRequestsMiddleware(.info)) }
    router.add(middleware: ClientAddressMiddleware(trustedProxies: services.configuration.trustedProxies))
    router.add(middleware: ErrorPageMiddleware(pages: services.pages))
    router.add(middleware: SessionMiddleware(accounts: services.repository, configuration: services.configuration))
    router.add(middleware: CacheInvalidationMiddleware(cache: services.cache))
    router.get(SiteURL.health.pattern) { _, _ in try await services.health() }
    StaticAssets().addRoutes(to: router)
    OpenAPIDocument().addRoutes(to: router)
    let api = router.group(SiteURL.apiPattern)
    // Every route under a unit is in one of these two groups, whose middleware checks access.
    let unitAPI = api.group(SiteURL.unitAPIPattern).add(middleware: UnitScopeMiddleware(services: services))
    let unitPages = router.group(SiteURL.unitPagesPattern).add(middleware: UnitScopeMiddleware(services: services))
    UnitsAPI(services: services).addRoutes(to: api, unit: unitAPI)
    IndicatorsAPI(services: services).addRoutes(to: api)
    TargetsAPI(services: services).addRoutes(to: unitAPI)
    ResultsAPI(services: services).addRoutes(to: unitAPI)
    OverviewAPI(services: services).addRoutes(to: unitAPI)
    ImportsAPI(services: services).addRoutes(to: api)
    ReportsAPI(services: services).addRoutes(to: unitAPI)
    HistoryAPI(services: services).addRoutes(to: unitAPI)
    HomePage(services: services).addRoutes(to: router)
    OverviewPage(services: services).addRoutes(to: unitPages)
    IndicatorPage(services: services).addRoutes(to: unitPages)
    EntryPage(services: services).addRoutes(to: unitPages)
    PlanPage(services: services).addRoutes(to: unitPages)
    ImportPage(services: services).addRoutes(to: router)
    ComparePage(services: services).addRoutes(to: unitPages)
    ReportPage(services: services).addRoutes(to: unitPages)
    HistoryPage(services: services).addRoutes(to: unitPages)
    let redirects = RedirectTargets()
    let checks = PasswordCheckQueue(passwords: services.configuration.passwords)
    SignInPage(services: services, redirects: redirects, checks: checks).addRoutes(to: router)
    AccountPage(services: services, checks: checks).addRoutes(to: router)
    UsersPage(services: services).addRoutes(to: router)
    redirects.learn(from: router)
    return router
}

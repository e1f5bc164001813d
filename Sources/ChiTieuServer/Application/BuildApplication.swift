import ChiTieuCore
import ChiTieuStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The web application on a repository: the JSON API under `/api/v1`, the pages, the static
/// assets and `/health`. Tests call this directly with an in-memory or SQLite repository.
public func buildApplication(
    repository: any ServerRepository, configuration: ServerConfiguration
) async throws -> some ApplicationProtocol {
    var logger = configuration.logger
    logger.logLevel = configuration.logLevel
    let services = try await AppServices(repository: repository, configuration: configuration)
    let idle = TimeAmount.seconds(configuration.idleTimeout.components.seconds)
    let purge = SignInRecordPurge(
        accounts: repository, windowSeconds: configuration.signInLimits.windowSeconds, clock: configuration.clock,
        every: .seconds(3600), logger: logger)
    let background: [any Service] =
        [purge]
        + (configuration.notices.map { [NoticeService(services: services, settings: $0, logger: logger)] } ?? [])
    return Application(
        router: buildRouter(services),
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "chitieu"),
        services: background,
        logger: logger)
}

/// Every route of the application, in groups whose middleware carries what they require: the
/// API (JSON errors, a reader, CSRF or an API token on changes), the pages (a reader, CSRF on
/// changes), the account pages (any signed-in account may post), the public routes (health,
/// assets, sign-in). Under each, the unit group checks access to `{id}` for every route in it.
func buildRouter(_ services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: services.configuration.trustedProxies))
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorPageMiddleware(pages: services.pages))
    router.add(
        middleware: IdentifyMiddleware(
            accounts: services.repository, configuration: services.configuration, cache: services.cache))
    router.add(middleware: CacheInvalidationMiddleware(cache: services.cache))
    router.get(SiteURL.health.pattern) { _, _ in try await services.health() }
    StaticAssets().addRoutes(to: router)
    OpenAPIDocument().addRoutes(to: router)
    addAPIRoutes(to: router, services)
    let redirects = RedirectTargets()
    let checks = PasswordCheckQueue(passwords: services.configuration.passwords)
    addPageRoutes(to: router, services)
    addFollowUpRoutes(to: router, services)
    let forms = router.group().add(middleware: CSRFMiddleware(writers: false))
    SignInPage(services: services, redirects: redirects, checks: checks).addRoutes(to: forms)
    let account = router.group().add(middleware: RequireReaderMiddleware(audience: .pages))
        .add(middleware: CSRFMiddleware(writers: false))
    AccountPage(services: services, checks: checks).addRoutes(to: account)
    redirects.learn(from: router)
    return router
}

private func addAPIRoutes(to router: Router<AppRequestContext>, _ services: AppServices) {
    let api = router.group(SiteURL.apiPattern).add(middleware: RequireReaderMiddleware(audience: .api))
        .add(middleware: CSRFMiddleware(writers: true))
    let unit = api.group(SiteURL.unitAPIPattern).add(middleware: UnitScopeMiddleware(services: services))
    UnitsAPI(services: services).addRoutes(to: api, unit: unit)
    IndicatorsAPI(services: services).addRoutes(to: api)
    ImportsAPI(services: services).addRoutes(to: api)
    TargetsAPI(services: services).addRoutes(to: unit)
    ResultsAPI(services: services).addRoutes(to: unit)
    OverviewAPI(services: services).addRoutes(to: unit)
    ReportsAPI(services: services).addRoutes(to: unit)
    HistoryAPI(services: services).addRoutes(to: unit)
}

/// Explanation requests: a reader above asks and judges, an editor answers, so these groups
/// let read-only accounts post (with CSRF) and leave the who-may-what to `ExplanationDesk`.
private func addFollowUpRoutes(to router: Router<AppRequestContext>, _ services: AppServices) {
    let api = router.group(SiteURL.apiPattern).add(middleware: RequireReaderMiddleware(audience: .api))
        .add(middleware: CSRFMiddleware(writers: false))
    let apiUnit = api.group(SiteURL.unitAPIPattern)
        .add(middleware: UnitScopeMiddleware(services: services, changesNeedWriting: false))
    let apiThread = api.group(SiteURL.explanationAPIPattern).add(
        middleware: ExplanationScopeMiddleware(services: services))
    ExplanationsAPI(services: services).addRoutes(unit: apiUnit, thread: apiThread)
    let pages = router.group().add(middleware: RequireReaderMiddleware(audience: .pages))
        .add(middleware: CSRFMiddleware(writers: false))
    let pageUnit = pages.group(SiteURL.unitPagesPattern)
        .add(middleware: UnitScopeMiddleware(services: services, changesNeedWriting: false))
    let pageThread = pages.group(SiteURL.explanationPagesPattern)
        .add(middleware: ExplanationScopeMiddleware(services: services))
    WarningsPage(services: services).addRoutes(to: pageUnit)
    ReportingPage(services: services).addRoutes(api: apiUnit)
    ExplanationsPage(services: services).addRoutes(unit: pageUnit, thread: pageThread)
}

private func addPageRoutes(to router: Router<AppRequestContext>, _ services: AppServices) {
    let pages = router.group().add(middleware: RequireReaderMiddleware(audience: .pages))
        .add(middleware: CSRFMiddleware(writers: true))
    let unit = pages.group(SiteURL.unitPagesPattern).add(middleware: UnitScopeMiddleware(services: services))
    let readerForms = router.group().add(middleware: RequireReaderMiddleware(audience: .pages))
        .add(middleware: CSRFMiddleware(writers: false))
    HomePage(services: services).addRoutes(to: pages)
    FindUnitPage(services: services).addRoutes(to: pages)
    CataloguePage(services: services).addRoutes(to: pages)
    ImportPage(services: services).addRoutes(to: pages, readers: readerForms)
    WorkbookImportPage(services: services).addRoutes(to: pages, readers: readerForms)
    UsersPage(services: services).addRoutes(to: pages)
    MyWorkPage(services: services).addRoutes(to: pages)
    OverviewPage(services: services).addRoutes(to: unit)
    IndicatorPage(services: services).addRoutes(to: unit)
    EntryPage(services: services).addRoutes(to: unit)
    PlanPage(services: services).addRoutes(to: unit)
    TargetSetPage(services: services).addRoutes(to: unit)
    LineagePage(services: services).addRoutes(to: unit)
    ReportingPage(services: services).addRoutes(to: unit)
    GlancePage(services: services).addRoutes(to: unit)
    ComparePage(services: services).addRoutes(to: unit)
    ReportPage(services: services).addRoutes(to: unit)
    HistoryPage(services: services).addRoutes(to: unit)
    TasksPage(services: services).addRoutes(to: unit)
}

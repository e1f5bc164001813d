import Hummingbird

/// The context of every request. Its own type so that later concerns (the signed-in user,
/// the CSRF token) have a place without touching every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

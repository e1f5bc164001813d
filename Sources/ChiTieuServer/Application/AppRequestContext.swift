import ChiTieuCore
import ChiTieuStore
import Hummingbird

/// The context of every request. Its own type so that later concerns (the signed-in user,
/// the CSRF token) have a place without touching every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, recorded in the audit trail with every change: the peer's,
    /// or the one a trusted proxy forwarded (`ClientAddressMiddleware`).
    public var remoteAddress: String?
    /// Whether the client reached a trusted proxy over HTTPS (`X-Forwarded-Proto: https`).
    public var overTLS = false
    /// Set by `IdentifyMiddleware` before any route runs.
    public var identity = Identity.nobody
    /// Set by `UnitScopeMiddleware` for the routes of a unit group, after its access check.
    public var unit: AdministrativeUnit?
    /// Set by `ExplanationScopeMiddleware` for the routes of one explanation request.
    public var explanation: ExplanationRequest?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The author of a change made through `channel` (a page or the API) in this request.
    func author(via channel: String) -> ChangeAuthor {
        let channel = identity.tokenChannel ?? channel
        return ChangeAuthor(name: identity.user.map { "\($0.name) (\(channel))" } ?? channel, address: remoteAddress)
    }
}

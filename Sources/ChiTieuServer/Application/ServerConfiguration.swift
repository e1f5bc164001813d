import ChiTieuCore
import Logging

/// Where the server listens and how much it logs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Each answered request is one line at `info`; `warning` leaves only problems.
    public var logLevel: Logger.Level
    /// Where the lines go: swift-log's process-wide handler unless a test captures them.
    public var logger: Logger
    /// Now, for sessions, sign-in windows, default periods and implausible-year checks.
    public var clock: WallClock
    public var currentYear: Int { clock.year }
    /// Anyone may read every page without signing in, and change nothing (the demo).
    public var publicReading: Bool
    /// Cookies only over HTTPS: set when a TLS proxy stands in front of the server.
    public var secureCookies: Bool
    /// How long a sign-in lasts.
    public var sessionLifetime: Duration
    public var passwords: Passwords
    /// Addresses of reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed.
    public var trustedProxies: Set<String>
    public var signInLimits: SignInLimits
    /// How long a connection may stay open without a request.
    public var idleTimeout: Duration
    /// Notices by e-mail; nil: none queued, none sent.
    public var notices: NoticeSettings?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info,
        logger: Logger = Logger(label: "chitieu.server"),
        clock: WallClock = .system,
        publicReading: Bool = false, secureCookies: Bool = false, sessionLifetime: Duration = .seconds(8 * 3600),
        passwords: Passwords = Passwords(), trustedProxies: Set<String> = [], signInLimits: SignInLimits = .standard,
        idleTimeout: Duration = .seconds(60), notices: NoticeSettings? = nil
    ) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.logger = logger
        self.clock = clock
        self.publicReading = publicReading
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.passwords = passwords
        self.trustedProxies = trustedProxies
        self.signInLimits = signInLimits
        self.idleTimeout = idleTimeout
        self.notices = notices
    }
}

import Logging

/// Where the server listens and how much it logs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// The year the extractor takes as "now" for implausible-year checks and default periods.
    public var currentYear: Int
    /// Anyone may read every page without signing in, and change nothing (the demo).
    public var publicReading: Bool
    /// Cookies only over HTTPS: set when a TLS proxy stands in front of the server.
    public var secureCookies: Bool
    /// How long a sign-in lasts.
    public var sessionLifetime: Duration
    public var passwords: Passwords

    public init(
        host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info, currentYear: Int,
        publicReading: Bool = false, secureCookies: Bool = false, sessionLifetime: Duration = .seconds(8 * 3600),
        passwords: Passwords = Passwords()
    ) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.currentYear = currentYear
        self.publicReading = publicReading
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.passwords = passwords
    }
}

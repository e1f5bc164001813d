import Logging

/// Where the server listens and how much it logs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// The year the extractor takes as "now" for implausible-year checks and default periods.
    public var currentYear: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info, currentYear: Int) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.currentYear = currentYear
    }
}

import NIOPosix

/// Reading a file through an outside program (pdftotext for PDF, LibreOffice for .xls and .doc)
/// waits on that program for up to minutes: it runs on NIO's blocking-work threads, not on the
/// few that answer every request.
enum BlockingWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}

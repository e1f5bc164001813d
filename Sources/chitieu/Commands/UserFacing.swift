import ArgumentParser
import ChiTieuCore
import Foundation

/// Runs a command body and turns errors into a Vietnamese message on stderr and exit code 1,
/// instead of the parser's English "Error:" line.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as UserFacingError {
        Terminal.error("Lỗi: \(error.message)")
        throw ExitCode.failure
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error("Lỗi: \(error)")
        throw ExitCode.failure
    }
}

/// A problem with the command line itself, said in Vietnamese.
struct UsageError: UserFacingError {
    let message: String
}

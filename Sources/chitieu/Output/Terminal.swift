import ChiTieuCore
import ChiTieuStore
import Foundation

/// Writing to the terminal: colours only when stdout is a terminal and NO_COLOR is unset.
enum Terminal {
    static let colours: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    enum Colour: String {
        case green = "32"
        case yellow = "33"
        case red = "31"
        case dim = "2"
        case bold = "1"
    }

    static func paint(_ text: String, _ colour: Colour) -> String {
        colours ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func colour(for status: AssessmentStatus) -> Colour {
        switch status {
        case .exceeded, .met, .onTrack: .green
        case .atRisk: .yellow
        case .missed, .offTrack: .red
        case .unassessed: .dim
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension Terminal {
    /// The unit a command's `--unit` names; how an unclear name was settled goes to stderr.
    static func unit(_ text: String, on day: CalendarDay?, in repository: any ChiTieuRepository) async throws
        -> AdministrativeUnit
    {
        let found = try await UnitResolver(repository: repository).resolution(text, on: day)
        if let note = found.note { error(note) }
        return found.unit
    }

    /// `1,42 giây`
    static func seconds(_ duration: Duration) -> String {
        let (s, atto) = duration.components
        return VietnameseNumberFormat.standard.string(Double(s) + Double(atto) / 1e18) + " giây"
    }
}

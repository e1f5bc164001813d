import Foundation
import Hummingbird
import Synchronization

/// The pages a sign-in may return to: the GET routes of the router itself, filled in once the
/// router is built. `?tiep=/%09/evil.example/` passed the old prefix check and the browser went
/// to evil.example; a path must now match a page of this site, segment by segment.
final class RedirectTargets: Sendable {
    private let patterns = Mutex<[[RouterPath.Element]]>([])

    func learn(from router: Router<AppRequestContext>) {
        let pages = router.routes.filter { route in
            route.method == .get && !route.path.description.hasPrefix("/api")
                && !route.path.description.hasPrefix("/static")
        }
        patterns.withLock { $0 = pages.map(\.path.components) }
    }

    /// `next` when it is a page of this site (with an optional query), else "/".
    func safe(_ next: String?) -> String {
        guard let next = next?.removingPercentEncoding ?? next, next.hasPrefix("/"),
            next.unicodeScalars.allSatisfy({ Self.allowed.contains($0) })
        else { return "/" }
        let path = next.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let parts = segments.last == "" ? Array(segments.dropLast()) : Array(segments)
        guard !parts.contains(where: \.isEmpty) else { return "/" }
        let known = patterns.withLock { $0 }
        return known.contains { Self.matches(parts, $0) } ? next : "/"
    }

    private static func matches(_ parts: [Substring], _ pattern: [RouterPath.Element]) -> Bool {
        parts.count == pattern.count && zip(pattern, parts).allSatisfy { $0 ~= $1 }
    }

    /// Letters, digits and the URL punctuation a page address uses; no space, tab, backslash
    /// or other character a browser might read differently from us.
    private static let allowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~?=&%+")
}

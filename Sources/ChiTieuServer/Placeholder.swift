import Hummingbird

enum _PlaceholderServer {
    static func router() -> Router<BasicRequestContext> { Router() }
}

import Hummingbird
enum _PlaceholderServer { static let r = Router() }

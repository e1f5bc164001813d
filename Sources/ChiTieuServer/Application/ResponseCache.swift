import Hummingbird
import Synchronization

/// The most-read answers (a unit's overview as a page and as JSON), kept for a short while so
/// that a room of leaders refreshing a dashboard does not recompute every assessment. Any
/// change made through this server empties it at once; a change made behind its back (the CLI
/// on the same file, another server on the same database) shows within `lifetime`.
final class ResponseCache: Sendable {
    struct Entry {
        let body: ByteBuffer
        let contentType: String
        let storedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Bumped by every change, so an answer computed from data older than the change is
        /// not stored after it.
        var generation = 0
    }

    let lifetime: Duration
    let capacity: Int
    private let state = Mutex(State())

    init(lifetime: Duration = .seconds(2), capacity: Int = 4_096) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached answer for `key`, or `make`'s, stored for the next reader. Errors are not kept.
    func response(
        _ key: String, contentType: String, make: () async throws -> ByteBuffer
    ) async throws -> Response {
        let now = ContinuousClock.now
        let (hit, generation) = state.withLock { state -> (Entry?, Int) in
            guard let entry = state.entries[key], now - entry.storedAt < lifetime else { return (nil, state.generation) }
            return (entry, state.generation)
        }
        let entry: Entry
        if let hit {
            entry = hit
        } else {
            entry = Entry(body: try await make(), contentType: contentType, storedAt: now)
            state.withLock { state in
                guard state.generation == generation else { return }
                if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
                state.entries[key] = entry
            }
        }
        return Response(
            status: .ok, headers: [.contentType: entry.contentType, .cacheControl: "no-cache"],
            body: .init(byteBuffer: entry.body))
    }

    func removeAll() {
        state.withLock {
            $0.entries.removeAll(keepingCapacity: true)
            $0.generation += 1
        }
    }
}

/// Empties the cache after every request that may have changed data.
struct CacheInvalidationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: ResponseCache

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        cache.removeAll()
        defer { cache.removeAll() }
        return try await next(request, context)
    }
}

import ChiTieuCore
import ChiTieuStore
import Hummingbird
import Synchronization

/// The most-read answers (a unit's overview as a page and as JSON), kept for a short while so
/// that a room of leaders refreshing a dashboard does not recompute every assessment.
///
/// Any change made through this server empties it at once. A change made behind its back (the
/// CLI on the same file, another server on the same database) shows within `lifetime`: an
/// entry older than that is served once more while one request recomputes it, so expiry never
/// makes every waiting request recompute at the same moment.
final class ResponseCache: Sendable {
    private struct Entry {
        let body: ByteBuffer
        let storedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Every unit by ID: each request checks its unit against the reader's scope.
        var units: (directory: UnitDirectory, storedAt: ContinuousClock.Instant)?
        /// A background refresh of expired units is under way: readers meanwhile start no other.
        var refreshingUnits = false
        /// Sessions by cookie token: a signed-in reader's every request needs one, and a
        /// database query for each would dominate a cached page.
        var sessions: [String: (session: SignedInSession?, storedAt: ContinuousClock.Instant)] = [:]
        var computing: [String: Task<ByteBuffer, any Error>] = [:]
        /// Bumped by every change, so an answer computed from data older than the change is
        /// not stored after it.
        var generation = 0
    }

    private enum Plan {
        case serve(ByteBuffer)
        case serveAndRefresh(ByteBuffer)
        case wait(Task<ByteBuffer, any Error>)
        case compute(generation: Int)
    }

    let lifetime: Duration
    let capacity: Int
    private let state = Mutex(State())
    /// When an entry expires under load, the requests that find it so wait for one database
    /// query instead of each making its own (64 readers at once queued on 4 connections).
    private let unitLoads = SingleFlight<UnitDirectory>()
    private let sessionLoads = SingleFlight<SignedInSession?>()

    /// The 14.000 units of the registry change rarely and take a while to read: kept longer.
    let unitLifetime: Duration

    init(lifetime: Duration = .seconds(2), unitLifetime: Duration = .seconds(30), capacity: Int = 4_096) {
        self.lifetime = lifetime
        self.unitLifetime = unitLifetime
        self.capacity = capacity
    }

    /// The cached answer for `key`, or `make`'s, stored for the next reader. Errors are not kept.
    func response(
        _ key: String, contentType: String, make: @escaping @Sendable () async throws -> ByteBuffer
    ) async throws -> Response {
        let body = try await body(key, make: make)
        return Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }

    private func body(_ key: String, make: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer
    {
        let now = ContinuousClock.now
        let plan = state.withLock { state -> Plan in
            if let entry = state.entries[key] {
                if now - entry.storedAt < lifetime || state.computing[key] != nil { return .serve(entry.body) }
                return .serveAndRefresh(entry.body)
            }
            if let task = state.computing[key] { return .wait(task) }
            return .compute(generation: state.generation)
        }
        switch plan {
        case .serve(let body):
            return body
        case .serveAndRefresh(let body):
            _ = start(key, make: make, generation: state.withLock { $0.generation })
            return body
        case .wait(let task):
            return try await task.value
        case .compute(let generation):
            return try await start(key, make: make, generation: generation).value
        }
    }

    /// One computation per key at a time; its answer is stored if nothing changed meanwhile.
    private func start(
        _ key: String, make: @escaping @Sendable () async throws -> ByteBuffer, generation: Int
    ) -> Task<ByteBuffer, any Error> {
        state.withLock { state in
            if let running = state.computing[key] { return running }
            let task = Task<ByteBuffer, any Error> {
                defer {
                    self.state.withLock { state in
                        if state.generation == generation { state.computing.removeValue(forKey: key) }
                    }
                }
                let body = try await make()
                self.state.withLock { state in
                    guard state.generation == generation else { return }
                    if state.entries.count >= self.capacity { state.entries.removeAll(keepingCapacity: true) }
                    state.entries[key] = Entry(body: body, storedAt: .now)
                }
                return body
            }
            state.computing[key] = task
            return task
        }
    }

    /// All units, from memory when nothing changed through this server since they were read.
    /// After `unitLifetime` the units read before are still served while one background load
    /// refreshes them: reading 14.000 units stalled every request for 240 ms when it happened
    /// on the request path (p99 of a signed-in reader 7 → 133 ms).
    func units(load: @escaping @Sendable () async throws -> UnitDirectory) async throws -> UnitDirectory {
        let now = ContinuousClock.now
        let (cached, refresh, generation) = state.withLock { state in
            let stale = state.units.map { now - $0.storedAt >= unitLifetime } ?? false
            let refresh = stale && !state.refreshingUnits
            if refresh { state.refreshingUnits = true }
            return (state.units?.directory, refresh, state.generation)
        }
        if let cached {
            if refresh {
                Task {
                    defer { self.state.withLock { $0.refreshingUnits = false } }
                    try? await self.reloadUnits(load: load, generation: generation)
                }
            }
            return cached
        }
        return try await reloadUnits(load: load, generation: generation)
    }

    @discardableResult
    private func reloadUnits(load: @escaping @Sendable () async throws -> UnitDirectory, generation: Int) async throws
        -> UnitDirectory
    {
        let started = ContinuousClock.now
        // Keyed by generation: a load begun before a change is not handed to a reader after it.
        let directory = try await unitLoads.value("\(generation)", load: load)
        state.withLock { state in
            if state.generation == generation, (state.units?.storedAt).map({ $0 < started }) ?? true {
                state.units = (directory, started)
            }
        }
        return directory
    }

    /// The session of a cookie token (or that there is none), from memory when looked up within
    /// `lifetime` and nothing changed since: signing out, a new password or a disabled account
    /// through this server takes effect at once, through another process within `lifetime`.
    func session(_ token: String, load: @escaping @Sendable () async throws -> SignedInSession?) async throws
        -> SignedInSession?
    {
        let now = ContinuousClock.now
        let (cached, generation) = state.withLock { state in
            (state.sessions[token].flatMap { now - $0.storedAt < lifetime ? $0 : nil }, state.generation)
        }
        if let cached { return cached.session }
        let session = try await sessionLoads.value(token, load: load)
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.sessions.count >= capacity { state.sessions.removeAll(keepingCapacity: true) }
            state.sessions[token] = (session, now)
        }
        return session
    }

    /// Forgets what may have changed. `keepingUnits`: the units stay (and the generation with
    /// them) — for a request that failed and so changed nothing; reading 14.000 units again
    /// for each of 200 wrong passwords held a signed-in reader for 1,7 s.
    func removeAll(keepingUnits: Bool = false) {
        state.withLock {
            $0.entries.removeAll(keepingCapacity: true)
            $0.sessions.removeAll(keepingCapacity: true)
            $0.computing.removeAll()
            if !keepingUnits {
                $0.units = nil
                $0.generation += 1
            }
        }
    }
}

/// Empties the cache before and after every request that may change data.
///
/// Signing in is not one: a wrong password writes only the attempt, a right one only a new
/// session (under a token no cache has seen). Emptying the cache for each of 200 guessed
/// passwords made every signed-in reader recompute their page meanwhile, queued behind the
/// burst (1,1 s instead of 0,2 ms).
struct CacheInvalidationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: ResponseCache
    private let changesNothingShown: Set<String> = [SiteURL.signIn.path()]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head, !changesNothingShown.contains(request.uri.path) else {
            return try await next(request, context)
        }
        cache.removeAll(keepingUnits: true)
        do {
            let response = try await next(request, context)
            cache.removeAll(keepingUnits: response.status.code >= 400)
            return response
        } catch {
            cache.removeAll(keepingUnits: true)
            throw error
        }
    }
}

/// One load per key at a time: who asks while it runs waits for its answer.
final class SingleFlight<Value: Sendable>: Sendable {
    private let running = Mutex<[String: Task<Value, any Error>]>([:])

    func value(_ key: String, load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = running.withLock { tasks in
            if let task = tasks[key] { return task }
            let task = Task { try await load() }
            tasks[key] = task
            return task
        }
        defer { running.withLock { tasks in if tasks[key] == task { tasks[key] = nil } } }
        return try await task.value
    }
}

extension AppServices {
    /// A unit's page or JSON answered from the response cache. Who may read the unit is
    /// checked on every request, before any cached answer is served.
    func cachedUnitAnswer(
        _ request: Request, context: AppRequestContext, contentType: String,
        make: @escaping @Sendable (AdministrativeUnit, RequestValues) async throws -> ByteBuffer
    ) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let key = context.identity.cacheKey + " " + request.uri.description
        return try await cache.response(key, contentType: contentType) { try await make(unit, values) }
    }
}

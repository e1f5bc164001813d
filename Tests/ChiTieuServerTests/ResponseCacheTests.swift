import Hummingbird
import Synchronization
import Testing

@testable import ChiTieuServer

@Suite("Response cache: one computation per key, nothing stale kept after a change")
struct ResponseCacheTests {
    final class Counter: Sendable {
        let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1; return $0
            }
        }
    }

    func body(_ response: Response) async throws -> String {
        var text = ""
        let writer = CollectingWriter()
        _ = try await response.body.write(writer)
        text = String(buffer: writer.buffer.withLock { $0 })
        return text
    }

    final class CollectingWriter: ResponseBodyWriter, Sendable {
        let buffer = Mutex(ByteBuffer())
        func write(_ chunk: ByteBuffer) async throws {
            buffer.withLock {
                var c = chunk; $0.writeBuffer(&c)
            }
        }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    /// A gate a computation waits at until the test opens it: no sleeps, no timing.
    final class Gate: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        init() { (stream, continuation) = AsyncStream<Void>.makeStream() }
        func open() { continuation.finish() }
        func wait() async { for await _ in stream {} }
    }

    @Test func concurrentReadersShareOneComputation() async throws {
        let cache = ResponseCache(lifetime: .seconds(60))
        let counter = Counter()
        let gate = Gate()
        let (arrived, arrival) = AsyncStream<Void>.makeStream()
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    arrival.yield()
                    return try await body(
                        cache.response("/a", contentType: "text/plain") {
                            // Held until all twenty readers have asked: each one that asks
                            // meanwhile must join this computation, not start its own.
                            await gate.wait()
                            return ByteBuffer(string: "lần \(counter.next())")
                        })
                }
            }
            var count = 0
            for await _ in arrived {
                count += 1
                if count == 20 { break }
            }
            gate.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies.count == 20)
        #expect(Set(bodies) == ["lần 1"])
        #expect(counter.value.withLock { $0 } == 1)
    }

    @Test func aChangeDuringAComputationIsNotHiddenByIt() async throws {
        let cache = ResponseCache(lifetime: .seconds(60))
        let counter = Counter()
        let gate = Gate()
        let (started, start) = AsyncStream<Void>.makeStream()
        let make: @Sendable () async throws -> ByteBuffer = {
            let n = counter.next()
            if n == 1 {
                start.yield()
                await gate.wait()
            }
            return ByteBuffer(string: "lần \(n)")
        }
        async let slow = cache.response("/a", contentType: "text/plain", make: make)
        for await _ in started { break }
        // A change lands while the first computation runs: its result must not be kept.
        cache.removeAll()
        gate.open()
        #expect(try await body(try await slow) == "lần 1")
        #expect(try await body(try await cache.response("/a", contentType: "text/plain", make: make)) == "lần 2")
        #expect(try await body(try await cache.response("/a", contentType: "text/plain", make: make)) == "lần 2")
    }
}

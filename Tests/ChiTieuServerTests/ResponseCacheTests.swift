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

    @Test func concurrentReadersShareOneComputation() async throws {
        let cache = ResponseCache(lifetime: .seconds(60))
        let counter = Counter()
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await body(
                        cache.response("/a", contentType: "text/plain") {
                            try await Task.sleep(for: .milliseconds(50))
                            return ByteBuffer(string: "lần \(counter.next())")
                        })
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(bodies) == ["lần 1"])
    }

    @Test func aChangeDuringAComputationIsNotHiddenByIt() async throws {
        let cache = ResponseCache(lifetime: .seconds(60))
        let counter = Counter()
        let make: @Sendable () async throws -> ByteBuffer = {
            let n = counter.next()
            try await Task.sleep(for: .milliseconds(n == 1 ? 100 : 1))
            return ByteBuffer(string: "lần \(n)")
        }
        async let slow = cache.response("/a", contentType: "text/plain", make: make)
        try await Task.sleep(for: .milliseconds(20))
        cache.removeAll()
        #expect(try await body(try await slow) == "lần 1")
        #expect(try await body(try await cache.response("/a", contentType: "text/plain", make: make)) == "lần 2")
        #expect(try await body(try await cache.response("/a", contentType: "text/plain", make: make)) == "lần 2")
    }
}

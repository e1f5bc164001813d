/// Lets one SQLite transaction of this process run at a time, waiting without a thread.
///
/// SQLite allows one writer; the others wait inside `busy_timeout`, each blocking a thread of
/// SQLiteNIO's small pool. With enough of them waiting, the writer holding the lock finds no
/// thread to run its `COMMIT` on, and everyone waits out the timeout (40 parallel sign-in
/// attempts ended in connection-pool time-outs). Queuing writers here, before they take a
/// connection, keeps the threads free; other processes are still kept apart by SQLite's lock.
actor WriterGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

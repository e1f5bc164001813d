import Dispatch
import Foundation
import Synchronization

/// Runs bcrypt off the cooperative pool, a few at a time. A check takes about a quarter of a
/// second of one core at cost 12; on the shared pool a burst of sign-ins made every signed-in
/// reader wait seconds. Here at most `workers` run at once, at most `waiting` more queue
/// behind them, and any further attempt is refused at once (the sign-in page answers 429).
final class PasswordCheckQueue: Sendable {
    struct Busy: Error {}

    private let queue = DispatchQueue(label: "chitieu.passwords", attributes: .concurrent)
    private let running: DispatchSemaphore
    private let admitted = Mutex(0)
    private let capacity: Int
    private let check: @Sendable (String, String) -> Bool
    /// A hash of the configured cost, checked for names that do not exist.
    let decoy: String

    /// `check` is bcrypt's verification; tests count its calls.
    init(
        passwords: Passwords, workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount / 2), waiting: Int = 8,
        check: (@Sendable (String, String) -> Bool)? = nil
    ) {
        self.check = check ?? { passwords.verify($0, hash: $1) }
        running = DispatchSemaphore(value: workers)
        capacity = workers + waiting
        decoy = passwords.decoyHash()
    }

    /// Whether `password` matches `hash`; with no hash (an unknown name) a decoy is checked
    /// and the answer is false, in the same time.
    func verify(_ password: String, hash: String?) async throws(Busy) -> Bool {
        let entered = admitted.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard entered else { throw Busy() }
        let (check, decoy, running) = (self.check, self.decoy, self.running)
        let matches = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            queue.async {
                running.wait()
                let matches = check(password, hash ?? decoy)
                running.signal()
                done.resume(returning: matches)
            }
        }
        admitted.withLock { $0 -= 1 }
        return hash != nil && matches
    }
}

import Synchronization

/// Keys of the words an extractor has met, shared by the texts it reads: Vietnamese has a
/// few thousand syllables, so after the first texts nearly every word's key is known and
/// need not be built again. Each text reads a snapshot and adds its new words at the end,
/// taking the lock twice per text, not once per word.
final class Vocabulary: Sendable {
    typealias Entry = (word: Word, traits: Traits, number: Double?, integer: Int?)

    private let known = Mutex(WordMap<Entry>())
    /// Beyond this many words (garbage input), new ones are no longer kept.
    private let limit = 100_000

    func snapshot() -> WordMap<Entry> { known.withLock { $0 } }

    func add(_ entries: WordMap<Entry>) {
        guard entries.count > 0 else { return }
        known.withLock { known in
            guard known.count < limit else { return }
            for (key, entry) in entries.entries where known[fingerprint: key] == nil { known[fingerprint: key] = entry }
        }
    }
}

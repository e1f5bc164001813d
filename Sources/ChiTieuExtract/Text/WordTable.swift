/// A table keyed by words' fingerprints, open addressing in a power-of-two array.
///
/// Written by hand because `Dictionary` and `Set` hash every key with SipHash through
/// `Hasher`: the extractor looks words up a few million times per second, and that hashing
/// was a tenth of `chitieu extract`'s time. A fingerprint is already a hash; one multiply
/// spreads it over the slots.
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var slots: [UInt64]
    private var values: [Value?]
    private(set) var count = 0

    init() {
        slots = Array(repeating: 0, count: 16)
        values = Array(repeating: nil, count: 16)
    }

    init(dictionaryLiteral elements: (Word, Value)...) {
        self.init()
        for (word, value) in elements { self[word] = value }
    }

    subscript(word: Word) -> Value? {
        get { self[fingerprint: word.fingerprint] }
        set { self[fingerprint: word.fingerprint] = newValue }
    }

    subscript(word: Word, default value: @autoclosure () -> Value) -> Value {
        get { self[word] ?? value() }
        set { self[word] = newValue }
    }

    /// By a raw 64-bit key (the tokenizer's fingerprint of a spelling).
    subscript(fingerprint key: UInt64) -> Value? {
        get {
            var i = index(key)
            while let value = values[i] {
                if slots[i] == key { return value }
                i = (i + 1) & (slots.count - 1)
            }
            return nil
        }
        set {
            // Tables only grow: a word's entry is never removed, only replaced.
            guard let newValue else { return }
            if 2 * (count + 1) > slots.count { grow() }
            var i = index(key)
            while values[i] != nil {
                if slots[i] == key {
                    values[i] = newValue
                    return
                }
                i = (i + 1) & (slots.count - 1)
            }
            slots[i] = key
            values[i] = newValue
            count += 1
        }
    }

    /// Every key with its value, in no particular order.
    var entries: [(key: UInt64, value: Value)] {
        zip(slots, values).compactMap { key, value in value.map { (key, $0) } }
    }

    /// The words that have a value.
    var words: [Word] { entries.map { Word(fingerprint: $0.key) } }

    private func index(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.count.trailingZeroBitCount))
    }

    private mutating func grow() {
        let old = entries
        slots = Array(repeating: 0, count: 2 * slots.count)
        values = Array(repeating: nil, count: slots.count)
        count = 0
        for (key, value) in old { self[fingerprint: key] = value }
    }
}

/// A set of words on `WordMap`.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var map = WordMap<Bool>()

    init(_ words: some Sequence<Word>) {
        for word in words { insert(word) }
    }

    init(arrayLiteral words: Word...) { self.init(words) }

    func contains(_ word: Word) -> Bool { map[word] != nil }

    mutating func insert(_ word: Word) { map[word] = true }

    var count: Int { map.count }

    func makeIterator() -> IndexingIterator<[Word]> {
        map.words.makeIterator()
    }
}

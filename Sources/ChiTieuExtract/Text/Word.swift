/// A token's key. Keys are NFC already, so they are identified by a 64-bit FNV fingerprint
/// of their UTF-8 bytes: comparing two keys or looking one up in a table costs one integer,
/// without the normalisation checks `String`'s `==` and hashing make on every call. Among
/// the few thousand distinct words of a corpus, two fingerprints collide with odds below 1
/// in 10^11. Literals in code are static strings, fingerprinted straight from their bytes.
/// Extraction compares keys millions of times per second.
struct Word: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    private enum Spelling: Sendable {
        case text(String)
        case literal(StaticString)
    }

    private let spelling: Spelling
    private let fingerprint: UInt64

    init(_ text: String) {
        spelling = .text(text)
        var h = Self.basis
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* Self.prime }
        fingerprint = h
    }

    init(stringLiteral value: StaticString) {
        spelling = .literal(value)
        var h = Self.basis
        value.withUTF8Buffer { bytes in
            for byte in bytes { h = (h ^ UInt64(byte)) &* Self.prime }
        }
        fingerprint = h
    }

    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    var text: String {
        switch spelling {
        case .text(let text): text
        case .literal(let literal): literal.description
        }
    }

    var description: String { text }

    static func == (a: Word, b: Word) -> Bool { a.fingerprint == b.fingerprint }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }
}

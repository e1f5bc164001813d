/// A token's key, as a 64-bit FNV fingerprint of its UTF-8 bytes (keys are NFC already).
///
/// Comparing two keys or looking one up in a table costs one integer, without the
/// normalisation checks `String`'s `==` and hashing make on every call; and a token holding
/// only numbers copies without reference counting. Among the few thousand distinct words
/// of a corpus, two fingerprints collide with odds below 1 in 10^11. The text of a token's
/// key is kept beside the tokens (`TextSource.keys`). Extraction compares keys millions of
/// times per second.
struct Word: Hashable, Sendable, ExpressibleByStringLiteral {
    let fingerprint: UInt64

    init(fingerprint: UInt64) { self.fingerprint = fingerprint }

    init(_ text: String) {
        var h = Self.basis
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* Self.prime }
        fingerprint = h
    }

    /// Literals are static strings, fingerprinted straight from their bytes.
    init(stringLiteral value: StaticString) {
        var h = Self.basis
        value.withUTF8Buffer { bytes in
            for byte in bytes { h = (h ^ UInt64(byte)) &* Self.prime }
        }
        fingerprint = h
    }

    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3
}

import ChiTieuCore
import Foundation

/// A document's text as NFC Unicode scalars, its tokens and its sentences.
///
/// Spans everywhere in extraction are offsets into these scalars: the code points of the
/// text in NFC, as Python's `unicodedata.normalize("NFC", text)[start:end]` reads them.
struct TextSource: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// The text of each token's key: lower-case, one tone-mark placement.
    var keys: TokenKeys { TokenKeys(scalars: scalars, tokens: tokens) }
    let sentences: [Sentence]

    init(_ text: String, vocabulary: Vocabulary = Vocabulary()) {
        scalars = Self.normalised(text)
        tokens = Tokenizer(scalars, vocabulary: vocabulary).tokens()
        sentences = SentenceSplitter(tokens: tokens).sentences()
    }

    func text(_ range: Range<Int>) -> String {
        VietnameseLetters.string(Array(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
    }

    func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }

    /// NFC when the text has combining marks; spaces of every kind become plain spaces.
    private static func normalised(_ text: String) -> [Unicode.Scalar] {
        let scalars = spaced(text)
        let decomposed = scalars.contains { $0.value >= 0x300 && $0.value <= 0x36F }
        return decomposed ? spaced(text.precomposedStringWithCanonicalMapping) : scalars
    }

    private static func spaced(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            // Odd spaces become plain ones, one for one, so offsets stay those of the NFC text.
            case 0xA0, 0x2000...0x200D, 0x202F, 0x205F, 0x3000, 0xFEFF: out.append(" ")
            default: out.append(scalar)
            }
        }
        return out
    }
}

/// The text of tokens' keys, made when asked: only names and units need it, and keeping a
/// string per token cost the tokenizer a reference count each.
struct TokenKeys: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]

    /// As the tokenizer keys it: words lower-cased with one tone-mark placement, the rest as written.
    subscript(i: Int) -> String {
        let t = tokens[i]
        let text = scalars[t.start..<t.end]
        return t.kind == .word ? NameKey.word(text) : VietnameseLetters.string(Array(text))
    }

    subscript(range: Range<Int>) -> [String] { range.map { self[$0] } }
}

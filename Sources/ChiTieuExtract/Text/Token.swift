/// A word, a number or a punctuation mark of a document.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case word
        case number
        case punct
    }

    var kind: Kind
    /// Offsets in the document's Unicode scalars (NFC), end excluded.
    var start: Int
    var end: Int
    /// Lower-case with one tone-mark placement for words (`hoà` → `hòa`); the digits as
    /// written for numbers; the mark itself for punctuation.
    var key: Word
    /// Whether white space (or the start of the text) comes right before it.
    var spaceBefore: Bool
    /// Line breaks right before it: a new line is a new paragraph in these texts.
    var newlineBefore: Bool
    /// Whether a word starts with a capital letter.
    var capitalized: Bool
    /// The value of a number token in Vietnamese notation, read once.
    var number: Double? = nil
    /// A whole number written without separators ("2024", "18").
    var integer: Int? = nil
    /// What patterns the word can start.
    var traits: Traits = []

    func has(_ trait: Traits) -> Bool { traits.contains(trait) }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func isPunct(_ mark: Word) -> Bool { kind == .punct && key == mark }
}

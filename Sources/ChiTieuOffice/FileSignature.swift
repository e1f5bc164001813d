/// What a file's first bytes say it is, whatever its name: each door (import, extract, the
/// upload pages) asks this before choosing a reader.
public enum FileSignature: Equatable, Sendable {
    /// A zip: Word .docx, Excel .xlsx (or any zip, which the readers then refuse).
    case zip
    /// An OLE compound file: .xls, .doc, or an Office file with a password.
    case compound
    case pdf
    case other

    public init(_ bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(5))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            self = .compound
        } else if head.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else {
            self = .other
        }
    }
}

/// Whether a file's bytes are plain text. A Word, Excel or PDF file read as text gives
/// garbage that the extractor still finds "figures" in; such a file is refused by name.
public enum PlainText {
    /// Why `bytes` are not a text to read, or nil when they are.
    public static func problem(_ bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return "là tệp nén (Word .docx, Excel .xlsx hoặc .zip), không phải văn bản .txt"
        }
        if head.starts(with: Array("%PDF".utf8)) { return "là tệp PDF, không phải văn bản .txt" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "là tệp Word/Excel đời cũ (.doc/.xls), không phải văn bản .txt"
        }
        if head.starts(with: Array("{\\rtf".utf8)) { return "là tệp RTF, không phải văn bản .txt" }
        let window = bytes.prefix(65_536)
        // Through the contiguous buffer when there is one: `Data`'s iterator costs as much as reading the file.
        if window.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? window.contains(0) {
            return "có byte 0: đây là tệp nhị phân, không phải văn bản .txt"
        }
        return nil
    }
}

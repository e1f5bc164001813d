import ChiTieuCore
import Foundation
import ZIPFoundation

/// Office files are zip archives of XML parts: this writes one in memory.
struct ZipPackage {
    private var parts: [(path: String, content: String)] = []

    mutating func add(_ path: String, _ content: String) {
        parts.append((path, content))
    }

    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let bytes = Data(part.content.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw ReportError.packaging }
        return data
    }
}

public enum ReportError: UserFacingError {
    case packaging

    public var message: String { "Không đóng gói được tệp Office (lỗi nén)." }
}

/// Text made safe for XML content and attributes.
func xml(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
            // Control characters are not allowed in XML 1.0.
            if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

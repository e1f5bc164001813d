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

/// The XML that every Office package carries: content types and relationships.
enum OfficeXML {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// `[Content_Types].xml` with an override for each part: (path, content type).
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map {
                "<Override PartName=\"\($0.part)\" ContentType=\"application/vnd.openxmlformats-officedocument.\($0.type)+xml\"/>"
            }
            .joined() + "</Types>"
    }

    /// A relationships part: (kind, target) numbered rId1, rId2, …
    static func relationships(_ targets: [(kind: String, target: String)]) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + targets.enumerated().map { n, r in
                "<Relationship Id=\"rId\(n + 1)\" Type=\"\(relationshipTypes)\(r.kind)\" Target=\"\(r.target)\"/>"
            }.joined() + "</Relationships>"
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

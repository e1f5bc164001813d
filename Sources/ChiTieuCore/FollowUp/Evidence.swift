import Foundation

/// A file attached to a task's progress note as its evidence: the signed report, the decision,
/// a photo of the finished work. Only the kinds an office files are taken, and a file must be
/// what its name says (a `.pdf` that starts with «%PDF»): the file is served back to other
/// people, so a page or a program renamed `.pdf` is refused at the door.
public struct Evidence: Sendable, Equatable {
    public var name: String
    public var kind: Kind
    /// Bytes.
    public var size: Int

    public init(name: String, kind: Kind, size: Int) {
        self.name = name
        self.kind = kind
        self.size = size
    }

    /// 5 MB: a scanned signed report of a few pages.
    public static let maximumSize = 5 * 1024 * 1024

    public enum Kind: String, Sendable, CaseIterable {
        case pdf, docx, xlsx, odt, ods, doc, xls, jpeg, png

        public var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            case .doc: "application/msword"
            case .xls: "application/vnd.ms-excel"
            case .jpeg: "image/jpeg"
            case .png: "image/png"
            }
        }

        var extensions: [String] { self == .jpeg ? ["jpg", "jpeg"] : [rawValue] }

        /// The first bytes every file of the kind starts with.
        var signature: [UInt8] {
            switch self {
            case .pdf: Array("%PDF".utf8)
            case .docx, .xlsx, .odt, .ods: [0x50, 0x4B, 0x03, 0x04]
            case .doc, .xls: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            case .jpeg: [0xFF, 0xD8, 0xFF]
            case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            }
        }

        static func of(fileName: String) -> Kind? {
            let ext = (fileName as NSString).pathExtension.lowercased()
            return allCases.first { $0.extensions.contains(ext) }
        }
    }

    /// The evidence of an uploaded file, or why it is refused.
    public static func check(name raw: String, bytes: [UInt8]) throws(EvidenceError) -> Evidence {
        let name = Self.cleanName(raw)
        guard !bytes.isEmpty else { throw .empty(name) }
        guard bytes.count <= maximumSize else { throw .tooLarge(name, bytes.count) }
        guard let kind = Kind.of(fileName: name) else { throw .kindNotTaken(name) }
        guard bytes.starts(with: kind.signature) else { throw .notWhatItsNameSays(name, kind) }
        return Evidence(name: name, kind: kind, size: bytes.count)
    }

    /// The last part of the path a browser sent, in NFC, without control characters, at most
    /// 120 characters (the extension kept).
    static func cleanName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            last.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.value >= 0x20 && $0.value != 0x7F && $0 != "\""
            }
        )
        .trimmingCharacters(in: .whitespaces)
        guard clean.count > 120 else { return clean.isEmpty ? "tep-dinh-kem" : clean }
        let ext = (clean as NSString).pathExtension
        return String(clean.prefix(118 - ext.count)) + "…." + ext
    }

    /// «Báo cáo số 12.pdf (PDF, 245 KB)».
    public var label: String {
        let kb = max(1, (size + 512) / 1024)
        let shown =
            kb >= 1024 ? VietnameseNumberFormat(maximumFractionDigits: 1).string(Double(kb) / 1024) + " MB" : "\(kb) KB"
        return "\(name) (\(kind.rawValue.uppercased()), \(shown))"
    }
}

public enum EvidenceError: UserFacingError, Equatable {
    case empty(String)
    case tooLarge(String, Int)
    case kindNotTaken(String)
    case notWhatItsNameSays(String, Evidence.Kind)

    public var message: String {
        switch self {
        case .empty(let name): "Tệp «\(name)» trống."
        case .tooLarge(let name, _): "Tệp «\(name)» lớn quá 5 MB; hãy nén hoặc chia nhỏ bản quét."
        case .kindNotTaken(let name):
            "Tệp «\(name)» không nhận: chỉ nhận PDF, Word (.docx, .doc), Excel (.xlsx, .xls), OpenDocument (.odt, .ods) và ảnh JPEG, PNG."
        case .notWhatItsNameSays(let name, let kind):
            "Tệp «\(name)» không phải tệp \(kind.rawValue.uppercased()) như tên của nó: không nhận."
        }
    }
}

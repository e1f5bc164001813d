import ChiTieuCore
import Foundation
import ZIPFoundation

/// An Office file (a zip of XML parts) opened for reading, with its parts' sizes bounded: a
/// 50 MB workbook may hold a few hundred MB of XML, a crafted one far more ("zip bomb").
struct OfficePackage {
    /// The most one part may hold once unpacked.
    static let partLimit = 512 * 1024 * 1024

    private let archive: Archive
    let fileName: String

    init(_ data: Data, fileName: String) throws(OfficeFileError) {
        self.fileName = fileName
        switch FileSignature(data) {
        case .compound: throw .compoundFile(fileName)
        case .zip: break
        default: throw .notAnOfficeFile(fileName)
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAnOfficeFile(fileName)
        }
    }

    /// The bytes of `path` ("xl/workbook.xml"), or nil when the package has no such part.
    func part(_ path: String) throws(OfficeFileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= Self.partLimit else { throw OfficeFileError.tooLarge(fileName, path) }
                data.append(chunk)
            }
        } catch let error as OfficeFileError {
            throw error
        } catch {
            throw .damaged(fileName, "phần \(path) không giải nén được")
        }
        return data
    }

    /// `path` as XML, required.
    func requiredPart(_ path: String) throws(OfficeFileError) -> Data {
        guard let data = try part(path) else { throw .damaged(fileName, "thiếu phần \(path)") }
        return data
    }
}

/// What is wrong with a file handed in as Word or Excel, said so that the clerk knows what to do.
public enum OfficeFileError: UserFacingError, Equatable {
    /// An OLE compound file: an Excel 97–2003 `.xls`, a `.doc`, or an encrypted (password) file.
    case compoundFile(String)
    case notAnOfficeFile(String)
    case damaged(String, String)
    case tooLarge(String, String)
    case noSheet(String, String)
    case notAPDF(String)
    /// A PDF with no text layer: a scanned page.
    case scannedPDF(String)
    /// A program chitieu reads a format through is not installed.
    case missingTool(String, package: String)

    public var message: String {
        switch self {
        case .compoundFile(let name):
            "Tệp «\(name)» là sổ Excel/Word kiểu cũ (.xls, .doc) hoặc đã đặt mật khẩu: chitieu chưa đọc được. "
                + "Hãy mở tệp, bỏ mật khẩu nếu có, rồi «Lưu thành» sổ Excel (.xlsx) hoặc văn bản Word (.docx)."
        case .notAnOfficeFile(let name):
            "Tệp «\(name)» không phải sổ Excel (.xlsx) hay văn bản Word (.docx): không mở được như tệp nén Office."
        case .damaged(let name, let what):
            "Tệp «\(name)» bị hỏng: \(what)."
        case .tooLarge(let name, let part):
            "Tệp «\(name)» quá lớn khi giải nén (phần \(part) vượt \(OfficePackage.partLimit / 1024 / 1024) MB)."
        case .noSheet(let name, let sheet):
            "Sổ «\(name)» không có trang tính «\(sheet)»."
        case .notAPDF(let name):
            "Tệp «\(name)» không phải tệp PDF."
        case .scannedPDF(let name):
            "Tệp «\(name)» là bản quét (PDF không có lớp chữ): chitieu chưa nhận dạng chữ từ ảnh. Hãy dùng bản Word hoặc PDF xuất từ Word."
        case .missingTool(let tool, let package):
            "Đọc tệp này cần chương trình \(tool) (gói \(package)), máy chủ chưa cài: apt-get install \(package)."
        }
    }
}

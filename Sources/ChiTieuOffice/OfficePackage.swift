import ChiTieuCore
import Foundation
import ZIPFoundation

/// An Office file (a zip of XML parts) opened for reading, with its parts' sizes bounded: a
/// 50 MB workbook may hold a few hundred MB of XML, a crafted one far more ("zip bomb").
struct OfficePackage {
    /// The most one part may hold once unpacked: a sheet of `Workbook.cellLimit` cells is
    /// about 50 MB of XML; a part is held whole while it is parsed.
    static let partLimit = 128 * 1024 * 1024

    private let archive: Archive
    let fileName: String

    /// The package in `data`; an Excel or Word 97–2003 file is first converted to `kind`.
    init(_ data: Data, fileName: String, legacy kind: LegacyOfficeFile.Kind) throws(OfficeFileError) {
        self.fileName = fileName
        var data = data
        switch FileSignature(data) {
        case .compound: data = try LegacyOfficeFile.converted(data, fileName: fileName, to: kind)
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
    /// An Excel 97–2003 `.xls` or a Word `.doc` (the extension given), with no LibreOffice to convert it.
    case legacyFormat(String, String)
    /// A file saved with a password: Office encrypts the whole package.
    case passwordProtected(String)
    case notAnOfficeFile(String)
    case damaged(String, String)
    case tooLarge(String, String)
    case noSheet(String, String)
    /// More cells than `Workbook.cellLimit`.
    case tooManyCells(String, Int)
    case notAPDF(String)
    /// A PDF with no text layer: a scanned page.
    case scannedPDF(String)
    /// A program chitieu reads a format through is not installed.
    case missingTool(String, package: String)

    public var message: String {
        switch self {
        case .legacyFormat(let name, let ext):
            "Tệp «\(name)» là \(ext == "xls" ? "sổ Excel" : "văn bản Word") kiểu cũ (.\(ext)): chitieu đọc kiểu này qua "
                + "LibreOffice, máy chủ chưa cài (apt-get install \(ExternalTool.libreOffice.package)). "
                + "Hoặc mở tệp rồi «Lưu thành» \(ext == "xls" ? "sổ Excel (.xlsx)" : "văn bản Word (.docx)")."
        case .passwordProtected(let name):
            "Tệp «\(name)» đã đặt mật khẩu nên không đọc được. Hãy mở tệp, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ) rồi lưu lại."
        case .notAnOfficeFile(let name):
            "Tệp «\(name)» không phải sổ Excel (.xlsx) hay văn bản Word (.docx): không mở được như tệp nén Office."
        case .damaged(let name, let what):
            "Tệp «\(name)» bị hỏng: \(what)."
        case .tooLarge(let name, let part):
            "Tệp «\(name)» quá lớn khi giải nén (phần \(part) vượt \(OfficePackage.partLimit / 1024 / 1024) MB)."
        case .tooManyCells(let name, let limit):
            "Sổ «\(name)» có hơn \(VietnameseNumberFormat.standard.string(Double(limit))) ô có dữ liệu: quá lớn để đọc một lần. "
                + "Hãy chia thành nhiều sổ, hoặc lưu trang tính thành tệp CSV để nhập."
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

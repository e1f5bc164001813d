import Foundation

/// An Excel 97–2003 workbook (.xls) or Word 97–2003 document (.doc): an OLE compound file,
/// converted to its Office Open XML twin by LibreOffice when it is installed. The package set
/// has no reader of the binary formats, and offices still keep old sổ in them.
///
/// A file saved with a password is a compound file too (the encrypted package inside one): it
/// is told apart by its streams' names, and refused without starting LibreOffice.
enum LegacyOfficeFile {
    enum Kind: String {
        case workbook = "xlsx"
        case document = "docx"

        var legacyExtension: String { self == .workbook ? "xls" : "doc" }
    }

    /// LibreOffice starts in a few seconds; a big .xls converts in well under a minute.
    static let limit: TimeInterval = 180

    static func converted(
        _ data: Data, fileName: String, to kind: Kind, with tool: ExternalTool = .libreOffice
    ) throws(OfficeFileError) -> Data {
        if isEncrypted(data) { throw .passwordProtected(fileName) }
        guard tool.path != nil else { throw .legacyFormat(fileName, kind.legacyExtension) }
        do {
            let scratch = try ScratchFolder("convert")
            defer { scratch.remove() }
            // LibreOffice names a sheet it cannot name otherwise after the file
            let stem = Self.stem(fileName)
            let input = scratch.file("\(stem).\(kind.legacyExtension)")
            try data.write(to: input)
            // a profile of its own: LibreOffice refuses to start beside another one on the same profile
            let status = try tool.run(
                [
                    "-env:UserInstallation=\(scratch.file("profile").absoluteString)", "--headless", "--norestore",
                    "--convert-to", kind.rawValue, "--outdir", scratch.file("out").path, input.path,
                ], limit: limit)
            let output = scratch.file("out").appendingPathComponent("\(stem).\(kind.rawValue)")
            guard status == 0, let converted = try? Data(contentsOf: output), !converted.isEmpty else {
                throw OfficeFileError.damaged(
                    fileName,
                    status == nil
                        ? "LibreOffice chuyển tệp quá \(Int(limit)) giây"
                        : "LibreOffice không chuyển được tệp (tệp hỏng, đặt mật khẩu, hoặc không phải sổ Excel/văn bản Word)"
                )
            }
            return converted
        } catch let error as OfficeFileError {
            throw error
        } catch {
            throw .damaged(fileName, "không chuyển được (\(error.localizedDescription))")
        }
    }

    /// «Biểu 01/2024.xls» → «Biểu 01-2024»: the name without its extension, safe as a file name.
    static func stem(_ fileName: String) -> String {
        let base = (fileName as NSString).lastPathComponent
        let name = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        let safe = String(name.map { $0.isLetter || $0.isNumber || " -_".contains($0) ? $0 : "-" }.prefix(80))
        return safe.trimmingCharacters(in: .whitespaces).isEmpty ? "tep" : safe
    }

    /// Whether the compound file holds an encrypted Office package: its directory names the
    /// streams «EncryptionInfo» and «EncryptedPackage» (in UTF-16, as every name there).
    static func isEncrypted(_ data: Data) -> Bool {
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: name) != nil
    }
}

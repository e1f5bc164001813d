import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation
import Hummingbird

/// A review report or table as a file to download, in one of the formats `chitieu report` writes.
struct ReportFile {
    enum Format: String, CaseIterable {
        case text = "txt"
        case html
        case docx
        case xlsx
        case csv

        var contentType: String {
            switch self {
            case .text: "text/plain; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .csv: "text/csv; charset=utf-8"
            }
        }

        /// Also accepts `text` for `txt`, as the CLI names it.
        init(name: String) throws {
            guard let format = Format(rawValue: name == "text" ? "txt" : name) else {
                throw APIError.badRequest(
                    "Định dạng «\(name)» không có; dùng txt, html, docx, xlsx hoặc csv.", field: "format")
            }
            self = format
        }
    }

    let material: ReviewMaterial
    let format: Format

    /// `bao-cao-huyen-kong-chro-9-thang-2024.docx`: ASCII, so every browser keeps it.
    var filename: String {
        let words = "bao cao \(material.unit.title) \(material.period.toMonth) thang \(material.period.year)"
        let slug = NameKey(words).folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        return "\(slug).\(format.rawValue)"
    }

    func data() throws -> Data {
        let report = NarrativeWriter().write(material)
        let table = ReportTable(material)
        return switch format {
        case .text: Data(report.text.utf8)
        case .html: Data(PrintableHTML().page(report, table: table).utf8)
        case .docx: try DOCXWriter().document(report, appendix: table)
        case .xlsx: try XLSXWriter().workbook(table)
        case .csv: Data(try table.csv().utf8)
        }
    }

    /// The file as a response; the printable HTML opens in the browser, the others download.
    func response() throws -> Response {
        var headers: HTTPFields = [.contentType: format.contentType]
        if format == .html {
            // The printable page carries its own stylesheet and nothing else.
            headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.printablePolicy
        } else {
            headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try data())))
    }
}

import ChiTieuCore

/// The report as a page a browser prints to PDF: A4, Times New Roman 14 pt, margins of an
/// administrative document (left 30 mm, right 15 mm, top and bottom 20 mm), the issuing body
/// and the motto side by side, then the narrative and the table of targets.
public struct PrintableHTML: Sendable {
    public init() {}

    public func page(_ report: ReviewReport, table: ReportTable? = nil) -> String {
        var body = "<table class=\"heading\"><tr><td>"
        body += report.issuer.map { "<div><b>\(htmlEscaped($0))</b></div>" }.joined()
        body += "<div class=\"star\">*</div></td><td><b><u>\(htmlEscaped(report.motto))</u></b></td></tr></table>"
        body += "<h1>\(htmlEscaped(report.title))</h1><h2>\(htmlEscaped(report.subtitle))</h2>"
        for section in report.sections {
            if let heading = section.heading { body += "<h3>\(htmlEscaped(heading))</h3>" }
            body += section.paragraphs.map { "<p>\(htmlEscaped($0))</p>" }.joined()
        }
        if let table, !table.rows.isEmpty {
            body += "<h3>Phụ lục: \(htmlEscaped(table.title))</h3><table class=\"data\"><thead><tr>"
            body += table.columns.map { "<th>\(htmlEscaped($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in table.rows {
                body +=
                    "<tr>"
                    + row.map { cell in
                        let numeric: Bool = if case .text = cell { false } else { true }
                        return "<td\(numeric ? " class=\"n\"" : "")>\(htmlEscaped(ReportTable.display(cell)))</td>"
                    }.joined() + "</tr>"
            }
            body += "</tbody></table>"
        }
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(htmlEscaped(report.title)) \(htmlEscaped(report.subtitle))</title>
            <style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4; max-width: 165mm; margin: 0 auto; color: #000; }
            table.heading { width: 100%; border-collapse: collapse; text-align: center; font-size: 13pt; }
            table.heading td { width: 50%; vertical-align: top; }
            .star { margin-top: 0.1em; }
            h1 { font-size: 14pt; text-align: center; margin: 1.2em 0 0; }
            h2 { font-size: 14pt; text-align: center; margin: 0 0 1em; }
            h3 { font-size: 14pt; margin: 0.8em 0 0.3em; }
            p { text-align: justify; text-indent: 1cm; margin: 0 0 0.4em; }
            table.data { width: 100%; border-collapse: collapse; font-size: 11pt; margin-top: 0.5em; }
            table.data th, table.data td { border: 1px solid #000; padding: 2px 4px; }
            table.data td.n { text-align: right; white-space: nowrap; }
            @media print { h3 { page-break-after: avoid; } table.data tr { page-break-inside: avoid; } }
            </style></head>
            <body>\(body)</body></html>
            """
    }
}

/// Text made safe for HTML.
public func htmlEscaped(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

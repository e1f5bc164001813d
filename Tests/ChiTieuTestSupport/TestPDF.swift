import Foundation

/// A one-page PDF with `text` in Helvetica (ASCII only), or with no text at all — the shape of
/// a scanned page — written out with its cross-reference table as PDF 1.4 asks.
public enum TestPDF {
    public static func make(text: String?) -> Data {
        let stream = text.map { "BT /F1 12 Tf 72 760 Td (\($0)) Tj ET" } ?? ""
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (n, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(n + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        out += offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

import Foundation

/// The text of a PDF file, laid out by poppler's `pdftotext -layout` (Debian's poppler-utils):
/// the package set has no PDF reader, and a text layer is what offices' exported reports have.
public enum PDFText {
    public static func read(_ data: Data, fileName: String) throws(OfficeFileError) -> String {
        guard FileSignature(data) == .pdf else { throw .notAPDF(fileName) }
        let tool = ExternalTool.pdftotext
        guard tool.path != nil else { throw .missingTool(tool.name, package: tool.package) }
        do {
            let scratch = try ScratchFolder("pdf")
            defer { scratch.remove() }
            let (input, output) = (scratch.file("in.pdf"), scratch.file("out.txt"))
            try data.write(to: input)
            let status = try tool.run(["-layout", "-enc", "UTF-8", "-q", input.path, output.path], limit: 120)
            guard status == 0 else {
                // pdftotext exits 1 for a damaged file, 3 for a password it does not have
                throw status == 3
                    ? OfficeFileError.passwordProtected(fileName)
                    : OfficeFileError.damaged(
                        fileName, status == nil ? "pdftotext đọc quá 120 giây" : "pdftotext không đọc được tệp")
            }
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
                .replacingOccurrences(of: "\u{0C}", with: "\n")
            guard text.contains(where: { $0.isLetter }) else { throw OfficeFileError.scannedPDF(fileName) }
            return unwrapped(text.precomposedStringWithCanonicalMapping)
        } catch let error as OfficeFileError {
            throw error
        } catch {
            throw .damaged(fileName, "không đọc được (\(error.localizedDescription))")
        }
    }

    /// The page's lines joined back into paragraphs: «bằng 71,08% kế» / «hoạch, tăng …» is one
    /// sentence that the page broke. A line ending a sentence (. : ; ! ?), a blank line, and a
    /// table's line (a run of three spaces between its columns) keep their line breaks.
    static func unwrapped(_ text: String) -> String {
        var out = ""
        var open = false  // the last line written continues on the next
        var heading = false  // the last line written is in capitals
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let capitals = line.contains(where: \.isLetter) && !line.contains(where: \.isLowercase)
            // a title in capitals ends where the body in ordinary case begins
            if heading && !capitals { open = false }
            let tabular = raw.contains("   ") && raw.trimmingCharacters(in: .whitespaces).contains("   ")
            if line.isEmpty {
                if !out.isEmpty, !out.hasSuffix("\n\n") { out += out.hasSuffix("\n") ? "\n" : "\n\n" }
                open = false
                heading = false
                continue
            }
            if open && !tabular { out += " " } else if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
            out += tabular ? String(raw) : line
            open = !tabular && !".:;!?".contains(line.last!)
            heading = capitals
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Text cells written to CSV for Excel and LibreOffice. A cell that starts with `=`, `+`,
/// `-` or `@` is run as a formula when the file is opened: a plan issuer typed as
/// `=HYPERLINK("http://…")` would become a live link in every office's copy. Such text gets
/// a leading apostrophe, which both programs show as text; numbers (`-3,5`) stay numbers,
/// and `chitieu import` takes the apostrophe off again.
public enum SpreadsheetCell {
    private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    public static func neutralised(_ text: String) -> String {
        // Text that itself starts with apostrophes before a trigger ("'-22") gets one more, so
        // that `restored` gives back exactly what was written.
        if text.hasPrefix("'") { return startsWithTrigger(text.drop { $0 == "'" }) ? "'" + text : text }
        // A lone "-" (no figure) is no formula and stays as offices write it.
        guard text.count > 1, startsWithTrigger(Substring(text)), !isNumber(text) else { return text }
        return "'" + text
    }

    /// The text as it was before `neutralised`.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), startsWithTrigger(cell.drop { $0 == "'" }) else { return cell }
        return String(cell.dropFirst())
    }

    private static func startsWithTrigger(_ text: Substring) -> Bool {
        text.first.map(triggers.contains) ?? false
    }

    private static func isNumber(_ text: String) -> Bool {
        let bare = text.hasSuffix("%") ? String(text.dropLast()) : text
        return QualifiedNumber.parse(bare) != nil
    }
}

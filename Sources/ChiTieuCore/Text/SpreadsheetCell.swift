/// Text cells written to CSV for Excel and LibreOffice. A cell that starts with `=`, `+`,
/// `-` or `@` is run as a formula when the file is opened: a plan issuer typed as
/// `=HYPERLINK("http://…")` would become a live link in every office's copy. Such text gets
/// a leading apostrophe, which both programs show as text; numbers (`-3,5`) stay numbers,
/// and `chitieu import` takes the apostrophe off again.
public enum SpreadsheetCell {
    private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    public static func neutralised(_ text: String) -> String {
        // A lone "-" (no figure) is no formula and stays as offices write it.
        guard text.count > 1, let first = text.first, triggers.contains(first), !isNumber(text) else { return text }
        return "'" + text
    }

    /// The text as it was before `neutralised`.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, triggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    private static func isNumber(_ text: String) -> Bool {
        let bare = text.hasSuffix("%") ? String(text.dropLast()) : text
        return QualifiedNumber.parse(bare) != nil
    }
}

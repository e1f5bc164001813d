import ChiTieuCore

/// Adding an office's own indicator, or changing one: decided from the stored catalogue
/// (read inside the writing transaction), so two people adding "Tỷ lệ hộ dùng nước sạch" at
/// once get one indicator and one error.
public struct IndicatorEdit: Sendable {
    let indicator: Indicator
    let isNew: Bool
    let audit: AuditEntry
    /// Where a new indicator goes in the catalogue's order: after every other.
    let position: Int

    /// `code` nil: a new indicator; else the own indicator to change.
    init(_ draft: IndicatorDraft, code: String?, catalogue: [Indicator]) throws {
        let existing = code.flatMap { c in catalogue.first { $0.code == c } }
        if let code {
            guard let existing else { throw StoreError.indicatorNotFound(code) }
            guard Self.isOwnCode(existing.code) else {
                throw StoreError.invalidIndicator([
                    .init(field: "ma", message: "«\(existing.name)» thuộc danh mục chuẩn: không sửa ở đây được.")
                ])
            }
        }
        let newCode = code ?? Indicator.code(forName: draft.name, taken: Set(catalogue.map(\.code)))
        var draft = draft
        if let existing { draft.ownerUnitID = existing.ownerUnitID }
        switch draft.indicator(code: newCode, against: catalogue) {
        case .failure(let list): throw StoreError.invalidIndicator(list.problems)
        case .success(let made):
            indicator = made
            isNew = existing == nil
            position = catalogue.count
            audit = AuditEntry(
                action: existing == nil ? .added : .changed, subject: .indicator, unitID: nil,
                recordKey: "danh-muc/\(made.code)", description: made.name,
                oldValue: existing.map(Self.summary), newValue: Self.summary(made))
        }
    }

    /// Own indicators carry the `rieng_` prefix; the standard catalogue's are refreshed by `init`.
    public static func isOwnCode(_ code: String) -> Bool { code.hasPrefix("rieng_") }

    /// `%, mức, tốt khi cao, Văn hóa - xã hội, hằng năm; tên khác: nước sạch; tổng hợp:
    /// share:rieng_ho_dung_nuoc/households*100`
    public static func summary(_ i: Indicator) -> String {
        let synonyms = i.synonyms.filter { NameKey($0) != NameKey(i.name) }
        return
            "\(i.measureUnit), \(i.kind.title), tốt khi \(i.direction.title), \(i.field.title), \(i.frequency.rawValue)"
            + (synonyms.isEmpty ? "" : "; tên khác: " + synonyms.joined(separator: ", "))
            + (i.rollUpRule.map { "; tổng hợp: " + ($0.methods.isEmpty ? "không" : $0.text) } ?? "")
    }
}

import ChiTieuCore

extension MemoryRepository {
    public func saveIndicator(_ draft: IndicatorDraft, code: String?, author: ChangeAuthor) throws -> Indicator {
        let edit = try IndicatorEdit(draft, code: code, catalogue: indicators())
        if let index = catalogue.firstIndex(where: { $0.code == edit.indicator.code }) {
            catalogue[index] = edit.indicator
        } else {
            catalogue.append(edit.indicator)
        }
        record(edit.audit, author: author)
        return edit.indicator
    }
}

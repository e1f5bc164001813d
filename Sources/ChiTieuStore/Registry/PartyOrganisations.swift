import ChiTieuCore

extension ChiTieuRepository {
    /// Adds a Party organisation that is no administrative unit («Đảng bộ Khối các cơ quan
    /// tỉnh») under `parentID`, or at the top. The name is written without the word «Đảng bộ»
    /// or with it; two organisations of one name under one parent are refused.
    public func addPartyOrganisation(name typed: String, parentID: UnitID?, author: ChangeAuthor) async throws
        -> AdministrativeUnit
    {
        let name = Self.organisationName(typed)
        guard !name.isEmpty else {
            throw StoreError.invalidBatch([BatchProblem(origin: "tên", "để trống; ví dụ «Đảng bộ Quân sự tỉnh».")])
        }
        guard name.count <= 200 else {
            throw StoreError.invalidBatch([BatchProblem(origin: "tên", "dài quá 200 ký tự.")])
        }
        if let parentID, try await unit(id: parentID) == nil {
            throw StoreError.unitNotFound("số \(parentID)", suggestions: [])
        }
        let siblings =
            parentID == nil ? try await allUnits().filter { $0.parentID == nil } : try await children(of: parentID!)
        if siblings.contains(where: { $0.kind == .partyOrganisation && $0.nameKey.folded == NameKey(name).folded }) {
            throw StoreError.invalidBatch([BatchProblem(origin: "tên", "«Đảng bộ \(name)» đã có ở đơn vị này.")])
        }
        var batch = DataBatch()
        batch.author = author
        let id = batch.addUnit(.partyOrganisation, name, parent: parentID)
        let summary = try await save(batch)
        guard let stored = try await unit(id: summary.unitIDs[id] ?? 0) else {
            throw StoreError.internalFailure("không đọc lại được đơn vị vừa thêm")
        }
        return stored
    }

    /// «Đảng bộ Quân sự tỉnh» → «Quân sự tỉnh»: the kind is written before the name.
    static func organisationName(_ typed: String) -> String {
        let words = typed.split(whereSeparator: \.isWhitespace).map(String.init)
        let rest =
            words.count > 2 && NameKey(words[0] + " " + words[1]).folded == "dang bo"
            ? Array(words.dropFirst(2)) : words
        return rest.joined(separator: " ").precomposedStringWithCanonicalMapping
    }
}

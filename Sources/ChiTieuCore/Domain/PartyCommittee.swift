/// The Party committee (Đảng bộ) of a unit and its terms (khóa).
public struct PartyCommittee: Hashable, Sendable, Codable {
    public var unitID: UnitID
    /// `Đảng bộ huyện Kông Chro`
    public var name: String
    public var terms: [CommitteeTerm]

    public init(unitID: UnitID, name: String, terms: [CommitteeTerm] = []) {
        self.unitID = unitID
        self.name = name
        self.terms = terms
    }

    /// The committee of `unit`: `Đảng bộ huyện Kông Chro`.
    public init(of unit: AdministrativeUnit, terms: [CommitteeTerm]) {
        self.init(unitID: unit.id, name: "Đảng bộ \(unit.title)", terms: terms.sorted { $0.number < $1.number })
    }

    public func term(covering year: Int) -> CommitteeTerm? {
        terms.last { $0.fromYear <= year && year <= $0.toYear }
    }
}

/// One term (khóa, nhiệm kỳ) of a Party committee: khóa VIII, nhiệm kỳ 2020–2025.
public struct CommitteeTerm: Hashable, Sendable, Codable {
    /// The khóa number: 8 for khóa VIII.
    public var number: Int
    public var fromYear: Int
    public var toYear: Int

    public init(number: Int, fromYear: Int, toYear: Int) {
        self.number = number
        self.fromYear = fromYear
        self.toYear = toYear
    }

    /// `khóa VIII, nhiệm kỳ 2020 - 2025`
    public var label: String { "khóa \(RomanNumeral.string(number)), nhiệm kỳ \(fromYear) - \(toYear)" }
}

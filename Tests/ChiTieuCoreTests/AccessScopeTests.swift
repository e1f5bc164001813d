import Testing

@testable import ChiTieuCore

/// Who reads and changes which unit across the 2025 reform.
@Suite struct AccessScopeTests {
    // Old province P (→ new province Q) with district D (→ đặc khu X); D's communes C1 (→ X)
    // and C2 (→ commune Y of Q); a sibling district E with commune C3 (→ Y).
    static let units: [UnitID: AdministrativeUnit] = {
        let list = [
            AdministrativeUnit(id: 1, kind: .province, name: "P", validTo: .reform2025, successors: [2]),
            AdministrativeUnit(id: 2, kind: .province, name: "Q", validFrom: .reform2025),
            AdministrativeUnit(id: 3, kind: .district, name: "D", parentID: 1, validTo: .reform2025, successors: [6]),
            AdministrativeUnit(id: 4, kind: .commune, name: "C1", parentID: 3, validTo: .reform2025, successors: [6]),
            AdministrativeUnit(id: 5, kind: .commune, name: "C2", parentID: 3, validTo: .reform2025, successors: [7]),
            AdministrativeUnit(id: 6, kind: .specialZone, name: "X", parentID: 2, validFrom: .reform2025),
            AdministrativeUnit(id: 7, kind: .commune, name: "Y", parentID: 2, validFrom: .reform2025),
            AdministrativeUnit(id: 8, kind: .district, name: "E", parentID: 1, validTo: .reform2025),
            AdministrativeUnit(id: 9, kind: .commune, name: "C3", parentID: 8, validTo: .reform2025, successors: [7]),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }()

    static func readable(by root: UnitID) -> [String] {
        let scope = AccessScope(.unit(root, canWrite: true))
        return units.values.sorted { $0.id < $1.id }.filter { scope.canRead($0, units: units) }.map(\.name)
    }

    @Test func aNewCommuneGetsItsOwnPredecessorsOnly() {
        // Before: X also got C2 (and D's other communes) through D's successor link.
        #expect(Self.readable(by: 6) == ["D", "C1", "X"])
        #expect(Self.readable(by: 7) == ["C2", "Y", "C3"])
    }

    @Test func aNewProvinceGetsEverythingUnderTheOldOne() {
        #expect(Self.readable(by: 2) == ["P", "Q", "D", "C1", "C2", "X", "Y", "E", "C3"])
    }

    @Test func aDistrictEditorGetsNeitherItsSiblingNorItsParent() {
        #expect(Self.readable(by: 3) == ["D", "C1", "C2"])
        let scope = AccessScope(.unit(3, canWrite: false))
        #expect(!scope.canWrite(Self.units[4]!, units: Self.units))
        #expect(scope.canRead(Self.units[4]!, units: Self.units))
    }
}

/// Database identifier of an administrative unit.
public typealias UnitID = Int64

/// The kind of an administrative unit, as Vietnamese writes it before the name.
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case province = "tỉnh"
    case city = "thành phố"
    case district = "huyện"
    case town = "thị xã"
    case urbanDistrict = "quận"
    case commune = "xã"
    case ward = "phường"
    case townlet = "thị trấn"
    case specialZone = "đặc khu"
    /// A Party organisation that is not an administrative unit: «Đảng bộ Khối các cơ quan
    /// tỉnh», «Đảng bộ Quân sự tỉnh». Added by an administrator, under a unit or at the top.
    case partyOrganisation = "đảng bộ"

    /// Reads `tỉnh`, `Huyện`, `thi xa` (without diacritics) or the ASCII code (`district`).
    public init?(text: some StringProtocol) {
        let key = NameKey(text)
        if let kind = UnitKind(rawValue: key.rawValue) {
            self = kind
            return
        }
        let match = UnitKind.allCases.first {
            NameKey($0.rawValue).folded == key.folded || $0.code == key.rawValue
        }
        guard let match else { return nil }
        self = match
    }

    /// ASCII code used in files and URLs.
    public var code: String {
        switch self {
        case .province: "province"
        case .city: "city"
        case .district: "district"
        case .town: "town"
        case .urbanDistrict: "urban_district"
        case .commune: "commune"
        case .ward: "ward"
        case .townlet: "townlet"
        case .specialZone: "special_zone"
        case .partyOrganisation: "party_organisation"
        }
    }

    /// Kinds that are communes in the sense of "số xã" targets (xã, phường, thị trấn, đặc khu).
    public var isCommuneLevel: Bool {
        [.commune, .ward, .townlet, .specialZone].contains(self)
    }

    /// The word that names the Party committee of such a unit: Tỉnh ủy, Huyện ủy, Thị ủy …
    public var committeeName: String {
        switch self {
        case .province: "Tỉnh ủy"
        case .city: "Thành ủy"
        case .district: "Huyện ủy"
        case .town: "Thị ủy"
        case .urbanDistrict: "Quận ủy"
        case .commune, .townlet, .specialZone, .partyOrganisation: "Đảng ủy"
        case .ward: "Đảng ủy"
        }
    }
}

/// An administrative unit (đơn vị hành chính) with the dates it existed.
///
/// Units are never deleted: a district abolished on 1 July 2025 keeps its row with
/// `validTo` set, and its results stay readable; `successors` names the units it became.
public struct AdministrativeUnit: Hashable, Sendable, Codable, Identifiable {
    public var id: UnitID
    public var kind: UnitKind
    public var name: String
    public var parentID: UnitID?
    /// Official code (mã đơn vị hành chính) when known.
    public var code: String?
    public var validFrom: CalendarDay?
    /// First day the unit no longer existed; nil while it exists.
    public var validTo: CalendarDay?
    public var successors: [UnitID]

    public init(
        id: UnitID, kind: UnitKind, name: String, parentID: UnitID? = nil, code: String? = nil,
        validFrom: CalendarDay? = nil, validTo: CalendarDay? = nil, successors: [UnitID] = []
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parentID = parentID
        self.code = code
        self.validFrom = validFrom
        self.validTo = validTo
        self.successors = successors
    }

    /// `huyện Kông Chro`
    public var title: String { "\(kind.rawValue) \(name)" }

    /// `Huyện Kông Chro`, at the start of a sentence.
    public var capitalizedTitle: String { title.prefix(1).uppercased() + title.dropFirst() }

    public var nameKey: NameKey { NameKey(name) }

    public func existed(on day: CalendarDay) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day < $0 } ?? true)
    }

    /// The last year the unit existed in, for a unit that ended (`validTo` is the first day it
    /// no longer existed: ended 1/1/2026 means its last year is 2025); nil while it exists.
    public var lastYear: Int? {
        validTo.map { $0.month == 1 && $0.day == 1 ? $0.year - 1 : $0.year }
    }

    /// Whether the unit existed at any time during the year.
    public func existed(inYear year: Int) -> Bool {
        (validFrom.map { $0.year <= year } ?? true)
            && (validTo.map { $0 > CalendarDay(year: year, month: 1, day: 1)! } ?? true)
    }
}

/// A unit formed (wholly or in part) from another: phường Hồng Hà of 2025 from phường Phúc Tân,
/// whole, and from part of phường Chương Dương.
public struct UnitSuccession: Hashable, Sendable, Codable {
    public var predecessorID: UnitID
    public var successorID: UnitID
    /// The share of the predecessor that went to the successor (0…1]; nil while unknown —
    /// the merger resolution states the area and population moved, and a user may enter it.
    public var share: Double?
    /// What the share measures: `toàn bộ`, `diện tích`, `dân số`, a figure's name.
    public var shareBasis: String?

    public init(predecessorID: UnitID, successorID: UnitID, share: Double? = nil, shareBasis: String? = nil) {
        self.predecessorID = predecessorID
        self.successorID = successorID
        self.share = share
        self.shareBasis = shareBasis
    }
}

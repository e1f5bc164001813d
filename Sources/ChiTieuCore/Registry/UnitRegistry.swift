/// A point on the map, in degrees; nil-free and finite by construction.
public struct Coordinate: Sendable, Hashable {
    public let latitude: Double
    public let longitude: Double

    /// Nil outside the globe or when not finite.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        (self.latitude, self.longitude) = (latitude, longitude)
    }
}

/// The national registry of administrative units before and after the reform of 1 July 2025
/// (63 provinces, 696 districts, 10.035 communes until 30 June 2025; 34 provinces and 3.321
/// communes from 1 July), with the lineage of every new unit. Read from the text that
/// `scripts/make-registry.py` writes; pure, so it is tested without a database.
public struct UnitRegistry: Sendable {
    /// When a unit existed. A code alone does not name a unit — phường Hồng Hà (00097) of
    /// 2025 reuses the code of one of the old wards it replaced — a code with its era does.
    public enum Era: String, Sendable, Hashable {
        /// Until 30 June 2025.
        case old = "o"
        /// From 1 July 2025.
        case new = "n"
        /// Both: the 11 provinces the reform left whole (Hà Nội, Huế, Cao Bằng …).
        case continuing = "c"

        public var validFrom: CalendarDay? { self == .new ? .reform2025 : nil }
        public var validTo: CalendarDay? { self == .old ? .reform2025 : nil }
    }

    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let code: String
        public let era: Era

        public init(code: String, era: Era) {
            self.code = code
            self.era = era
        }

        public var description: String { "\(code)/\(era.rawValue)" }
    }

    public struct Entry: Sendable, Hashable {
        public let key: Key
        public let kind: UnitKind
        public let name: String
        public let parent: Key?
        /// The dataset's point for the unit (latitude, longitude in degrees), for a dot map.
        public var coordinate: Coordinate?

        public var code: String { key.code }
        public var validFrom: CalendarDay? { key.era.validFrom }
        public var validTo: CalendarDay? { key.era.validTo }
        /// 0 province, 1 district, 2 commune: a parent always has a lower depth.
        public var depth: Int { parent == nil ? 0 : (kind.isCommuneLevel ? 2 : 1) }
    }

    /// A new unit formed from an old one, whole (`share` 1) or in part (`share` nil: unknown
    /// until someone enters it from the merger resolution).
    public struct Link: Sendable, Hashable {
        public let successor: Key
        public let predecessor: Key
        public let share: Double?
    }

    public let version: String
    /// Parents before children.
    public let entries: [Entry]
    public let links: [Link]

    public struct FormatError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "Danh mục đơn vị, dòng \(line): \(reason)" }
    }

    /// Reads the registry text (`U`/`S` lines, tab-separated; `#` lines are comments).
    public init(text: String, version: String) throws {
        var entries: [Entry] = []
        var links: [Link] = []
        var byCode: [String: [Key]] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let number = index + 1
            switch fields.first {
            case "U":
                guard fields.count == 6 || fields.count == 8, let era = Era(rawValue: fields[1]),
                    let kind = UnitKind(code: fields[2]), !fields[3].isEmpty, !fields[4].isEmpty
                else { throw FormatError(line: number, reason: "dòng đơn vị không đúng khuôn") }
                let key = Key(code: fields[3], era: era)
                let parent = try fields[5].isEmpty ? nil : Self.parentKey(fields[5], era: era, in: byCode, line: number)
                var entry = Entry(key: key, kind: kind, name: fields[4], parent: parent)
                if fields.count == 8, let lat = Double(fields[6]), let lon = Double(fields[7]) {
                    entry.coordinate = Coordinate(latitude: lat, longitude: lon)
                }
                entries.append(entry)
                byCode[key.code, default: []].append(key)
            case "S":
                guard fields.count == 4 else {
                    throw FormatError(line: number, reason: "dòng kế thừa không đúng khuôn")
                }
                let share = fields[3].isEmpty ? nil : Double(fields[3])
                guard fields[3].isEmpty || (share.map { $0 > 0 && $0 <= 1 } ?? false) else {
                    throw FormatError(line: number, reason: "tỷ lệ «\(fields[3])» phải trong (0; 1]")
                }
                links.append(
                    Link(
                        successor: Key(code: fields[1], era: .new), predecessor: Key(code: fields[2], era: .old),
                        share: share))
            default:
                throw FormatError(line: number, reason: "dòng không bắt đầu bằng U hoặc S")
            }
        }
        let keys = Set(entries.map(\.key))
        if let broken = links.first(where: { !keys.contains($0.successor) || !keys.contains($0.predecessor) }) {
            throw FormatError(
                line: 0, reason: "kế thừa \(broken.predecessor) → \(broken.successor) chỉ đến đơn vị không có")
        }
        self.version = version
        self.entries = entries
        self.links = links
    }

    /// A parent in the child's era, else a continuing one; it must come earlier in the text.
    private static func parentKey(_ code: String, era: Era, in byCode: [String: [Key]], line: Int) throws -> Key {
        let candidates = byCode[code, default: []]
        if let same = candidates.first(where: { $0.era == era }) { return same }
        if let continuing = candidates.first(where: { $0.era == .continuing }) { return continuing }
        throw FormatError(line: line, reason: "đơn vị cấp trên mã \(code) chưa có ở các dòng trước")
    }

    /// The entries that existed on `day`.
    public func entries(on day: CalendarDay) -> [Entry] {
        entries.filter { e in (e.validFrom.map { $0 <= day } ?? true) && (e.validTo.map { day < $0 } ?? true) }
    }
}

extension UnitKind {
    /// Reads the ASCII code used in files (`special_zone`).
    public init?(code: String) {
        guard let kind = UnitKind.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}

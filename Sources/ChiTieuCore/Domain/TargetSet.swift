public typealias TargetSetID = Int64

/// The numbered list of targets a resolution or an annual plan adopted for a unit:
/// "Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025–2030: 18 chỉ tiêu", "Kế hoạch phát
/// triển kinh tế - xã hội năm 2025: 15 chỉ tiêu chủ yếu".
///
/// A unit has at most one set per scope (one for the year 2025, one for the term 2025–2030);
/// the tally of a period counts over it, and an item without a result is counted as chưa đánh
/// giá, not left out. Items name their target by its identity (indicator, measure, issuer), not
/// by row ID, so a target corrected later stays in the set.
public struct TargetSet: Hashable, Sendable, Identifiable {
    public var id: TargetSetID
    public var unitID: UnitID
    public var scope: TargetScope
    /// The document that adopted it, as the report names it.
    public var title: String
    public var items: [Item]

    public struct Item: Hashable, Sendable {
        /// The document's numbering: "1", "1.1", "a".
        public var number: String
        /// The group this item opens, as the document heads it: "I. KINH TẾ".
        public var heading: String?
        public var indicatorCode: String
        public var measure: TargetMeasure
        public var issuer: String

        public init(
            number: String, heading: String? = nil, indicatorCode: String, measure: TargetMeasure = .value,
            issuer: String = Target.defaultIssuer
        ) {
            self.number = number
            self.heading = heading
            self.indicatorCode = indicatorCode
            self.measure = measure
            self.issuer = issuer
        }

        /// The item of `target`, numbered `number`.
        public init(_ target: Target, number: String, heading: String? = nil) {
            self.init(
                number: number, heading: heading, indicatorCode: target.indicatorCode, measure: target.measure,
                issuer: target.issuer)
        }
    }

    public init(id: TargetSetID = 0, unitID: UnitID, scope: TargetScope, title: String, items: [Item]) {
        self.id = id
        self.unitID = unitID
        self.scope = scope
        self.title = title
        self.items = items
    }

    /// A unit's set for a scope: a second set with the same key replaces the first.
    public var naturalKey: String {
        "\(unitID)|\(scope.firstYear)|\(scope.lastYear)|\(scope.isAnnual)"
    }

    /// The `Target.naturalKey` of the target an item names.
    public func targetKey(of item: Item) -> String {
        Target.naturalKey(
            unitID: unitID, indicatorCode: item.indicatorCode, scope: scope, measure: item.measure,
            issuer: item.issuer)
    }

    /// What is wrong with the set itself, each naming the field: an empty title, an item
    /// without a number, two items numbered alike, one target listed twice.
    public var problems: [String] {
        var problems: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("tên bộ chỉ tiêu (văn bản ban hành) để trống.")
        }
        if items.isEmpty { problems.append("bộ chỉ tiêu chưa có chỉ tiêu nào.") }
        var numbers: [String: Int] = [:]
        var targets: [String: Int] = [:]
        for (offset, item) in items.enumerated() {
            let number = item.number.trimmingCharacters(in: .whitespaces)
            if number.isEmpty {
                problems.append("mục thứ \(offset + 1) (\(item.indicatorCode)) thiếu số thứ tự.")
            } else if let earlier = numbers[NameKey(number).rawValue] {
                problems.append(
                    "số thứ tự «\(number)» dùng cho hai mục (mục thứ \(earlier + 1) và mục thứ \(offset + 1)).")
            } else {
                numbers[NameKey(number).rawValue] = offset
            }
            if let earlier = targets[targetKey(of: item)] {
                problems.append(
                    "chỉ tiêu \(item.indicatorCode) có hai lần trong bộ (mục thứ \(earlier + 1) và mục thứ \(offset + 1))."
                )
            } else {
                targets[targetKey(of: item)] = offset
            }
        }
        return problems
    }
}

extension TargetScope {
    public var isAnnual: Bool {
        if case .year = self { true } else { false }
    }

    /// Whether the scope covers `year`.
    public func covers(_ year: Int) -> Bool { firstYear <= year && year <= lastYear }
}

extension TargetSet.Item {
    /// Document order of two numbers: "2" before "10", "1.2" before "1.10", "II" before "IV",
    /// "a" before "b"; a number before any of its sub-numbers ("1" before "1.1").
    public static func numberPrecedes(_ a: String, _ b: String) -> Bool {
        let left = parts(a)
        let right = parts(b)
        for (x, y) in zip(left, right) where x != y { return x < y }
        return left.count < right.count
    }

    /// Each dot-separated part as a sortable pair: its value (an integer, an upper-case Roman
    /// numeral, or 0 for letters and words: "c" is a letter, "C" a hundred) and its text.
    private static func parts(_ number: String) -> [Part] {
        number.split(separator: ".").map { piece in
            let text = piece.trimmingCharacters(in: .whitespaces)
            let roman = text == text.uppercased() ? RomanNumeral.parse(text) : nil
            let value = Int(text) ?? roman ?? 0
            return Part(value: value, text: text.lowercased())
        }
    }

    private struct Part: Comparable {
        let value: Int
        let text: String
        static func < (a: Part, b: Part) -> Bool { (a.value, a.text) < (b.value, b.text) }
    }
}

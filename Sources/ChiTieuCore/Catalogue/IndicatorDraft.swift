import Foundation

/// An indicator an office defines itself ("Tỷ lệ hộ dùng nước sạch"), as typed in a form, a
/// command or an import row; checked against the catalogue before it becomes an `Indicator`.
public struct IndicatorDraft: Sendable, Equatable {
    public var name: String
    public var measureUnit: String
    public var kind: MeasureKind
    public var direction: Direction
    public var field: Field
    public var frequency: Frequency
    public var synonyms: [String]
    /// The unit of the editor who makes it (nil: an administrator's, for everyone). Kept when
    /// the indicator is changed later.
    public var ownerUnitID: UnitID?
    /// How a unit's figure is derived from the units below; nil for the standard rule of its kind.
    public var rollUp: RollUpRule?

    public init(
        name: String, measureUnit: String, kind: MeasureKind = .level, direction: Direction = .higherIsBetter,
        field: Field = .economy, frequency: Frequency = .yearly, synonyms: [String] = [], rollUp: RollUpRule? = nil
    ) {
        self.name = name
        self.measureUnit = measureUnit
        self.kind = kind
        self.direction = direction
        self.field = field
        self.frequency = frequency
        self.synonyms = synonyms
        self.rollUp = rollUp
    }

    /// What is wrong with one field, named as the form names it.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// `ten`, `don_vi_tinh`, `ten_khac`, `tong_hop`
        public let field: String
        public let message: String
        public var description: String { message }

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public static let maximumNameLength = 200

    /// The indicator this draft makes, with code `code` (a new one: `Indicator.code(forName:)`),
    /// or every problem, each naming its field. `catalogue` is the stored one; the indicator
    /// being edited (same code) does not clash with itself.
    public func indicator(code: String, against catalogue: [Indicator]) -> Result<Indicator, ProblemList> {
        let name = Self.clean(self.name)
        let unit = Self.clean(measureUnit)
        let synonyms = self.synonyms.map(Self.clean).filter { !$0.isEmpty && NameKey($0) != NameKey(name) }
        var problems: [Problem] = []
        if name.isEmpty { problems.append(Problem(field: "ten", message: "Tên chỉ tiêu: không được để trống.")) }
        if name.count > Self.maximumNameLength {
            problems.append(Problem(field: "ten", message: "Tên chỉ tiêu: dài quá \(Self.maximumNameLength) ký tự."))
        }
        if unit.isEmpty {
            problems.append(
                Problem(field: "don_vi_tinh", message: "Đơn vị tính: không được để trống (ví dụ: %, tỷ đồng, hộ)."))
        } else if kind == .flow, unit == "%" {
            problems.append(
                Problem(
                    field: "don_vi_tinh",
                    message:
                        "Đơn vị tính: chỉ tiêu cộng dồn qua các tháng không đo bằng «%» — tỷ lệ không cộng dồn; chọn loại «mức»."
                ))
        }
        let byCode = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for problem in rollUp?.problems(code: code, measureUnit: unit, catalogue: byCode) ?? [] {
            problems.append(Problem(field: "tong_hop", message: "Tổng hợp từ cấp dưới: \(problem)"))
        }
        let others = catalogue.filter { $0.code != code }
        for (candidate, field) in [(name, "ten")] + synonyms.map({ ($0, "ten_khac") }) where !candidate.isEmpty {
            if let other = others.first(where: {
                $0.allNames.contains { NameKey($0).folded == NameKey(candidate).folded }
            }) {
                problems.append(
                    Problem(
                        field: field,
                        message: "Tên «\(candidate)» đã có trong danh mục: «\(other.name)» (mã \(other.code))."))
            }
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems: problems)) }
        var made = Indicator(
            code: code, name: name, measureUnit: unit, kind: kind, direction: direction, field: field,
            frequency: frequency, synonyms: synonyms)
        made.ownerUnitID = ownerUnitID
        made.rollUpRule = rollUp
        return .success(made)
    }

    public struct ProblemList: Error, Equatable, Sendable, CustomStringConvertible {
        public let problems: [Problem]
        public var description: String { problems.map(\.message).joined(separator: " ") }
    }

    private static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }
}

extension Indicator {
    /// The code of an office's own indicator: `rieng_ty_le_ho_dung_nuoc_sach`, made unique
    /// among `taken` with a number.
    public static func code(forName name: String, taken: Set<String>) -> String {
        let words = NameKey(name).folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let ascii = words.joined(separator: "_").unicodeScalars.filter { $0.isASCII }.map(String.init).joined()
        let base = String(("rieng_" + ascii).prefix(58))
        var code = base
        var n = 2
        while taken.contains(code) {
            code = "\(base)_\(n)"
            n += 1
        }
        return code
    }
}

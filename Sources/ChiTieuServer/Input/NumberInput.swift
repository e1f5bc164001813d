import ChiTieuCore

/// A figure sent as a JSON number (`4790.86`) or as a person types it (`"4.790,86"`,
/// `"hơn 10.040"`).
enum NumberInput: Decodable, Sendable {
    case number(Double)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// The value and qualifier, or a refusal naming `field`. A typed figure may end with the
    /// indicator's unit of measure (`92%`, `1.250 tỷ đồng`); another unit is refused.
    func parsed(field: String, measureUnit: String? = nil) throws -> (qualifier: Qualifier?, value: Double) {
        let parsed: (qualifier: Qualifier?, value: Double)
        switch self {
        case .number(let value): parsed = (nil, value)
        case .text(let text): parsed = try Self.parse(Self.withoutUnit(text, measureUnit, field: field), field: field)
        }
        if let problem = FigureLimits.problem(parsed.value) {
            throw APIError.badRequest(problem.prefix(1).uppercased() + problem.dropFirst() + ".", field: field)
        }
        return parsed
    }

    /// `92%` → `92` when the unit is `%`; `92 ha` for a `%` indicator is refused by name.
    static func withoutUnit(_ text: String, _ unit: String?, field: String) throws -> String {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard let unit, !unit.isEmpty, QualifiedNumber.parse(typed) == nil else { return typed }
        let symbol = unit.precomposedStringWithCanonicalMapping
        if typed.precomposedStringWithCanonicalMapping.lowercased().hasSuffix(symbol.lowercased()) {
            let number = String(typed.dropLast(symbol.count)).trimmingCharacters(in: .whitespaces)
            if QualifiedNumber.parse(number) != nil { return number }
        }
        // A number followed by other words: name the unit it should be in.
        if let end = typed.lastIndex(where: { $0.isNumber }), typed.index(after: end) < typed.endIndex,
            QualifiedNumber.parse(String(typed[...end])) != nil
        {
            let written = typed[typed.index(after: end)...].trimmingCharacters(in: .whitespaces)
            throw APIError.badRequest("«\(text)»: đơn vị «\(written)» không khớp đơn vị tính «\(unit)».", field: field)
        }
        return typed
    }

    /// Vietnamese notation: `.` groups thousands, `,` marks decimals.
    static func parse(_ text: String, field: String) throws -> (qualifier: Qualifier?, value: Double) {
        guard let parsed = QualifiedNumber.parse(text), parsed.value.isFinite else {
            throw APIError.badRequest(
                "«\(text)» không phải là số viết kiểu Việt Nam (ví dụ 4.790,86 hoặc hơn 10.040).", field: field)
        }
        return parsed
    }
}

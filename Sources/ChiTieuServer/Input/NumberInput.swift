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

    /// The value and qualifier, or a refusal naming `field`.
    func parsed(field: String) throws -> (qualifier: Qualifier?, value: Double) {
        let parsed: (qualifier: Qualifier?, value: Double)
        switch self {
        case .number(let value): parsed = (nil, value)
        case .text(let text): parsed = try Self.parse(text, field: field)
        }
        if let problem = FigureLimits.problem(parsed.value) {
            throw APIError.badRequest(problem.prefix(1).uppercased() + problem.dropFirst() + ".", field: field)
        }
        return parsed
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

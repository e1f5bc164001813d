/// How a unit's figure for an indicator is derived from the figures of the units below it,
/// when it has none of its own: the methods are tried in order and the first that the
/// children's figures allow is used.
///
/// - «Tổng giá trị sản xuất» of a district is the sum of its communes' (`sum`);
/// - «Tỷ lệ hộ nghèo» is recomputed from poor households over households where both are stored
///   (`share`), else the mean of the communes' rates weighted by their households (`mean`);
/// - «Thu nhập bình quân đầu người» is the mean weighted by population;
/// - «Số xã đạt chuẩn nông thôn mới» counts the communes whose criteria reach 19 (`countMeeting`).
public struct RollUpRule: Hashable, Sendable {
    public enum Method: Hashable, Sendable {
        case sum
        /// `scale` × Σ numerator / Σ denominator (100 for a percent).
        case share(numerator: String, denominator: String, scale: Double)
        /// Σ value × weight / Σ weight; the plain mean when `weight` is nil.
        case mean(weight: String?)
        /// How many children's figure of `indicator` is at least `atLeast`.
        case countMeeting(indicator: String, atLeast: Double)
    }

    public var methods: [Method]

    public init(_ methods: [Method]) { self.methods = methods }

    public static let none = RollUpRule([])

    /// The rule of an indicator that names none: a flow in its own units (money, tonnes,
    /// people) adds up; a level or a rate is not derived without a rule saying how.
    public static func standard(for indicator: Indicator) -> RollUpRule {
        indicator.kind == .flow && !indicator.isRate && !indicator.measureUnit.contains("/")
            ? RollUpRule([.sum]) : .none
    }

    /// The indicators a derivation reads besides the indicator itself.
    public var auxiliaryCodes: [String] {
        methods.flatMap { method -> [String] in
            switch method {
            case .sum: []
            case .share(let numerator, let denominator, _): [numerator, denominator]
            case .mean(let weight): weight.map { [$0] } ?? []
            case .countMeeting(let indicator, _): [indicator]
            }
        }
    }
}

extension RollUpRule {
    /// The rule as the catalogue and the database write it: methods separated by «;» —
    /// `sum`, `share:poor_households/households*100`, `mean:households`, `mean`,
    /// `count:new_rural_criteria_average>=19`; the empty text for none.
    public var text: String {
        methods.map { method in
            switch method {
            case .sum: "sum"
            case .share(let n, let d, let scale): "share:\(n)/\(d)*\(Self.number(scale))"
            case .mean(let weight): weight.map { "mean:\($0)" } ?? "mean"
            case .countMeeting(let code, let least): "count:\(code)>=\(Self.number(least))"
            }
        }.joined(separator: ";")
    }

    /// The rule `text` writes, or nil (with nothing guessed) when a part of it is not one.
    public init?(text: String) {
        var methods: [Method] = []
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let method = Self.method(part) else { return nil }
            methods.append(method)
        }
        self.methods = methods
    }

    private static func method(_ part: String) -> Method? {
        let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
        let argument = pieces.count == 2 ? pieces[1] : nil
        switch pieces[0] {
        case "sum" where argument == nil: return .sum
        case "mean": return argument.map { Indicator.isValidCode($0) ? .mean(weight: $0) : nil } ?? .mean(weight: nil)
        case "share":
            guard let argument else { return nil }
            let fraction = argument.split(separator: "*").map(String.init)
            let terms = fraction[0].split(separator: "/").map(String.init)
            let scale = fraction.count == 2 ? Double(fraction[1]) : fraction.count == 1 ? 1 : nil
            guard terms.count == 2, terms.allSatisfy(Indicator.isValidCode), let scale, scale.isFinite, scale > 0
            else { return nil }
            return .share(numerator: terms[0], denominator: terms[1], scale: scale)
        case "count":
            let terms = argument?.components(separatedBy: ">=") ?? []
            guard terms.count == 2, Indicator.isValidCode(terms[0]), let least = Double(terms[1]), least.isFinite
            else { return nil }
            return .countMeeting(indicator: terms[0], atLeast: least)
        default: return nil
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// In JSON as its text: `"rollup": "share:poor_households/households*100;mean:households"`.
extension RollUpRule: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rule = RollUpRule(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "«\(text)» is not a roll-up rule")
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

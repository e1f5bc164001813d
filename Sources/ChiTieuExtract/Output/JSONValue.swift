/// A JSON document built in code and written straight to UTF-8, byte for byte as `JSONEncoder`
/// writes it with `.sortedKeys` and `.withoutEscapingSlashes` (pretty or not).
///
/// Written by hand because `chitieu extract` spent more time in `JSONEncoder` (its boxing of
/// every field through the `Encoder` protocol) than in reading the reports; the same value is
/// still `Encodable`, so the API embeds it in its own responses.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order given; `write` sorts them by key as `JSONEncoder` does.
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public static func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    public static func integer(_ n: Int?) -> JSONValue { n.map { .integer($0) } ?? .null }
    public static func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }

    /// The UTF-8 of the document: on one line, or indented by two spaces with `"key" : value`.
    public func utf8(pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    public func text(pretty: Bool) -> String { String(decoding: utf8(pretty: pretty), as: UTF8.self) }

    private func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .number(let x): out.append(contentsOf: Self.digits(x).utf8)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            Self.container(items.count, open: 0x5B, close: 0x5D, into: &out, pretty: pretty, depth: depth) { i, out in
                items[i].write(into: &out, pretty: pretty, depth: depth + 1)
            }
        case .object(let members):
            let sorted =
                Self.isSorted(members) ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            Self.container(sorted.count, open: 0x7B, close: 0x7D, into: &out, pretty: pretty, depth: depth) { i, out in
                Self.quote(sorted[i].key, into: &out)
                out.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                sorted[i].value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
        }
    }

    /// `[`, the items separated by commas, `]`; pretty, each item on its own line and an empty
    /// container as `[`, a blank line and `]`, as `JSONEncoder` writes it.
    private static func container(
        _ count: Int, open: UInt8, close: UInt8, into out: inout [UInt8], pretty: Bool, depth: Int,
        item: (Int, inout [UInt8]) -> Void
    ) {
        out.append(open)
        if pretty { out.append(0x0A) }
        for i in 0..<count {
            if i > 0 { out.append(contentsOf: pretty ? ",\n".utf8 : ",".utf8) }
            if pretty { indent(depth + 1, into: &out) }
            item(i, &out)
        }
        if pretty {
            out.append(0x0A)
            indent(depth, into: &out)
        }
        out.append(close)
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private static func isSorted(_ members: [Member]) -> Bool {
        zip(members, members.dropFirst()).allSatisfy { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// A whole number up to 2⁵³ without a fraction ("70", "-0"), anything else as Swift prints it
    /// ("4790.86", "1e-07", "1e+16"); not finite as null, which JSON has no other word for.
    static func digits(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(.towardZero), abs(x) <= 9_007_199_254_740_992 {
            return x == 0 && x.sign == .minus ? "-0" : String(Int64(x))
        }
        return x.description
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case ..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

extension JSONValue: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var c = encoder.container(keyedBy: Key.self)
            for member in members { try c.encode(member.value, forKey: Key(stringValue: member.key)) }
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        default:
            var c = encoder.singleValueContainer()
            switch self {
            case .bool(let b): try c.encode(b)
            case .integer(let n): try c.encode(n)
            case .number(let x) where x.isFinite: try c.encode(x)
            case .string(let s): try c.encode(s)
            default: try c.encodeNil()
            }
        }
    }
}

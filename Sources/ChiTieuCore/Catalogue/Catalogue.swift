import Foundation

/// The standard list of indicators, shipped as data so it can be revised without code.
public struct Catalogue: Sendable, Decodable {
    /// Version of the catalogue data (`2025.2`).
    public let version: String
    public let indicators: [Indicator]
    private let byKey: [NameKey: String]
    private let byFoldedKey: [String: String]

    public init(version: String, indicators: [Indicator]) throws(CatalogueError) {
        self.version = version
        self.indicators = indicators
        var byKey: [NameKey: String] = [:]
        var byFolded: [String: String] = [:]
        var codes = Set<String>()
        for indicator in indicators {
            guard Indicator.isValidCode(indicator.code) else { throw .invalidCode(indicator.code) }
            guard codes.insert(indicator.code).inserted else { throw .duplicateCode(indicator.code) }
            for name in indicator.allNames {
                let key = NameKey(name)
                if let other = byKey[key], other != indicator.code {
                    throw .ambiguousName(name, other, indicator.code)
                }
                byKey[key] = indicator.code
                byFolded[key.folded] = byFolded[key.folded] ?? indicator.code
            }
        }
        for indicator in indicators {
            if let parent = indicator.parentCode, !codes.contains(parent) {
                throw .unknownParent(indicator.code, parent)
            }
        }
        self.byKey = byKey
        byFoldedKey = byFolded
    }

    private enum CodingKeys: String, CodingKey { case version, indicators }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            version: c.decode(String.self, forKey: .version),
            indicators: c.decode([Indicator].self, forKey: .indicators))
    }

    /// Reads catalogue JSON; the error names what is wrong and where.
    public static func decode(_ data: Data) throws(CatalogueError) -> Catalogue {
        do {
            return try JSONDecoder().decode(Catalogue.self, from: data)
        } catch let error as CatalogueError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed("thiếu trường \"\(key.stringValue)\" tại \(context.codingPath.pathLabel)")
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed("dữ liệu hỏng tại \(context.codingPath.pathLabel): \(context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed("sai kiểu dữ liệu tại \(context.codingPath.pathLabel)")
        } catch {
            throw .malformed("\(error)")
        }
    }

    public func indicator(code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// Finds an indicator by its code, name or a synonym, ignoring case, spacing,
    /// tone-mark placement and (as a last resort) diacritics.
    public func indicator(named text: String) -> Indicator? {
        if let byCode = indicator(code: text) { return byCode }
        let key = NameKey(text)
        if let code = byKey[key] ?? byFoldedKey[key.folded] { return indicator(code: code) }
        return nil
    }
}

public enum CatalogueError: UserFacingError, Equatable {
    case malformed(String)
    case invalidCode(String)
    case duplicateCode(String)
    case ambiguousName(String, String, String)
    case unknownParent(String, String)

    public var message: String {
        switch self {
        case .malformed(let detail): "Tệp danh mục chỉ tiêu không đọc được: \(detail)."
        case .invalidCode(let code):
            "Mã chỉ tiêu \"\(code)\" không hợp lệ (chỉ dùng chữ thường không dấu, số và dấu gạch dưới)."
        case .duplicateCode(let code): "Mã chỉ tiêu \"\(code)\" bị trùng trong danh mục."
        case .ambiguousName(let name, let a, let b): "Tên \"\(name)\" được dùng cho cả hai chỉ tiêu \(a) và \(b)."
        case .unknownParent(let code, let parent): "Chỉ tiêu \(code) thuộc chỉ tiêu \(parent) không có trong danh mục."
        }
    }
}

extension [any CodingKey] {
    var pathLabel: String {
        map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

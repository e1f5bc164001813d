import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A SAX reader of one XML part: subclasses see elements by local name, without prefixes
/// (some programs write `x:c` for `c`).
class XMLPartReader: NSObject, XMLParserDelegate {
    var failure: String?
    /// Set by a reader that has read all it may (`SheetReader`'s cell limit): the parse stops
    /// at the next element, so a huge part costs no more time than the limit.
    var limitReached = false

    func read(_ data: Data) -> String? {
        // A stream is fed to libxml2 in chunks: handed 10 MB or more at once, it stops with
        // "huge input lookup" (a 100.000-row sheet is about 30 MB of XML).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        if !parser.parse() {
            if limitReached { return nil }
            let line = parser.lineNumber
            return failure ?? "XML hỏng ở dòng \(line) (\(parser.parserError.map { "\($0)" } ?? "không rõ lỗi"))"
        }
        return failure
    }

    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}
    func text(_ string: String) {}

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard !limitReached else { return parser.abortParsing() }
        start(elementName, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    // libxml2 recovers from some errors and still reports success: any error fails the part.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = "XML hỏng ở dòng \(parser.lineNumber) (\(parseError))" }
    }

    /// An attribute by local name: `r:id` is found as "id".
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}

/// `xl/sharedStrings.xml`: the texts cells point to by index. Rich text is the join of its
/// runs; phonetic guides (`rPh`) are not part of the text.
final class SharedStringsReader: XMLPartReader {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current += string }
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`, by index) whether its number format shows
/// a percent or a date.
final class CellStylesReader: XMLPartReader {
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellStyles = false

    var formats: [CellFormat] {
        formatOfStyle.map { id in
            if let code = customFormats[id] { return Self.classify(code) }
            switch id {
            case 9, 10: return .percent
            case 14...22, 45...47: return .date
            default: return .general
            }
        }
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: formatOfStyle.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellStyles = false }
    }

    /// A format code's kind, ignoring what is quoted or escaped: `0.00%` is a percent,
    /// `dd/mm/yyyy` a date, `#,##0 "%"`… still a percent only outside the quotes.
    static func classify(_ code: String) -> CellFormat {
        var plain = ""
        var quoted = false
        var escaped = false
        var bracket = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket { plain.append(ch) }
            }
        }
        if plain.contains("%") { return .percent }
        let lower = plain.lowercased()
        if lower.contains("y") || lower.contains("d") || (lower.contains("m") && !lower.contains("#")) { return .date }
        return .general
    }
}

/// `xl/workbook.xml`: the sheets in the order the workbook shows them, with their part ids.
final class WorkbookReader: XMLPartReader {
    private(set) var sheets: [(name: String, id: String)] = []

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "sheet", let sheet = attributes["name"], let id = Self.attribute("id", in: attributes) else {
            return
        }
        sheets.append((sheet, id))
    }
}

/// A `.rels` part: relationship id → target path.
final class RelationshipsReader: XMLPartReader {
    private(set) var targets: [String: String] = [:]

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an Office file back the way a consumer would: unzip, then parse the XML of a part.
struct OfficeFile {
    let archive: Archive

    init(_ data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
    }

    var paths: [String] { archive.map(\.path) }

    func part(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw MissingPart(path: path) }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    struct MissingPart: Error { let path: String }
}

/// The elements of an XML part, in document order, with their attributes and text; parsing
/// fails on XML that is not well formed.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? NotWellFormed() }
    }

    struct NotWellFormed: Error {}

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

import ChiTieuCore
import ChiTieuExtract
import Foundation

// Extraction throughput on one core: the texts of a corpus folder, repeated until at least
// the requested volume, extracted one after another; prints MB/s and documents/s.
//
//   swift run -c release extract-benchmark [CORPUS_DIR] [MEGABYTES] [CATALOGUE_JSON]
//
// With a catalogue, every observation is also mapped to its indicator, as `chitieu extract` does.

let arguments = CommandLine.arguments
let folder = arguments.count > 1 ? arguments[1] : "../shared/corpus/dev"
let megabytes = arguments.count > 2 ? Double(arguments[2]) ?? 50 : 50
/// A catalogue asked for must be read: a wrong path would measure extraction without indicator
/// matching and print figures that look like the real ones.
func readCatalogue(at path: String) -> Catalogue {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("Không đọc được danh mục \(path).\n".utf8))
        exit(2)
    }
    do {
        return try Catalogue.decode(data)
    } catch {
        FileHandle.standardError.write(Data("Danh mục \(path) không đọc được: \(error).\n".utf8))
        exit(2)
    }
}
let catalogue = arguments.count > 3 ? readCatalogue(at: arguments[3]) : nil

let files =
    (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
let texts = files.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
guard !texts.isEmpty else {
    FileHandle.standardError.write(Data("Không có tệp .txt nào trong \(folder).\n".utf8))
    exit(1)
}
let corpusBytes = texts.reduce(0) { $0 + $1.utf8.count }
let rounds = Int((megabytes * 1_000_000 / Double(corpusBytes)).rounded(.up))
let extractor = Extractor(catalogue: catalogue, currentYear: 2026)

// Warm up caches and the allocator once.
for text in texts { _ = extractor.extract(text) }

var observations = 0
let clock = ContinuousClock()
let elapsed = clock.measure {
    for _ in 0..<rounds {
        for text in texts { observations += extractor.extract(text).observations.count }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let bytes = Double(corpusBytes * rounds)
let documents = Double(texts.count * rounds)
print(
    "corpus: \(texts.count) documents, \(corpusBytes) bytes, repeated \(rounds) times; catalogue: \(catalogue.map { "\($0.indicators.count) indicators" } ?? "none")"
)
print(
    String(
        format: "extracted %.1f MB in %.2f s: %.2f MB/s, %.0f documents/s (%d observations)", bytes / 1e6, seconds,
        bytes / 1e6 / seconds, documents / seconds, observations))

// One document of 1, 4 and 16 MB (the corpus joined, paragraph after paragraph): the time per
// MB should stay flat; a step that grows with the document's length shows as a rising figure.
let joined = texts.joined(separator: "\n\n")
var perMegabyte: [Double] = []
for size in [1, 4, 16] {
    var document = ""
    document.reserveCapacity(size * 1_000_000 + joined.utf8.count)
    while document.utf8.count < size * 1_000_000 { document += joined + "\n\n" }
    let length = Double(document.utf8.count)
    var found = 0
    let took = clock.measure { found = extractor.extract(document).observations.count }
    let s = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
    perMegabyte.append(s / (length / 1e6))
    print(
        String(
            format: "one document of %.1f MB: %.2f s, %.2f MB/s, %.3f s per MB (%d observations)", length / 1e6, s,
            length / 1e6 / s, s / (length / 1e6), found))
}
print(String(format: "16 MB against 1 MB, time per MB: × %.2f (1,00 = linear)", perMegabyte[2] / perMegabyte[0]))

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

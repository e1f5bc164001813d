import ChiTieuExtract
import Foundation

/// The text cut into pieces, the sentences figures were read from marked and numbered, so a
/// page can show "what was read, and from where" without any markup from the text itself.
struct HighlightedText {
    struct Piece {
        let text: String
        let marked: Bool
        /// The number of the first figure read from this piece, shown beside it.
        let label: String?
    }

    let pieces: [Piece]

    /// `spans` are code-point offsets into the NFC text, as the extractor gives them.
    init(_ text: String, spans: [ExtractionResult.Span]) {
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        var marks: [(start: Int, end: Int, label: Int)] = []
        for (index, span) in spans.enumerated() {
            let start = max(0, min(span.start, scalars.count))
            let end = max(start, min(span.end, scalars.count))
            if let last = marks.last, start < last.end {
                marks[marks.count - 1].end = max(last.end, end)
            } else if end > start {
                marks.append((start, end, index + 1))
            }
        }
        func piece(_ range: Range<Int>, marked: Bool, label: Int? = nil) -> Piece {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return Piece(text: String(view), marked: marked, label: label.map(String.init))
        }
        var out: [Piece] = []
        var position = 0
        for mark in marks.sorted(by: { $0.start < $1.start }) where mark.start >= position {
            if mark.start > position { out.append(piece(position..<mark.start, marked: false)) }
            out.append(piece(mark.start..<mark.end, marked: true, label: mark.label))
            position = mark.end
        }
        if position < scalars.count { out.append(piece(position..<scalars.count, marked: false)) }
        pieces = out
    }
}

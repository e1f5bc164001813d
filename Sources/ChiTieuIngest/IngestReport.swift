import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore

/// What reading one document into the store did, and what a person must look at.
public struct IngestReport: Sendable {
    public var document: String
    public var unit: AdministrativeUnit?
    public var period: Period?
    /// What was written; nil when nothing could be (no unit, no period, or the batch failed).
    public var summary: SaveSummary?
    /// Plans worked out from a stated percentage ("vượt 42,46% dự toán" with the value).
    public var derivedPlans: [String] = []
    /// Things read but not stored, each with why: an indicator not in the catalogue, a unit
    /// that cannot be converted, the document's unit not in the database.
    public var skipped: [String] = []
    /// Tasks stored from the confirmed conclusions.
    public var tasksAdded = 0
    /// Indicator names by code, for the lines a person reads.
    public var indicatorNames: [String: String] = [:]
    /// Findings of the text itself ("năm 2924") and of the consistency checks on what it says.
    public var findings: [String] = []

    public init(document: String) {
        self.document = document
    }

    /// Whether anything of the document was stored.
    public var stored: Bool { summary != nil }

    /// Figures that differ from stored ones and were not written, one sentence each.
    public var conflictLines: [String] { (summary?.conflicts ?? []).map(conflictLine) }

    /// "Khác số đã lưu, chưa ghi: Diện tích gieo trồng 9 tháng năm 2024: 5.230: đã lưu chính thức, văn bản ghi ước tính."
    public func conflictLine(_ conflict: ObservationConflict) -> String {
        let o = conflict.incoming
        let name = indicatorNames[o.indicatorCode] ?? o.indicatorCode
        return "Khác số đã lưu, chưa ghi: \(name) \(o.period.label) — \(conflict.differences)."
    }

    /// Vietnamese lines for a terminal or a page.
    public var lines: [String] {
        var out: [String] = []
        let place = [unit?.title, period?.label].compactMap { $0 }.joined(separator: ", ")
        out.append("\(document)\(place.isEmpty ? "" : " — \(place)"):")
        if let summary {
            out.append("  " + summary.sentence)
            out += conflictLines.map { "  " + $0 }
        } else {
            out.append("  Không ghi gì.")
        }
        if tasksAdded > 0 { out.append("  Đã thêm \(tasksAdded) nhiệm vụ theo kết luận hội nghị.") }
        out += derivedPlans.map { "  Kế hoạch suy ra: \($0)" }
        out += skipped.map { "  Bỏ qua: \($0)" }
        out += findings.map { "  Phát hiện: \($0)" }
        return out
    }
}

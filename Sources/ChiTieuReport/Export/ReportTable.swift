import CSV
import ChiTieuCore
import Foundation

/// A table of targets and results, for spreadsheets and the printable report.
public struct ReportTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double?)
        /// A percentage as written in reports: 70.76 for 70,76%.
        case percent(Double?)
    }

    public var title: String
    /// The unit whose table it is, as the first line of a printed «biểu» («HUYỆN KÔNG CHRO»).
    public var issuer: String?
    public var columns: [String]
    public var rows: [[Cell]]

    public init(title: String, columns: [String], rows: [[Cell]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    static let assessmentColumns = [
        "Chỉ tiêu", "Đơn vị tính", "Cấp giao", "Kế hoạch", "Kết quả", "Ước tính", "% kế hoạch", "So cùng kỳ (%)",
        "Dự báo cả năm", "Đánh giá",
    ]

    /// The targets of one unit for one period, annual plans first, then resolution targets.
    /// Where a target set orders them, an STT column carries its numbers and its group
    /// headings are rows of their own, as the plan document prints them.
    public init(_ material: ReviewMaterial) {
        let overview = material.overview
        title = "\(capitalized(material.unit.title)) — \(material.period.label)"
        issuer = material.unit.title.uppercased()
        guard overview.annualSet != nil || overview.termSet != nil else {
            columns = Self.assessmentColumns
            rows = overview.all.map(Self.row)
            return
        }
        columns = ["STT"] + Self.assessmentColumns
        var rows: [[Cell]] = []
        for a in overview.all {
            let item = overview.item(of: a)
            if let heading = item?.heading {
                rows.append([.text(""), .text(heading)] + Array(repeating: .text(""), count: columns.count - 2))
            }
            rows.append([.text(item?.number ?? "")] + Self.row(a))
        }
        self.rows = rows
    }

    /// One indicator (or all) across units: the children of a province or district.
    public static func across(_ overviews: [Overview], title: String) -> ReportTable {
        var rows: [[Cell]] = []
        for overview in overviews {
            for a in overview.annual { rows.append([.text(overview.unit.title)] + row(a)) }
        }
        return ReportTable(title: title, columns: ["Đơn vị"] + assessmentColumns, rows: rows)
    }

    static func row(_ a: Assessment) -> [Cell] {
        let target: Cell =
            a.target.isAnnual ? .number(a.targetValue) : .text("\(a.target.measure.title) \(a.targetValue.vietnamese)")
        // a completed earlier year's figure beside this period's plan says its year: «72 (năm 2023)»
        let result: Cell =
            if a.value == nil, let achieved = a.achieved, let year = a.achievedThrough {
                .text("\(VietnameseNumberFormat.standard.string(achieved)) (năm \(year))")
            } else {
                .number(a.value ?? a.achieved)
            }
        return [
            .text(a.indicator.name), .text(a.indicator.measureUnit), .text(a.target.planWord), target, result,
            .text(Self.kindOfFigure(a)), .percent(a.percentOfPlan),
            .percent(a.growthPercent), .number(a.forecast), .text(a.status.label),
        ]
    }

    /// «ước», and for a figure derived from the units below «tổng hợp 12/14 đơn vị».
    static func kindOfFigure(_ a: Assessment) -> String {
        var words = a.estimated ? ["ước"] : []
        if let d = a.observation?.derivation {
            words.append("tổng hợp \(d.fromUnits.count)/\(d.fromUnits.count + d.missingUnits.count) đơn vị")
        }
        return words.joined(separator: ", ")
    }

    /// The text of a cell as Vietnamese reports print it.
    static func display(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): s
        case .number(let v): v.map { VietnameseNumberFormat.standard.string($0) } ?? ""
        case .percent(let v): v.map { VietnameseNumberFormat.standard.string($0) } ?? ""
        }
    }

    /// CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly; numbers
    /// in Vietnamese notation, as `chitieu import` reads them.
    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns)
        for row in rows {
            try writer.write(
                row: row.map { cell in
                    if case .text(let s) = cell { SpreadsheetCell.neutralised(s) } else { Self.display(cell) }
                })
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "\u{FEFF}" }
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self)
    }
}

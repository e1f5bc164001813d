import ChiTieuCore
import Foundation

/// What a column of an office's "biểu" holds, read from its header: «Kế hoạch năm 2024»,
/// «Thực hiện 9 tháng», «Ước thực hiện năm», «So sánh (%)» over «KH» and «Cùng kỳ».
enum SummaryRole: Equatable {
    case number
    case name
    case measureUnit
    case plan(year: Int?)
    /// What was done in the report's period (estimated when the header says «ước»).
    case result(year: Int?, toMonth: Int?, estimated: Bool)
    /// The whole year's estimate («Ước thực hiện năm», «Ước cả năm»).
    case yearEstimate(year: Int?)
    /// The same period of the year before («Cùng kỳ năm 2023», «Thực hiện 9 tháng 2023»).
    case lastYear(year: Int?, toMonth: Int?)
    /// The result as a percent of the plan («So sánh KH (%)», «% KH»).
    case percentOfPlan
    /// The result as a percent of the same period («So với cùng kỳ (%)»: 103,81 is +3,81%).
    case ratioToLastYear
    /// The change from the same period («Tăng, giảm so với cùng kỳ (%)»: 3,81).
    case growth
    /// «So cùng kỳ (%)» without «tăng»: a ratio or a change, told by its numbers (`Comparison`).
    case comparedToLastYear
    /// «Ước tính»: «ước» in a row marks its result as estimated.
    case estimatedFlag
    case note

    /// The role a header names, or nil for a header this reader does not know. `folded` is
    /// the header without accents, in lower case ("thuc hien 9 thang nam 2024").
    static func of(_ label: String) -> SummaryRole? {
        let folded = NameKey(label).folded
        let words = Set(folded.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        let year = Self.year(in: folded)
        let months = Self.months(in: folded)
        func has(_ phrase: String) -> Bool { folded.contains(phrase) }
        if ["stt", "tt", "so tt", "so thu tu"].contains(folded.filter { $0 != "." }) { return .number }
        if words.contains("dvt") || has("don vi tinh") || has("d.v.t") { return .measureUnit }
        if has("ghi chu") { return .note }
        if folded == "uoc tinh" || folded == "uoc" { return .estimatedFlag }
        let compares = has("so sanh") || has("so voi") || has("%") || has("ty le")
        if has("cung ky") || has("nam truoc") {
            if compares {
                if has("tang") { return .growth }
                return has("so sanh") || has("ty le") ? .ratioToLastYear : .comparedToLastYear
            }
            return .lastYear(year: year, toMonth: months)
        }
        if compares, has("ke hoach") || words.contains("kh") { return .percentOfPlan }
        if has("ke hoach") || words.contains("kh") || has("du toan") || has("chi tieu giao") || has("muc tieu") {
            return .plan(year: year)
        }
        let estimated = words.contains("uoc")
        if estimated, months == nil, has("nam") || has("ca nam") { return .yearEstimate(year: year) }
        if has("thuc hien") || words.contains("th") || has("ket qua") || estimated {
            return .result(year: year, toMonth: months, estimated: estimated)
        }
        if has("chi tieu") || has("noi dung") { return .name }
        return nil
    }

    static func year(in folded: String) -> Int? {
        let digits = folded.split { !$0.isNumber }.compactMap { Int($0) }
        return digits.last { Period.yearRange.contains($0) }
    }

    /// "9 thang" → 9, "6 thang dau nam" → 6, "quy iii" → 9, "ca nam" → 12.
    static func months(in folded: String) -> Int? {
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (i, word) in words.enumerated() where word == "thang" && i > 0 {
            if let n = Int(words[i - 1]), (1...12).contains(n) { return n }
        }
        for (i, word) in words.enumerated() where word == "quy" && i + 1 < words.count {
            let quarters = ["i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12]
            if let n = quarters[words[i + 1]] { return n }
        }
        if folded.contains("ca nam") { return 12 }
        return nil
    }
}

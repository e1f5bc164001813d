extension FigureScanner {
    /// "30 tỷ 048 triệu đồng", "2 triệu 500 nghìn đồng": an amount written in two scales is one
    /// figure in the larger, 30,048 tỷ đồng.
    func compoundAmount(_ number: Double, _ u: (unit: String, end: Int), limit: Int)
        -> (Double, (unit: String, end: Int))?
    {
        guard let big = Self.scaleFactors[u.unit], u.end < limit, tokens[u.end].isNumber,
            let part = tokens[u.end].number, part == part.rounded(), part >= 0, part < 1_000,
            let rest = unit(at: u.end + 1, limit: limit), let space = rest.unit.firstIndex(of: " "),
            let small = Self.scaleFactors[String(rest.unit[..<space])], small < big
        else { return nil }
        return (number + part * small / big, (u.unit + rest.unit[space...], rest.end))
    }

    /// `percent + by` to the text's own precision: «bằng 93,45% so với cùng kỳ» is a fall of
    /// 6,55%, not of the 6,549999999999997 that binary floating point makes of it.
    static func offset(_ percent: Double, _ by: Double) -> Double {
        ((percent + by) * 1e6).rounded() / 1e6
    }

    static let scaleFactors: [String: Double] = ["nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9]
}

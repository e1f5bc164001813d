extension Assessment {
    /// Said where a figure of the assessment could not be computed from the stored numbers.
    public static let notComputable = "không tính được"

    /// The assessment with every figure finite. Stored numbers are bounded where they enter,
    /// but ratios of extreme ones still overflow (a growth on a previous year of 1e-300, a
    /// forecast from 1e308): such a figure is dropped and said to be "không tính được", and a
    /// judgement resting on one is withdrawn, so that no page, chart or JSON meets infinity.
    func total() -> Assessment {
        var result = self
        var dropped: [String] = []
        @discardableResult func keep(_ value: inout Double?, _ name: String) -> Bool {
            guard let v = value, !v.isFinite else { return true }
            value = nil
            dropped.append(name)
            return false
        }
        keep(&result.value, "giá trị")
        let achievedFinite = keep(&result.achieved, "mức đạt")
        let forecastFinite = keep(&result.forecast, "dự báo")
        keep(&result.percentOfPlan, "tỷ lệ so kế hoạch")
        keep(&result.growthPercent, "tăng trưởng so cùng kỳ")
        keep(&result.expectedShare, "tỷ trọng dự kiến")
        keep(&result.shortfallPercent, "mức hụt")
        let (low, high) = target.bound.values
        let judgementFailed = !achievedFinite || !forecastFinite || !low.isFinite || !(high?.isFinite ?? true)
        guard !dropped.isEmpty || judgementFailed else { return self }
        if result.growthPercent == nil { result.growthSource = nil }
        if judgementFailed {
            result.status = .unassessed
            result.shortfallPercent = nil
        }
        let what = dropped.isEmpty ? "kết quả đánh giá" : dropped.joined(separator: ", ")
        let sentence =
            "\(what.prefix(1).uppercased() + what.dropFirst()): \(Self.notComputable) (số liệu vượt phạm vi tính toán)."
        result.note = [result.note, sentence].compactMap { $0 }.joined(separator: " ")
        return result
    }
}

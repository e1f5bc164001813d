/// How large a stored figure can be. No report states a figure past a million billion in
/// any unit chitieu keeps (Vietnam's GDP is about 1,2 · 10⁷ tỷ đồng), and no percentage past
/// a million; a larger number is a typing or a tampering mistake. Bounding figures where they
/// enter keeps every later computation (sums, ratios, chart scales) far from overflow.
public enum FigureLimits {
    /// The largest magnitude of a value or a target bound.
    public static let largestValue = 1e15
    /// The largest magnitude of a stated percentage (of plan, or growth).
    public static let largestPercent = 1e6
    /// The largest magnitude of a rate in % that is not a share (growth of a rate, change rates).
    public static let largestRate = 1_000.0

    /// Why `value` cannot be stored as `what`, or nil when it can.
    public static func problem(_ value: Double, limit: Double = largestValue, what: String = "giá trị") -> String? {
        guard value.isFinite else { return "\(what) không phải là số hữu hạn" }
        guard abs(value) <= limit else {
            return
                "\(what) \(VietnameseNumberFormat.standard.string(value)) vượt quá giới hạn ±\(VietnameseNumberFormat.standard.string(limit))"
        }
        return nil
    }
}

/// Finds, among the observations read so far, those a new one may repeat: the same figure
/// and unit, or a percentage of plan or a change within one point. Keeps the search for
/// repeats linear in the text instead of comparing every pair.
struct RepeatIndex {
    private var byValue: [String: [Int]] = [:]
    private var byPercent: [Int: [Int]] = [:]
    private var byGrowth: [Int: [Int]] = [:]

    mutating func index(_ o: ExtractionResult.ReadObservation, at position: Int) {
        if let value = o.value { Self.append(position, to: &byValue[Self.key(value, o.unit), default: []]) }
        if let p = o.percentOfPlan, let bucket = Self.bucket(p) {
            Self.append(position, to: &byPercent[bucket, default: []])
        }
        if let g = o.growthPercent, let bucket = Self.bucket(g) {
            Self.append(position, to: &byGrowth[bucket, default: []])
        }
    }

    /// A repeat comes soon after what it repeats: the latest few of a bucket are enough, and
    /// a text where every result is "100%" stays linear.
    private static func append(_ position: Int, to list: inout [Int]) {
        if list.last == position { return }
        list.append(position)
        if list.count > 32 { list.removeFirst(list.count - 32) }
    }

    /// Positions to compare with, in the order they were read.
    func candidates(for o: ExtractionResult.ReadObservation) -> [Int] {
        var found = Set<Int>()
        if let value = o.value { found.formUnion(byValue[Self.key(value, o.unit)] ?? []) }
        for (figure, table) in [(o.percentOfPlan, byPercent), (o.growthPercent, byGrowth)] {
            guard let figure, let bucket = Self.bucket(figure) else { continue }
            for b in (bucket - 1)...(bucket + 1) { found.formUnion(table[b] ?? []) }
        }
        return found.sorted()
    }

    private static func key(_ value: Double, _ unit: String?) -> String { "\(value)|\(unit ?? "")" }

    private static func bucket(_ figure: Double) -> Int? {
        abs(figure) < 1e15 ? Int(figure.rounded()) : nil
    }
}

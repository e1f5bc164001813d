/// A count of a unit's targets by status for a period: "Trong tổng 42 chỉ tiêu đã có
/// 10 chỉ tiêu vượt kế hoạch, 22 chỉ tiêu đạt …".
public struct Tally: Sendable, Equatable, Codable {
    public var exceeded = 0
    public var met = 0
    public var missed = 0
    public var onTrack = 0
    public var atRisk = 0
    public var offTrack = 0
    public var unassessed = 0

    public init() {}

    /// Counts each indicator once: where several issuers set a target for it, the
    /// highest-ranked one (the unit's own plan before a budget estimate) is counted.
    public init(counting assessments: [Assessment]) {
        for a in Self.counted(assessments) { add(a.status) }
    }

    /// The assessments a tally counts, in their order: one per indicator (and kind of target),
    /// the highest-ranked issuer's where several set one.
    public static func counted(_ assessments: [Assessment]) -> [Assessment] {
        var chosen: [String: Assessment] = [:]
        var order: [String] = []
        for a in assessments {
            let key = "\(a.target.isAnnual)|\(a.target.indicatorCode)|\(a.target.measure.rawValue)"
            if let existing = chosen[key],
                (existing.target.issuerRank, existing.target.id) <= (a.target.issuerRank, a.target.id)
            {
                continue
            }
            if chosen[key] == nil { order.append(key) }
            chosen[key] = a
        }
        return order.compactMap { chosen[$0] }
    }

    public mutating func add(_ status: AssessmentStatus) {
        switch status {
        case .exceeded: exceeded += 1
        case .met: met += 1
        case .missed: missed += 1
        case .onTrack: onTrack += 1
        case .atRisk: atRisk += 1
        case .offTrack: offTrack += 1
        case .unassessed: unassessed += 1
        }
    }

    public var total: Int { exceeded + met + missed + onTrack + atRisk + offTrack + unassessed }

    public func count(_ status: AssessmentStatus) -> Int {
        switch status {
        case .exceeded: exceeded
        case .met: met
        case .missed: missed
        case .onTrack: onTrack
        case .atRisk: atRisk
        case .offTrack: offTrack
        case .unassessed: unassessed
        }
    }

    /// "Trong tổng 42 chỉ tiêu đã có 10 chỉ tiêu vượt kế hoạch, 22 chỉ tiêu đạt kế hoạch, …"
    public var sentence: String { sentence(over: nil) }

    /// The sentence naming the set counted over: "Trong tổng 15 chỉ tiêu của Kế hoạch phát
    /// triển kinh tế - xã hội năm 2025 đã có …".
    public func sentence(over set: TargetSet?) -> String {
        var parts: [String] = []
        let phrases: [(AssessmentStatus, String)] = [
            (.exceeded, "vượt kế hoạch"), (.met, "đạt kế hoạch"), (.missed, "không đạt kế hoạch"),
            (.onTrack, "đúng tiến độ"), (.atRisk, "có nguy cơ không đạt"), (.offTrack, "chậm tiến độ"),
            (.unassessed, "chưa đánh giá"),
        ]
        for (status, phrase) in phrases where count(status) > 0 {
            let n = count(status)
            parts.append("\(n < 10 ? "0" : "")\(n) chỉ tiêu \(phrase)")
        }
        guard !parts.isEmpty else { return "Chưa có chỉ tiêu nào." }
        let of = set.map { " của \($0.title)" } ?? ""
        return "Trong tổng \(total) chỉ tiêu\(of) đã có " + parts.joined(separator: ", ") + "."
    }

    private enum CodingKeys: String, CodingKey {
        case exceeded, met, missed, onTrack = "on_track", atRisk = "at_risk", offTrack = "off_track", unassessed, total
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exceeded, forKey: .exceeded)
        try c.encode(met, forKey: .met)
        try c.encode(missed, forKey: .missed)
        try c.encode(onTrack, forKey: .onTrack)
        try c.encode(atRisk, forKey: .atRisk)
        try c.encode(offTrack, forKey: .offTrack)
        try c.encode(unassessed, forKey: .unassessed)
        try c.encode(total, forKey: .total)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exceeded = try c.decode(Int.self, forKey: .exceeded)
        met = try c.decode(Int.self, forKey: .met)
        missed = try c.decode(Int.self, forKey: .missed)
        onTrack = try c.decode(Int.self, forKey: .onTrack)
        atRisk = try c.decode(Int.self, forKey: .atRisk)
        offTrack = try c.decode(Int.self, forKey: .offTrack)
        unassessed = try c.decode(Int.self, forKey: .unassessed)
    }
}

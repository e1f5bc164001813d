/// A numbered conference (hội nghị) of a Party committee that reviews a period.
public struct Conference: Hashable, Sendable, Codable {
    public var unitID: UnitID
    /// lần thứ N
    public var number: Int
    /// khóa: 8 for khóa VIII
    public var term: Int?
    /// (mở rộng)
    public var extended: Bool
    public var date: CalendarDay?
    public var period: Period?

    public init(
        unitID: UnitID, number: Int, term: Int? = nil, extended: Bool = false, date: CalendarDay? = nil,
        period: Period? = nil
    ) {
        self.unitID = unitID
        self.number = number
        self.term = term
        self.extended = extended
        self.date = date
        self.period = period
    }

    /// `Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18 (mở rộng), khóa VIII`
    public func title(unitKind: UnitKind) -> String {
        var text = "Hội nghị Ban Chấp hành Đảng bộ \(unitKind.rawValue) lần thứ \(number)"
        if extended { text += " (mở rộng)" }
        if let term { text += ", khóa \(RomanNumeral.string(term))" }
        return text
    }
}

/// A count of targets by outcome as a document stated it: "Trong tổng 42 chỉ tiêu đã có
/// 10 chỉ tiêu vượt kế hoạch, 22 chỉ tiêu đạt ...". Kept to check against, not computed.
public struct StatedTally: Hashable, Sendable, Codable {
    public var unitID: UnitID
    public var period: Period
    public var total: Int?
    public var exceeded: Int?
    public var met: Int?
    public var metOrExceeded: Int?
    public var missed: Int?
    public var unassessed: Int?
    public var source: Provenance

    public init(
        unitID: UnitID, period: Period, total: Int? = nil, exceeded: Int? = nil, met: Int? = nil,
        metOrExceeded: Int? = nil, missed: Int? = nil, unassessed: Int? = nil, source: Provenance = Provenance()
    ) {
        self.unitID = unitID
        self.period = period
        self.total = total
        self.exceeded = exceeded
        self.met = met
        self.metOrExceeded = metOrExceeded
        self.missed = missed
        self.unassessed = unassessed
        self.source = source
    }

    /// The sum of the parts the document gave, or nil when it gave no parts.
    public var sumOfParts: Int? {
        let parts = [exceeded, met, metOrExceeded, missed, unassessed].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        let achieved = metOrExceeded ?? ((exceeded ?? 0) + (met ?? 0))
        return achieved + (missed ?? 0) + (unassessed ?? 0)
    }

    /// Whether every outcome was stated, so the parts must add up to the total exactly.
    /// "15/20 chỉ tiêu đạt và vượt" states one part only and says nothing of the other five.
    public var statesEveryOutcome: Bool {
        let achievedStated = metOrExceeded != nil || (exceeded != nil && met != nil)
        return achievedStated && missed != nil && unassessed != nil
    }
}

/// A new unit's figure for a time before it existed, made from the units it was formed from
/// (the registry's lineage): whole predecessors summed (flows) or recomputed (rates), a
/// predecessor split between new units by its known share. Where a share is unknown, a
/// predecessor has no figure, or the indicator cannot be carried across (communes meeting a
/// standard), it says why instead: growth is then «không so sánh được», never a wrong number.
public struct Reconstruction: Sendable {
    public struct Predecessor: Sendable {
        public var name: String
        public var history: ObservationHistory
        /// Nil while unknown.
        public var share: Double?

        public init(name: String, history: ObservationHistory, share: Double?) {
            self.name = name
            self.history = history
            self.share = share
        }
    }

    public enum Outcome: Sendable, Equatable {
        case figure(DerivedFigure)
        case notComparable(String)
    }

    public let rollUp: RollUp

    public init(indicators: [String: Indicator]) { rollUp = RollUp(indicators: indicators) }

    public func reconstruct(
        _ indicator: Indicator, year: Int, throughMonth toMonth: Int, from predecessors: [Predecessor]
    ) -> Outcome? {
        guard !predecessors.isEmpty, !indicator.rollUp.methods.isEmpty else { return nil }
        if indicator.rollUp.methods.allSatisfy({ if case .countMeeting = $0 { true } else { false } }) {
            return .notComparable("số đơn vị đạt chuẩn không tính lại được theo đơn vị cũ")
        }
        let unknown = predecessors.filter { $0.share == nil }.map(\.name)
        guard unknown.isEmpty else {
            return .notComparable("chưa biết tỷ lệ kế thừa từ \(unknown.joined(separator: ", "))")
        }
        let children = predecessors.map { RollUp.Child(name: $0.name, history: $0.history, share: $0.share ?? 0) }
        guard var figure = rollUp.derive(indicator, year: year, throughMonth: toMonth, children: children) else {
            return .notComparable("các đơn vị cũ chưa có số")
        }
        guard figure.derivation.missingUnits.isEmpty else {
            return .notComparable("\(figure.derivation.missingUnits.joined(separator: ", ")) chưa có số")
        }
        figure.derivation.origin = .reconstructed
        let partial = predecessors.filter { ($0.share ?? 1) < 1 }
        if !partial.isEmpty {
            figure.derivation.fromUnits = predecessors.map { p in
                guard let share = p.share, share < 1 else { return p.name }
                return "\(p.name) (\(VietnameseNumberFormat.standard.percent(share * 100)))"
            }
        }
        return .figure(figure)
    }
}

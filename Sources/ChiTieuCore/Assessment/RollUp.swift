/// Where a figure that nobody entered for a unit comes from: the units below it.
public struct Derivation: Hashable, Sendable {
    public enum Origin: String, Sendable, Codable {
        /// Summed or recomputed from the units below.
        case derived
        /// A new unit's earlier figure, made from the units it was formed from.
        case reconstructed
    }

    public var origin: Origin
    public var method: RollUpRule.Method
    /// The units whose figures went in, and the units below that have no figure for it.
    public var fromUnits: [String]
    public var missingUnits: [String]
    /// Why a reconstructed figure could not be made comparable; the figure then has no value.
    public var problem: String?

    public init(
        origin: Origin, method: RollUpRule.Method, fromUnits: [String], missingUnits: [String], problem: String? = nil
    ) {
        self.origin = origin
        self.method = method
        self.fromUnits = fromUnits
        self.missingUnits = missingUnits
        self.problem = problem
    }

    /// «cộng từ 12/14 đơn vị cấp dưới; chưa có số: xã A, xã B»; for a reconstructed figure
    /// «tính từ 3 đơn vị cũ: thị trấn Kông Chro, xã Yang Trung, xã Yang Nam».
    public var sentence: String {
        if origin == .reconstructed {
            return "tính từ \(fromUnits.count) đơn vị cũ: \(fromUnits.joined(separator: ", "))"
        }
        let total = fromUnits.count + missingUnits.count
        let how =
            switch method {
            case .sum: "cộng"
            case .share: "tính lại tỷ lệ"
            case .mean(let weight): weight == nil ? "bình quân" : "bình quân gia quyền"
            case .countMeeting: "đếm đơn vị đạt"
            }
        var text = "\(how) từ \(fromUnits.count)/\(total) đơn vị cấp dưới"
        if !missingUnits.isEmpty {
            let shown = missingUnits.prefix(5).joined(separator: ", ")
            text += "; chưa có số: \(shown)\(missingUnits.count > 5 ? " và \(missingUnits.count - 5) đơn vị khác" : "")"
        }
        return text
    }
}

/// A unit's figure derived from its children's, and how.
public struct DerivedFigure: Sendable, Equatable {
    public var value: Double
    public var estimated: Bool
    public var derivation: Derivation
}

/// Derives a unit's figure for an indicator and period from the figures of its children by
/// the indicator's `RollUpRule`. Pure and total: every sum is over the children given (one
/// pass each), a result that is not finite, or a denominator or weight of zero, derives nothing.
public struct RollUp: Sendable {
    public struct Child: Sendable {
        public var name: String
        public var history: ObservationHistory
        /// The part of this unit's figures that counts: 1 for a child, or for a predecessor
        /// merged whole; the known share of a predecessor split between new units.
        public var share: Double

        public init(name: String, history: ObservationHistory, share: Double = 1) {
            self.name = name
            self.history = history
            self.share = share
        }
    }

    /// The catalogue, for the indicators a rule reads besides its own.
    public let indicators: [String: Indicator]

    public init(indicators: [String: Indicator]) { self.indicators = indicators }

    /// The derived figure for January…`toMonth` of `year`, or nil when no child gives what the
    /// rule needs. Of the rule's methods, the one most children can give is used (the earlier
    /// on a tie): poor households over households when all communes store both, the weighted
    /// mean of their rates when more of them store only the rate.
    public func derive(_ indicator: Indicator, year: Int, throughMonth toMonth: Int, children: [Child])
        -> DerivedFigure?
    {
        var best: (Attempt, RollUpRule.Method)?
        for method in indicator.rollUp.methods {
            let attempt = self.attempt(method, indicator, year, toMonth, children)
            guard attempt.value != nil, attempt.from.count > (best?.0.from.count ?? 0) else { continue }
            best = (attempt, method)
        }
        guard let (attempt, method) = best, let value = attempt.value else { return nil }
        let from = Set(attempt.from)
        return DerivedFigure(
            value: value, estimated: attempt.estimated,
            derivation: Derivation(
                origin: .derived, method: method, fromUnits: attempt.from,
                missingUnits: children.map(\.name).filter { !from.contains($0) }))
    }

    private struct Attempt {
        var value: Double?
        var from: [String] = []
        var estimated = false
    }

    private func attempt(
        _ method: RollUpRule.Method, _ indicator: Indicator, _ year: Int, _ toMonth: Int, _ children: [Child]
    ) -> Attempt {
        func reading(_ code: String, _ child: Child) -> Reading? {
            guard let indicator = code == indicator.code ? indicator : indicators[code] else { return nil }
            return child.history.value(of: indicator, year: year, throughMonth: toMonth)
        }
        var attempt = Attempt()
        var (top, bottom) = (0.0, 0.0)
        for child in children {
            var parts: [Reading] = []
            switch method {
            case .sum:
                guard let own = reading(indicator.code, child) else { continue }
                top += own.value * child.share
                parts = [own]
            case .share(let numerator, let denominator, _):
                guard let n = reading(numerator, child), let d = reading(denominator, child) else { continue }
                (top, bottom) = (top + n.value * child.share, bottom + d.value * child.share)
                parts = [n, d]
            case .mean(let weight):
                guard let own = reading(indicator.code, child) else { continue }
                let w = weight.map { reading($0, child) } ?? Reading(value: 1, estimated: false, parts: [])
                guard let w else { continue }
                let weight = w.value * child.share
                (top, bottom) = (top + own.value * weight, bottom + weight)
                parts = [own, w]
            case .countMeeting(let code, let least):
                // a part of a commune does not meet a standard: counted only whole
                guard child.share == 1, let own = reading(code, child) else { continue }
                top += own.value >= least ? 1 : 0
                parts = [own]
            }
            attempt.from.append(child.name)
            attempt.estimated = attempt.estimated || parts.contains { $0.estimated }
        }
        guard !attempt.from.isEmpty else { return attempt }
        let value: Double? =
            switch method {
            case .sum, .countMeeting: top
            case .share(_, _, let scale): bottom > 0 ? scale * top / bottom : nil
            case .mean: bottom > 0 ? top / bottom : nil
            }
        attempt.value = value.flatMap { $0.isFinite ? $0 : nil }
        return attempt
    }
}

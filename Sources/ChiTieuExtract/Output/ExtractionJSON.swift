import ChiTieuCore
import Foundation

/// The JSON of `shared/extraction/SCHEMA.md`: every schema field present (null when the text
/// does not state it), plus `indicator_code`, `span` and `findings`.
extension ExtractionResult: Encodable {
    private enum Keys: String, CodingKey {
        case unit, period, conference, observations, tally, targets, people, tasks, findings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(period.map(PeriodJSON.init), forKey: .period)
        try c.encode(conference, forKey: .conference)
        try c.encode(observations, forKey: .observations)
        try c.encode(tally, forKey: .tally)
        try c.encode(targets, forKey: .targets)
        try c.encode(people, forKey: .people)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(findings, forKey: .findings)
    }

    /// One JSON object, keys sorted, on one line when `pretty` is false.
    public func json(source: String? = nil, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        if let source {
            return String(decoding: try encoder.encode(Sourced(source: source, result: self)), as: UTF8.self)
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

private struct Sourced: Encodable {
    let source: String
    let result: ExtractionResult

    private enum Keys: String, CodingKey { case source }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(source, forKey: .source)
    }
}

private struct PeriodJSON: Encodable {
    let year: Int
    let from_month: Int
    let to_month: Int

    init(_ p: Period) {
        year = p.year
        from_month = p.fromMonth
        to_month = p.toMonth
    }
}

extension ExtractionResult.UnitMention: Encodable {
    private enum Keys: String, CodingKey { case kind, name, province }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(province, forKey: .province)
    }
}

extension ExtractionResult.ConferenceMention: Encodable {
    private enum Keys: String, CodingKey { case number, term, extended, kind }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(number, forKey: .number)
        try c.encode(term, forKey: .term)
        try c.encode(extended, forKey: .extended)
        try c.encode(isCongress ? "đại hội" : isCouncilSession ? "kỳ họp" : "hội nghị", forKey: .kind)
    }
}

extension ExtractionResult.Span: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}

extension ExtractionResult.ReadObservation: Encodable {
    private enum Keys: String, CodingKey {
        case indicator, value, unit, qualifier, estimated, percent_of_plan, plan_value, growth_percent, price_basis
        case indicator_code, span, derived_plan, plan_word, other_percent_of_plan
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier?.rawValue, forKey: .qualifier)
        try c.encode(estimated, forKey: .estimated)
        try c.encode(percentOfPlan, forKey: .percent_of_plan)
        try c.encode(planValue, forKey: .plan_value)
        try c.encode(growthPercent, forKey: .growth_percent)
        try c.encode(priceBasis, forKey: .price_basis)
        try c.encode(indicatorCode, forKey: .indicator_code)
        try c.encode(span, forKey: .span)
        try c.encode(derivedPlan, forKey: .derived_plan)
        try c.encode(planWords, forKey: .plan_word)
        try c.encode(otherPlans, forKey: .other_percent_of_plan)
    }

    /// The plan a stated percentage implies: value ÷ percent of plan.
    public var derivedPlan: Double? {
        guard planValue == nil, let value, let percent = percentOfPlan, percent > 0 else { return nil }
        return (value / percent * 100 * 100).rounded() / 100
    }
}

extension ExtractionResult.OtherPlan: Encodable {
    private enum Keys: String, CodingKey { case percent_of_plan, plan_word }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(percent, forKey: .percent_of_plan)
        try c.encode(planWords, forKey: .plan_word)
    }
}

extension ExtractionResult.ReadTarget: Encodable {
    private enum Keys: String, CodingKey { case indicator, value, unit, qualifier, year, indicator_code, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier?.rawValue, forKey: .qualifier)
        try c.encode(year, forKey: .year)
        try c.encode(indicatorCode, forKey: .indicator_code)
        try c.encode(span, forKey: .span)
    }
}

extension ExtractionResult.ReadTally: Encodable {
    private enum Keys: String, CodingKey {
        case total, exceeded, met, met_or_exceeded, missed, unevaluated, on_track, at_risk, off_track, span
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(total, forKey: .total)
        try c.encode(exceeded, forKey: .exceeded)
        try c.encode(met, forKey: .met)
        try c.encode(metOrExceeded, forKey: .met_or_exceeded)
        try c.encode(missed, forKey: .missed)
        try c.encode(unevaluated, forKey: .unevaluated)
        try c.encodeIfPresent(onTrack, forKey: .on_track)
        try c.encodeIfPresent(atRisk, forKey: .at_risk)
        try c.encodeIfPresent(offTrack, forKey: .off_track)
        try c.encode(span, forKey: .span)
    }
}

extension ExtractionResult.Person: Encodable {
    private enum Keys: String, CodingKey { case name, positions }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(positions, forKey: .positions)
    }
}

extension ExtractionResult.TextFinding: Encodable {
    private enum Keys: String, CodingKey { case kind, message, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(message, forKey: .message)
        try c.encode(span, forKey: .span)
    }
}

extension ExtractionResult.TaskDraft: Encodable {
    private enum Keys: String, CodingKey { case text, addressee, deadline, deadline_date, span }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(text, forKey: .text)
        try c.encode(addressee, forKey: .addressee)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(deadlineDay?.iso, forKey: .deadline_date)
        try c.encode(span, forKey: .span)
    }
}

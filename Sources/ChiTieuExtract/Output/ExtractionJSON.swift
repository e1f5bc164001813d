import ChiTieuCore

/// The JSON of `shared/extraction/SCHEMA.md`: every schema field present (null when the text
/// does not state it), plus `indicator_code`, `span` and `findings`.
extension ExtractionResult: Encodable {
    public var jsonValue: JSONValue {
        .object([
            .init("unit", unit.map(\.jsonValue) ?? .null),
            .init("period", period.map(Self.json) ?? .null),
            .init("conference", conference.map(\.jsonValue) ?? .null),
            .init("observations", .array(observations.map(\.jsonValue))),
            .init("tally", tally.map(\.jsonValue) ?? .null),
            .init("targets", .array(targets.map(\.jsonValue))),
            .init("people", .array(people.map(\.jsonValue))),
            .init("tasks", .array(tasks.map(\.jsonValue))),
            .init("findings", .array(findings.map(\.jsonValue))),
        ])
    }

    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }

    /// One JSON object, keys sorted, on one line when `pretty` is false; with `source` first
    /// among its keys when given (the line of a run without `--out`).
    public func json(source: String? = nil, pretty: Bool = true) -> String {
        String(decoding: utf8(source: source, pretty: pretty), as: UTF8.self)
    }

    public func utf8(source: String? = nil, pretty: Bool = true) -> [UInt8] {
        guard let source, case .object(let members) = jsonValue else { return jsonValue.utf8(pretty: pretty) }
        return JSONValue.object(members + [.init("source", .string(source))]).utf8(pretty: pretty)
    }

    private static func json(_ p: Period) -> JSONValue {
        .object([
            .init("from_month", .integer(p.fromMonth)), .init("to_month", .integer(p.toMonth)),
            .init("year", .integer(p.year)),
        ])
    }
}

extension ExtractionResult.UnitMention {
    var jsonValue: JSONValue {
        .object([
            .init("kind", .string(kind.rawValue)), .init("name", .string(name)), .init("province", .string(province)),
        ])
    }
}

extension ExtractionResult.ConferenceMention {
    var jsonValue: JSONValue {
        .object([
            .init("extended", .bool(extended)),
            .init("kind", .string(isCongress ? "đại hội" : isCouncilSession ? "kỳ họp" : "hội nghị")),
            .init("number", .integer(number)), .init("term", .integer(term)),
        ])
    }
}

extension ExtractionResult.Span {
    var jsonValue: JSONValue { .array([.integer(start), .integer(end)]) }
}

extension ExtractionResult.ReadObservation {
    var jsonValue: JSONValue {
        .object([
            .init("derived_plan", .number(derivedPlan)), .init("estimated", .bool(estimated)),
            .init("growth_percent", .number(growthPercent)), .init("indicator", .string(indicator)),
            .init("indicator_code", .string(indicatorCode)),
            .init("other_percent_of_plan", .array(otherPlans.map(\.jsonValue))),
            .init("percent_of_plan", .number(percentOfPlan)), .init("plan_value", .number(planValue)),
            .init("plan_word", .string(planWords)), .init("price_basis", .string(priceBasis)),
            .init("qualifier", .string(qualifier?.rawValue)), .init("span", span.jsonValue),
            .init("unit", .string(unit)), .init("value", .number(value)),
        ])
    }

    /// The plan a stated percentage implies: value ÷ percent of plan.
    public var derivedPlan: Double? {
        guard planValue == nil, let value, let percent = percentOfPlan, percent > 0 else { return nil }
        return (value / percent * 100 * 100).rounded() / 100
    }
}

extension ExtractionResult.OtherPlan {
    var jsonValue: JSONValue {
        .object([.init("percent_of_plan", .number(percent)), .init("plan_word", .string(planWords))])
    }
}

extension ExtractionResult.ReadTarget {
    var jsonValue: JSONValue {
        .object([
            .init("growth", .bool(isGrowth)), .init("indicator", .string(indicator)),
            .init("indicator_code", .string(indicatorCode)),
            .init("qualifier", .string(qualifier?.rawValue)), .init("range_high", .number(rangeHigh)),
            .init("span", span.jsonValue), .init("unit", .string(unit)), .init("value", .number(value)),
            .init("year", .integer(year)),
        ])
    }
}

extension ExtractionResult.ReadTally {
    /// The mid-year counts only where the text gives them: they are beyond the schema.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [
            .init("exceeded", .integer(exceeded)), .init("met", .integer(met)),
            .init("met_or_exceeded", .integer(metOrExceeded)), .init("missed", .integer(missed)),
            .init("span", span.jsonValue), .init("total", .integer(total)),
            .init("unevaluated", .integer(unevaluated)),
        ]
        for (key, count) in [("at_risk", atRisk), ("off_track", offTrack), ("on_track", onTrack)] {
            if let count { members.append(.init(key, .integer(count))) }
        }
        return .object(members)
    }
}

extension ExtractionResult.Person {
    var jsonValue: JSONValue {
        .object([.init("name", .string(name)), .init("positions", .array(positions.map { .string($0) }))])
    }
}

extension ExtractionResult.TextFinding {
    var jsonValue: JSONValue {
        .object([
            .init("kind", .string(kind.rawValue)), .init("message", .string(message)), .init("span", span.jsonValue),
        ])
    }
}

extension ExtractionResult.TaskDraft {
    var jsonValue: JSONValue {
        .object([
            .init("addressee", .string(addressee)), .init("deadline", .string(deadline)),
            .init("deadline_date", .string(deadlineDay?.iso)), .init("span", span.jsonValue),
            .init("text", .string(text)),
        ])
    }
}

import ChiTieuCore
import SQLKit

extension ReportingDeadline {
    /// The audit entry of a change from `old` to `new` for periods ending in `toMonth`.
    static func audit(from old: ReportingDeadline?, to new: ReportingDeadline?, toMonth: Int) -> AuditEntry {
        AuditEntry(
            action: old == nil ? .added : new == nil ? .removed : .changed, subject: .reportingDeadline, unitID: nil,
            recordKey: "han-bao-cao/\(toMonth)", description: "hạn báo cáo kỳ \(toMonth) tháng",
            oldValue: old?.label, newValue: new?.label)
    }
}

extension SQLRepository {
    public func reportingDeadlines() async throws -> [Int: ReportingDeadline] {
        try await database.withSession { db in try await Self.deadlines(db) }
    }

    static func deadlines(_ db: any SQLDatabase) async throws -> [Int: ReportingDeadline] {
        var found: [Int: ReportingDeadline] = [:]
        for row in try await db.select().columns("to_month", "day", "months_after").from("reporting_deadlines").all() {
            if let deadline = ReportingDeadline(
                toMonth: try row.decode(column: "to_month", as: Int.self),
                day: try row.decode(column: "day", as: Int.self),
                monthsAfter: try row.decode(column: "months_after", as: Int.self))
            {
                found[deadline.toMonth] = deadline
            }
        }
        return found
    }

    public func setReportingDeadline(_ deadline: ReportingDeadline?, toMonth: Int, author: ChangeAuthor) async throws {
        let now = clock.timestamp()
        try await database.transaction { db in
            let old = try await Self.deadlines(db)[toMonth]
            guard old != deadline else { return }
            try await db.delete(from: "reporting_deadlines").where("to_month", .equal, toMonth).run()
            if let deadline {
                try await db.insert(into: "reporting_deadlines").columns("to_month", "day", "months_after")
                    .values(SQLBind(toMonth), SQLBind(deadline.day), SQLBind(deadline.monthsAfter)).run()
            }
            let entry = ReportingDeadline.audit(from: old, to: deadline, toMonth: toMonth)
                .stamped(realID: { $0 }, author: author, at: now)
            try await db.insert(into: "audit_log").columns(AuditColumns.names).values(AuditColumns.values(entry)).run()
        }
    }
}

extension MemoryRepository {
    public func reportingDeadlines() -> [Int: ReportingDeadline] { deadlines }

    public func setReportingDeadline(_ deadline: ReportingDeadline?, toMonth: Int, author: ChangeAuthor) {
        let old = deadlines[toMonth]
        guard old != deadline else { return }
        deadlines[toMonth] = deadline
        record(ReportingDeadline.audit(from: old, to: deadline, toMonth: toMonth), author: author)
    }
}

/// The reporting status of the units below a unit for one period.
public struct ReportingOverview: Sendable {
    public let unit: AdministrativeUnit
    public let period: Period
    public let deadline: ReportingDeadline?
    /// The units below, worst first (overdue, not yet, partly, late, reported, no targets).
    public let units: [UnitReporting]

    public var deadlineDay: CalendarDay? { deadline?.date(in: period.year) }

    /// Three or four queries: the children, their plans of the year, their figures for exactly
    /// the period, and the year's other figures only of the units that lack one (a flow may be
    /// pieced together from quarters) — not every month of a province's hundred communes.
    public static func load(
        _ unit: AdministrativeUnit, period: Period, today: CalendarDay, repository: any ChiTieuRepository
    ) async throws -> ReportingOverview {
        let children = try await repository.children(of: unit.id).filter { $0.existed(on: period.endDay) }
        let ids = children.map(\.id)
        let year = period.year...period.year
        let targets = Dictionary(grouping: try await repository.targets(unitIDs: ids, years: year), by: \.unitID)
        let owed = Set(targets.values.joined().map(\.indicatorCode))
        var results = Dictionary(
            grouping: try await repository.observations(unitIDs: ids, codes: owed, years: year, periods: [period]),
            by: \.unitID)
        let lacking = ids.filter { id in
            let reported = Set((results[id] ?? []).filter { $0.value != nil }.map(\.indicatorCode))
            return (targets[id] ?? []).contains { !reported.contains($0.indicatorCode) }
        }
        if !lacking.isEmpty {
            for (id, figures) in Dictionary(
                grouping: try await repository.observations(unitIDs: lacking, years: year), by: \.unitID)
            {
                results[id] = figures
            }
        }
        let indicators = try await repository.indicatorsByCode()
        let deadline = try await repository.reportingDeadlines()[period.toMonth]
        let day = deadline?.date(in: period.year)
        let order = Dictionary(uniqueKeysWithValues: UnitReporting.State.allCases.enumerated().map { ($1, $0) })
        let units = children.map { child in
            UnitReporting(
                unit: child, targets: targets[child.id] ?? [], indicators: indicators,
                history: ObservationHistory(results[child.id] ?? []), period: period, deadline: day, today: today)
        }
        .sorted { (order[$0.state] ?? 0, $0.unit.name) < (order[$1.state] ?? 0, $1.unit.name) }
        return ReportingOverview(unit: unit, period: period, deadline: deadline, units: units)
    }

    /// How many units are in each state.
    public var counts: [UnitReporting.State: Int] { Dictionary(grouping: units, by: \.state).mapValues(\.count) }
}

import ChiTieuCore
import ChiTieuReport
import Hummingbird

/// `/don-vi/{id}?nam=&thang=`: the tally and every target of a unit for a period, the ones
/// needing attention first.
struct OverviewPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.overview.pattern, use: page)
    }

    struct View {
        let layout: LayoutView
        let heading: String
        let conference: String?
        let tally: [TallyCard]
        let tallySentence: String
        let rows: [TargetRow]
        let termRows: [TargetRow]
        /// The set's title when a target set orders the table, else the kind of targets.
        let annualTitle: String
        let termTitle: String
        /// What the set leaves out or lacks, said under the tally.
        let setNotes: [String]
        let others: [OtherRow]
        let children: [ChildLink]
        /// Which units below have reported the period's figures; all of them at a glance.
        let reportingHref: String?
        let glanceHref: String?
        let empty: Bool
        let entryHref: String
        let planHref: String
        let setHref: String
        /// The page of the units it was formed from or went into, for a unit of the 2025 reform.
        let lineageHref: String?

        /// A set's targets in its order, numbered, the rest after them; without a set, the ones
        /// needing attention first.
        static func rows(_ list: [Assessment], set: TargetSet?, of model: OverviewModel) -> [TargetRow] {
            let ordered = set == nil ? list.sorted(by: OverviewPage.urgency) : list
            let overview = model.overview
            return ordered.map { a in
                var row = TargetRow(a, unitID: model.unit.id, item: overview.item(of: a))
                if !overview.isCounted(a) {
                    row.uncounted =
                        set == nil
                        ? "Không tính vào tổng hợp: chỉ tiêu này đã được tính một lần theo cấp giao khác."
                        : "Ngoài bộ chỉ tiêu: không tính vào tổng hợp."
                }
                return row
            }
        }

        static func heading(_ model: OverviewModel) -> String {
            "\(model.unit.capitalizedTitle) — \(model.period.label)"
        }

        /// The page for `model`: a pure function, tested without HTTP.
        init(_ model: OverviewModel, layout: LayoutView) {
            let (unit, period, overview, others) = (model.unit, model.period, model.overview, model.otherResults)
            self.layout = layout
            heading = Self.heading(model)
            conference = model.conference.map { $0.title(unitKind: unit.kind) }
            tally = AssessmentStatus.allCases.compactMap { status in
                let count = overview.tally.count(status)
                return count == 0 ? nil : TallyCard(label: status.label, count: count, cls: Display.statusClass(status))
            }
            tallySentence = overview.tally.total > 0 ? overview.tally.sentence(over: overview.annualSet) : ""
            rows = Self.rows(overview.annual, set: overview.annualSet, of: model)
            termRows = Self.rows(overview.term, set: overview.termSet, of: model)
            annualTitle =
                overview.annualSet.map { "\($0.title) (\($0.items.count) chỉ tiêu)" } ?? "Chỉ tiêu kế hoạch năm"
            termTitle = overview.termSet.map { "\($0.title) (\($0.items.count) chỉ tiêu)" } ?? "Chỉ tiêu nghị quyết"
            setNotes = SetNotes(overview).lines
            self.others = others.map { r in
                OtherRow(
                    name: r.indicator.name, href: PageAddress.indicator(unit.id, r.indicator.code, period),
                    value: AssessmentWording.quantity(
                        r.observation.value, unit: r.indicator.measureUnit, qualifier: r.observation.qualifier,
                        estimated: r.observation.estimated))
            }
            children = model.children.map {
                ChildLink(href: PageAddress.overview.path($0.id, period), title: $0.capitalizedTitle)
            }
            empty = overview.all.isEmpty && others.isEmpty
            entryHref = PageAddress.entry.path(unit.id, period)
            planHref = PageAddress.plan.path(unit.id, period)
            setHref = SiteURL.unit(unit.id, .targetSet).path(["nam": "\(period.year)"])
            glanceHref =
                model.children.isEmpty
                ? nil : SiteURL.unit(unit.id, .glance).path(["nam": "\(period.year)", "thang": "\(period.toMonth)"])
            reportingHref =
                model.children.isEmpty
                ? nil
                : SiteURL.unit(unit.id, .reporting).path([
                    "nam": "\(period.year)", "thang": "\(period.toMonth)",
                ])
            lineageHref = unit.validFrom != nil || unit.validTo != nil ? SiteURL.unit(unit.id, .lineage).path() : nil
        }
    }

    struct TallyCard {
        let label: String
        let count: Int
        let cls: String
    }

    struct OtherRow {
        let name: String
        let href: String
        let value: String
    }

    struct ChildLink {
        let href: String
        let title: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await services.cachedUnitAnswer(request, context: context, contentType: PageRenderer.contentType) {
            try await html($0, $1, context: context)
        }
    }

    private func html(_ unit: AdministrativeUnit, _ values: RequestValues, context: AppRequestContext) async throws
        -> ByteBuffer
    {
        let period = try await services.pagePeriod(values, of: unit)
        let model = try await OverviewModel.load(unit, period: period, services: services)
        let layout = try await services.layout(
            context: context, View.heading(model), page: .overview, unit: unit, period: period)
        return try services.pages.html(View(model, layout: layout), template: "overview")
    }

    /// Targets needing attention first; catalogue order within a status.
    static func urgency(_ a: Assessment, _ b: Assessment) -> Bool { a.status.urgency < b.status.urgency }
}

/// What a target set leaves out of the tally, or counts without a target to show.
struct SetNotes {
    private(set) var lines: [String] = []

    init(_ overview: Overview) {
        for (set, list) in [(overview.annualSet, overview.annual), (overview.termSet, overview.term)] {
            guard let set else { continue }
            let outside = list.filter { overview.item(of: $0) == nil }.count
            if outside > 0 {
                lines.append(
                    "\(outside) chỉ tiêu khác ngoài «\(set.title)» được liệt kê sau cùng, không tính trong tổng hợp.")
            }
        }
        for item in overview.unplacedItems {
            lines.append(
                "Mục \(item.number) (\(item.indicatorCode)) của bộ chỉ tiêu chưa có kế hoạch: tính là chưa đánh giá.")
        }
    }
}

/// One target in a table: figures written out, a progress bar, a status colour.
struct TargetRow {
    /// The number and group heading of the target in its set ("1.2", "I. KINH TẾ").
    let number: String?
    let groupHeading: String?
    let name: String
    let href: String
    let issuer: String
    let value: String
    let measureUnit: String?
    let estimated: Bool
    let target: String
    let percent: String
    /// Bar width in percent of the cell, 0–100.
    let bar: Int
    /// Where the share of the year expected by now falls on the bar, 0–100; nil for a full year.
    let expected: Int?
    let growth: String
    let growthClass: String
    let forecast: String
    let status: String
    let statusClass: String
    let note: String?
    /// A figure nobody entered, derived from the units below: how and from which; and where
    /// last year's figure came from, or why growth is not comparable.
    let derived: String?
    /// Why the tally beside the table does not count this row.
    var uncounted: String?
    /// Column names, repeated beside each figure where the table becomes cards (phones).
    let valueLabel: String
    let targetLabel: String
    let percentLabel: String

    init(_ a: Assessment, unitID: UnitID, item: TargetSet.Item? = nil) {
        number = item?.number
        groupHeading = item?.heading
        name = a.indicator.name
        href = PageAddress.indicator(unitID, a.indicator.code, a.period)
        issuer = a.target.isAnnual ? a.target.planWord : a.target.issuer
        value =
            a.target.isAnnual || a.target.measure == .value
            ? AssessmentWording.value(a.value, qualifier: a.observation?.qualifier) : AssessmentWording.achieved(a)
        // "8,29%/năm" is a rate, not tỷ đồng: the indicator's unit belongs to values only.
        measureUnit =
            (a.target.isAnnual || a.target.measure == .value) && a.value != nil ? a.indicator.measureUnit : nil
        estimated = a.estimated
        valueLabel = a.target.isAnnual ? "Kết quả" : "Đã đạt"
        targetLabel = a.target.isAnnual ? "Kế hoạch" : "Mục tiêu"
        percentLabel = a.target.isAnnual ? "% KH" : "% mục tiêu"
        // "hằng năm ≥ 60 đảng viên/năm" says the year twice: the figure's "/năm" is enough.
        target =
            a.target.isAnnual || a.target.measure == .everyYear
            ? AssessmentWording.target(a) : "\(a.target.measure.title) \(AssessmentWording.target(a))"
        percent = Display.percent(a.percentOfPlan)
        bar = Int(min(100, max(0, a.percentOfPlan ?? 0)).rounded())
        expected = a.period.isFullYear ? nil : a.expectedShare.map { Int(min(100, max(0, $0 * 100)).rounded()) }
        growth = AssessmentWording.growth(a)
        growthClass = Display.trendClass(a.growthPercent, direction: a.indicator.direction)
        forecast = AssessmentWording.forecast(a)
        status = AssessmentWording.status(a)
        statusClass = Display.statusClass(a.status)
        note = a.note
        derived =
            [
                a.observation?.derivation.map { "Số tổng hợp: \($0.sentence)." },
                a.growthNote.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." },
            ]
            .compactMap { $0 }.joined(separator: " ").nilIfEmpty
    }
}

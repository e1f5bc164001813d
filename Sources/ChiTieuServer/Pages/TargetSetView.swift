import ChiTieuCore
import ChiTieuReport
import ChiTieuStore

extension TargetSetPage {
    /// The page for a model and, after a refused save, the form as it was posted: a pure
    /// function, tested without HTTP.
    struct View {
        let layout: LayoutView
        let heading: String
        let action: String
        let year: Int
        /// `2025-2030` for a term's set; nil for a year's.
        let term: String?
        let title: String
        /// The stored set in words: "Kế hoạch … năm 2026 (2 chỉ tiêu)"; nil before one is saved.
        let current: String?
        let rows: [Row]
        let scopes: [LayoutView.Link]
        let saved: String?
        let errors: [String]
        let planHref: String
        let overviewHref: String

        struct Row {
            let id: TargetID
            let name: String
            let detail: String
            let number: String
            let heading: String
        }

        static func heading(_ model: TargetSetModel) -> String {
            let scope =
                model.scope.isAnnual
                ? "năm \(model.year)" : "nhiệm kỳ \(model.scope.firstYear) - \(model.scope.lastYear)"
            return "Bộ chỉ tiêu \(scope) — \(model.unit.capitalizedTitle)"
        }

        static func address(_ model: TargetSetModel, saved: Bool = false) -> String {
            SiteURL.unit(model.unit.id, .targetSet).path([
                "nam": "\(model.year)", "nhiem-ky": termText(model.scope), "da-luu": saved ? "1" : nil,
            ])
        }

        static func termText(_ scope: TargetScope) -> String? {
            scope.isAnnual ? nil : "\(scope.firstYear)-\(scope.lastYear)"
        }

        init(_ model: TargetSetModel, layout: LayoutView, form: Form?, errors: [String], saved: Bool) {
            self.layout = layout
            heading = Self.heading(model)
            action = SiteURL.unit(model.unit.id, .targetSet).path()
            year = model.year
            term = Self.termText(model.scope)
            title = form?.ten ?? model.stored?.title ?? model.suggestedTitle
            current = model.stored.map { "\($0.title) (\($0.items.count) chỉ tiêu)" }
            rows = Self.rows(model, form: form)
            scopes = ([TargetScope.year(model.year)] + model.terms).map { scope in
                let label =
                    scope.isAnnual ? "Kế hoạch năm \(model.year)" : "Nghị quyết \(scope.firstYear) - \(scope.lastYear)"
                let href = SiteURL.unit(model.unit.id, .targetSet).path([
                    "nam": "\(model.year)", "nhiem-ky": Self.termText(scope),
                ])
                return LayoutView.Link(href: href, label: label, current: scope == model.scope)
            }
            self.saved = saved ? "Đã lưu bộ chỉ tiêu." : nil
            self.errors = errors
            planHref = PageAddress.plan.path(model.unit.id, try! Period.year(model.year))
            overviewHref = PageAddress.overview.path(model.unit.id, try! Period.year(model.year))
        }

        /// The set's targets in its order, then the others; numbers as posted, else as stored,
        /// else 1, 2, … for a unit without a set yet (save once and the plan is the set).
        static func rows(_ model: TargetSetModel, form: Form?) -> [Row] {
            let keyed = model.stored.map { set in set.items.enumerated().map { (set.targetKey(of: $1), $0) } } ?? []
            let position = Dictionary(keyed, uniquingKeysWith: { a, _ in a })
            let ordered = model.targets.enumerated().sorted { a, b in
                (position[a.element.naturalKey] ?? Int.max, a.offset) < (
                    position[b.element.naturalKey] ?? Int.max, b.offset
                )
            }
            return ordered.enumerated().map { index, entry in
                let target = entry.element
                let key = "t\(target.id)"
                let item = model.item(of: target)
                let number =
                    form.map { $0.stt?[key] ?? "" } ?? item?.number ?? (model.stored == nil ? "\(index + 1)" : "")
                let heading = form.map { $0.nhom?[key] ?? "" } ?? item?.heading ?? ""
                let indicator = model.indicators[target.indicatorCode]
                return Row(
                    id: target.id, name: indicator?.name ?? target.indicatorCode,
                    detail: Self.detail(target, indicator: indicator), number: number, heading: heading)
            }
        }

        /// "≥ 1.250 tỷ đồng · kế hoạch", "giảm bình quân hằng năm (điểm %) ≥ 1,5 · nghị quyết".
        static func detail(_ target: Target, indicator: Indicator?) -> String {
            let bound = AuditEntry.describe(target)
            let unit = target.measure == .value ? " \(indicator?.measureUnit ?? "")" : ""
            let measure = target.measure == .value ? "" : "\(target.measure.title) "
            return "\(measure)\(bound)\(unit) · \(target.planWord)"
        }
    }
}

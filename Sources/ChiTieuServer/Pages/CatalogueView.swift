import ChiTieuCore
import ChiTieuStore

/// The catalogue page: every indicator by field, and the form for an own indicator. Pure.
struct CatalogueView {
    let layout: LayoutView
    let heading: String
    let groups: [Group]
    let saved: String?
    let mayChange: Bool
    let action: String
    let editing: Bool
    let name: String
    let measureUnit: String
    let synonyms: String
    let kinds: [LayoutView.Option]
    let directions: [LayoutView.Option]
    let fields: [LayoutView.Option]
    let frequencies: [LayoutView.Option]
    let rollUp: RollUpFields
    /// Problems by the form field they concern.
    let nameError: String?
    let unitError: String?
    let synonymError: String?
    let rollUpError: String?
    /// A problem with the indicator itself (a standard one cannot be changed here).
    let error: String?

    struct Group {
        let title: String
        let rows: [Row]
    }

    struct Row {
        let name: String
        let code: String
        let measureUnit: String
        let kind: String
        let direction: String
        let frequency: String
        /// «cộng số các đơn vị cấp dưới», «không tổng hợp» …
        let rollUp: String
        /// An own indicator this person may change.
        let own: Bool
        let editHref: String
        /// "riêng của Xã Ia Phí" for an own indicator a unit's office made.
        let owner: String?
    }

    init(
        catalogue: [Indicator], form: CataloguePage.Form, editing: Indicator?, saved: String?,
        problems: [IndicatorDraft.Problem], mayChange: Bool, layout: LayoutView,
        access: CatalogueAccess = CatalogueAccess()
    ) {
        self.layout = layout
        let byCode = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        heading = editing.map { "Sửa chỉ tiêu riêng: \($0.name)" } ?? "Danh mục chỉ tiêu"
        groups = Field.allCases.compactMap { field in
            let rows = catalogue.filter { $0.field == field }.map { Self.row($0, access, names: byCode) }
            return rows.isEmpty ? nil : Group(title: field.title, rows: rows)
        }
        self.saved = saved.flatMap { code in catalogue.first { $0.code == code } }.map {
            "Đã lưu chỉ tiêu «\($0.name)»."
        }
        self.mayChange = mayChange && (editing.map { IndicatorEdit.isOwnCode($0.code) } ?? true)
        action = editing.map { SiteURL.ownIndicator($0.code).path() } ?? SiteURL.catalogue.path()
        self.editing = editing != nil
        name = form.ten ?? ""
        measureUnit = form.don_vi_tinh ?? ""
        synonyms = form.ten_khac ?? ""
        let draft = form.draft
        kinds = MeasureKind.allCases.map {
            .init(
                value: $0.rawValue, label: $0 == .flow ? "cộng dồn qua các tháng" : "mức (tại một thời điểm)",
                selected: $0 == draft.kind)
        }
        directions = Direction.allCases.map {
            .init(value: $0.rawValue, label: $0.title, selected: $0 == draft.direction)
        }
        fields = Field.allCases.map { .init(value: $0.rawValue, label: $0.title, selected: $0 == draft.field) }
        frequencies = Frequency.allCases.map {
            .init(value: $0.rawValue, label: $0.title, selected: $0 == draft.frequency)
        }
        let message = { (field: String) in problems.filter { $0.field == field }.map(\.message).joined(separator: " ") }
        nameError = message("ten").nilIfEmpty
        error = message("ma").nilIfEmpty
        unitError = message("don_vi_tinh").nilIfEmpty
        synonymError = message("ten_khac").nilIfEmpty
        rollUpError = message("tong_hop").nilIfEmpty
        rollUp = RollUpFields(form, catalogue: catalogue)
    }

    private static func row(_ i: Indicator, _ access: CatalogueAccess, names: [String: Indicator]) -> Row {
        Row(
            name: i.name, code: i.code, measureUnit: i.measureUnit, kind: i.kind.title,
            direction: i.direction.title, frequency: i.frequency.title,
            rollUp: i.rollUp.vietnamese(names: names),
            own: IndicatorEdit.isOwnCode(i.code) && access.mayEdit(i), editHref: SiteURL.ownIndicator(i.code).path(),
            owner: access.ownerName(i).map { "riêng của \($0)" })
    }
}

/// The form's «Tổng hợp từ đơn vị cấp dưới» fields, each select of indicators with the one
/// the form holds selected.
struct RollUpFields {
    let choices: [LayoutView.Option]
    let numerators: [LayoutView.Option]
    let denominators: [LayoutView.Option]
    let weights: [LayoutView.Option]
    let counted: [LayoutView.Option]
    let scale: String
    let least: String

    init(_ form: CataloguePage.Form, catalogue: [Indicator]) {
        let choice = RollUpChoice(rawValue: form.tong_hop ?? "") ?? .standard
        choices = RollUpChoice.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0 == choice) }
        func options(_ selected: String?) -> [LayoutView.Option] {
            [.init(value: "", label: "—", selected: (selected ?? "").isEmpty)]
                + catalogue.map {
                    .init(value: $0.code, label: "\($0.name) (\($0.measureUnit))", selected: $0.code == selected)
                }
        }
        numerators = options(form.tu_so)
        denominators = options(form.mau_so)
        weights = options(form.trong_so)
        counted = options(form.dem_chi_tieu)
        scale = form.he_so ?? ""
        least = form.dem_tu ?? ""
    }
}

/// Who may change which own indicator, and whose each is, for the catalogue's rows.
struct CatalogueAccess {
    var mayEdit: (Indicator) -> Bool = { _ in true }
    var ownerName: (Indicator) -> String? = { _ in nil }

    init() {}

    init(_ access: AccessScope, units: [UnitID: AdministrativeUnit]) {
        mayEdit = { access.mayChange($0, units: units) }
        ownerName = { $0.ownerUnitID.flatMap { units[$0] }?.capitalizedTitle }
    }
}

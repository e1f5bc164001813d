import ChiTieuCore

/// The pages and their addresses. Unit, period and indicator are in the path or query, so a
/// leader can bookmark or forward any view.
enum PageAddress {
    case overview, entry, plan, compare, report, history, warnings, tasks

    /// The tabs of a unit, in order.
    static let tabs: [PageAddress] = [.overview, .warnings, .tasks, .entry, .plan, .compare, .report, .history]

    /// The page in the route table.
    var unitPage: SiteURL.UnitPage {
        switch self {
        case .overview: .overview
        case .entry: .entry
        case .plan: .plan
        case .compare: .compare
        case .report: .report
        case .history: .history
        case .warnings: .warnings
        case .tasks: .tasks
        }
    }

    var label: String {
        switch self {
        case .overview: "Tổng quan"
        case .entry: "Nhập số liệu"
        case .plan: "Kế hoạch"
        case .compare: "So sánh"
        case .report: "Báo cáo"
        case .history: "Lịch sử"
        case .warnings: "Cảnh báo"
        case .tasks: "Nhiệm vụ"
        }
    }

    /// The page's name in the period picker's `trang` field.
    var key: String {
        switch self {
        case .overview: "tong-quan"
        case .entry: "nhap-so-lieu"
        case .plan: "ke-hoach"
        case .compare: "so-sanh"
        case .report: "bao-cao"
        case .history: "lich-su"
        case .warnings: "canh-bao"
        case .tasks: "nhiem-vu"
        }
    }

    init?(key: String) {
        guard let page = Self.tabs.first(where: { $0.key == key }) else { return nil }
        self = page
    }

    func path(_ unitID: UnitID, _ period: Period, indicator: String? = nil) -> String {
        SiteURL.unit(unitID, unitPage).path([
            "nam": "\(period.year)", "thang": self == .plan || self == .tasks ? nil : "\(period.toMonth)",
            "chi-tieu": self == .compare || self == .history ? indicator : nil,
        ])
    }

    static func indicator(_ unitID: UnitID, _ code: String, _ period: Period) -> String {
        SiteURL.unit(unitID, .indicator(code)).path(["nam": "\(period.year)", "thang": "\(period.toMonth)"])
    }
}

/// The frame around every page: title, navigation, the unit and period pickers.
struct LayoutView {
    struct Link {
        let href: String
        let label: String
        let current: Bool
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    var title: String
    var nav: [Link] = []
    var importCurrent = false
    var picker: Picker?
    var account: Account?
    /// The token every POST form carries in its `_csrf` field.
    var csrf = ""
    /// The person may not change the page's unit in its period: its forms are disabled.
    var readOnly = false
    /// What to know before typing: read-only account, the demo, a unit ended in the period.
    var notices: [String] = []
    /// The sign-in link, returning to the page (stored: the templates read stored properties).
    var signInHref = SiteURL.signIn.path()
    /// The demo served to everyone, read only.
    var demo = false
    /// «Giải trình: 2 việc chờ»: explanation requests whose next step is the reader's.
    var followUp: Link?
    /// The site's fixed addresses, from the route table.
    let links = SiteLinks.shared

    /// The signed-in person shown in the header, with the sign-out form.
    struct Account {
        let name: String
        let role: String
        let isAdmin: Bool
    }

    /// The layout for whoever is asking: their name, or a sign-in link; the CSRF token.
    func with(_ identity: Identity) -> LayoutView {
        var layout = self
        layout.csrf = identity.csrfToken ?? ""
        layout.demo = identity.access.kind == .readEverything
        layout.account = identity.user.map {
            Account(name: $0.name, role: $0.role.title, isAdmin: $0.role == .admin)
        }
        // The audit trail is for signed-in accounts only (it names staff and addresses).
        if identity.user == nil { layout.nav.removeAll { $0.label == PageAddress.history.label } }
        return layout
    }

    struct Picker {
        let page: String
        let indicator: String?
        let units: [Option]
        let years: [Option]
        let months: [Option]
        let showMonths: Bool
        /// Not every unit is offered: the others are found by the unit search.
        let trimmed: Bool
    }

    init(title: String) {
        self.title = title
    }

    /// Navigation and pickers for `page` of `unit` in `period`.
    init(
        title: String, page: PageAddress?, unit: AdministrativeUnit, period: Period, units: [AdministrativeUnit],
        currentYear: Int, indicator: String? = nil
    ) {
        self.title = title
        nav = PageAddress.tabs.map {
            Link(href: $0.path(unit.id, period), label: $0.label, current: $0 == page)
        }
        let offered = PickerUnits.around(unit, in: units)
        let tree = UnitTree(offered)
        // Only the years the unit existed: a district ended in 2025 offers no 2026.
        let years = Array(
            Set(((currentYear - 6)...(currentYear + 1)).filter { unit.existed(inYear: $0) } + [period.year])
        ).sorted(by: >)
        picker = Picker(
            page: (page ?? .overview).key, indicator: indicator,
            units: tree.ordered.map { entry in
                Option(value: "\(entry.unit.id)", label: entry.label, selected: entry.unit.id == unit.id)
            },
            years: years.map { Option(value: "\($0)", label: "\($0)", selected: $0 == period.year) },
            months: (1...12).map { Option(value: "\($0)", label: Self.monthLabel($0), selected: $0 == period.toMonth) },
            showMonths: page != .plan, trimmed: offered.count < units.count)
    }

    static func monthLabel(_ month: Int) -> String {
        switch month {
        case 3: "Quý I (3 tháng)"
        case 6: "6 tháng"
        case 9: "9 tháng"
        case 12: "Cả năm"
        default: "\(month) tháng"
        }
    }
}

/// The units the picker offers. An office's working set (tens of units) is offered whole; at
/// national size (14.000 units, 1,1 MB of options on every page) the top-level units, the way
/// down to this unit, its siblings and its children, and the others are found by the search.
enum PickerUnits {
    static let limit = 400

    static func around(_ unit: AdministrativeUnit, in units: [AdministrativeUnit]) -> [AdministrativeUnit] {
        guard units.count > limit else { return units }
        let parents = Dictionary(units.map { ($0.id, $0.parentID) }, uniquingKeysWith: { a, _ in a })
        var chain: Set<UnitID> = [unit.id]
        var next = unit.parentID
        while let id = next, !chain.contains(id) {
            chain.insert(id)
            next = parents[id] ?? nil
        }
        return units.filter { other in
            // a top-level unit's siblings are the other top-level units, offered anyway
            other.parentID == nil || chain.contains(other.id) || other.parentID == unit.id
                || other.parentID == unit.parentID
        }
    }
}

/// Units in hierarchy order, each labelled with its depth, for the unit picker and home page.
struct UnitTree {
    struct Entry {
        let unit: AdministrativeUnit
        let depth: Int
        var label: String {
            // Two "Tỉnh Gia Lai" lines, one before and one after the reform, say which is which.
            String(repeating: "— ", count: depth) + unit.capitalizedTitle
                + (unit.validTo.map { " (đến trước \($0.vietnamese))" } ?? "")
                + (unit.validFrom.map { " (từ \($0.vietnamese))" } ?? "")
        }
    }

    let ordered: [Entry]

    init(_ units: [AdministrativeUnit]) {
        let ids = Set(units.map(\.id))
        let children = Dictionary(grouping: units, by: { $0.parentID.flatMap { ids.contains($0) ? $0 : nil } ?? -1 })
        var out: [Entry] = []
        func visit(_ parent: UnitID, depth: Int) {
            for unit in (children[parent] ?? []).sorted(by: { $0.name < $1.name }) {
                out.append(Entry(unit: unit, depth: depth))
                if depth < 8 { visit(unit.id, depth: depth + 1) }
            }
        }
        visit(-1, depth: 0)
        ordered = out
    }
}

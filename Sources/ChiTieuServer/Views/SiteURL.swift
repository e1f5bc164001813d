import ChiTieuCore
import Foundation
import Hummingbird

/// Every address of the site in one table: the router registers each route from its
/// `pattern`, and every link, form action and redirect is built with `path` (the pattern of the
/// Swift Package Index server's `SiteURL`). A new page is a new case here; a link to a page
/// that does not exist does not compile.
enum SiteURL: Sendable, Equatable {
    case home, choose, findUnit, addOrganisation, catalogue, ownIndicator(String), health, openAPI, asset(String)
    case myWork
    case signIn, signOut
    case account, newToken, revokeToken(Int64)
    case users, userPassword(Int64), userDisabled(Int64), userSessions(Int64), userEmail(Int64)
    case importText, storeImport
    case importWorkbook, storeWorkbook
    /// `/giai-trinh/{rid}/…`: the forms of one explanation request.
    case explanation(Int64, ExplanationRoute)
    /// `/don-vi/{id}/…`, the routes of the unit group.
    case unit(UnitID, UnitPage)
    /// `/api/v1/…`
    case api(APIRoute)

    /// The pages of a unit, below `/don-vi/{id}`.
    enum UnitPage: Sendable, Equatable {
        case overview, entry, plan, compare, report, history
        /// Targets at risk of the unit and the units below; explanation requests.
        case warnings, explanations
        /// The tasks of the unit's conferences, and one task's progress form.
        case tasks, taskUpdate(Int64), taskEvidence(Int64, Int)
        /// The target set (bộ chỉ tiêu) of a year or a term.
        case targetSet
        /// The units it was formed from and the shares taken over.
        case lineage
        /// Which units below have reported their figures for a period, against the deadline.
        case reporting
        /// A leader's view of all units below: main targets by status, and a dot map.
        case glance
        case indicator(String)
        /// A report download, `bao-cao.docx`.
        case file(String)

        var segments: [Segment] {
            switch self {
            case .overview: []
            case .entry: [.word("nhap-so-lieu")]
            case .plan: [.word("ke-hoach")]
            case .targetSet: [.word("bo-chi-tieu")]
            case .lineage: [.word("ke-thua")]
            case .reporting: [.word("tien-do-bao-cao")]
            case .glance: [.word("toan-canh")]
            case .compare: [.word("so-sanh")]
            case .report: [.word("bao-cao")]
            case .history: [.word("lich-su")]
            case .warnings: [.word("canh-bao")]
            case .explanations: [.word("giai-trinh")]
            case .tasks: [.word("nhiem-vu")]
            case .taskUpdate(let id): [.word("nhiem-vu"), .parameter("tid", "\(id)")]
            case .taskEvidence(let id, let n):
                [.word("nhiem-vu"), .parameter("tid", "\(id)"), .word("can-cu"), .parameter("n", "\(n)")]
            case .indicator(let code): [.word("chi-tieu"), .parameter("code", code)]
            case .file(let name): [.parameter("file", name)]
            }
        }

        /// The pattern within the unit group.
        var pattern: RouterPath { SiteURL.pattern(segments) }
    }

    /// The API routes, below `/api/v1`.
    enum APIRoute: Sendable, Equatable {
        case units, indicators, indicator(String), importPreview, imports
        case unit(UnitID, UnitAPI)
        case explanation(Int64, ExplanationRoute)

        var segments: [Segment] {
            switch self {
            case .units: [.word("units")]
            case .indicators: [.word("indicators")]
            case .indicator(let code): [.word("indicators"), .parameter("code", code)]
            case .importPreview: [.word("imports"), .word("preview")]
            case .imports: [.word("imports")]
            case .unit(let id, let part): SiteURL.unitAPIGroup(id) + part.segments
            case .explanation(let id, let step): SiteURL.explanationAPIGroup(id) + step.apiSegments
            }
        }

        /// The pattern within the API group.
        var pattern: RouterPath { SiteURL.pattern(segments) }
    }

    /// What the API says of one unit, below `/api/v1/units/{id}`.
    enum UnitAPI: Sendable, Equatable {
        case show, overview, tally, compare, series(String), report, results, resultVersions(String), targets
        case history, warnings, explanationRequests, reporting

        var segments: [Segment] {
            switch self {
            case .show: []
            case .overview: [.word("overview")]
            case .tally: [.word("tally")]
            case .compare: [.word("compare")]
            case .series(let code): [.word("series"), .parameter("code", code)]
            case .report: [.word("report")]
            case .results: [.word("results")]
            case .resultVersions(let code): [.word("results"), .parameter("code", code), .word("versions")]
            case .targets: [.word("targets")]
            case .history: [.word("history")]
            case .warnings: [.word("warnings")]
            case .explanationRequests: [.word("explanation-requests")]
            case .reporting: [.word("reporting")]
            }
        }

        /// The pattern within the unit API group.
        var pattern: RouterPath { SiteURL.pattern(segments) }
    }

    /// The steps after a request, below its group (`/giai-trinh/{rid}`, `/api/v1/explanation-requests/{rid}`).
    enum ExplanationRoute: Sendable, Equatable {
        case answer, accept, `return`

        var pageSegments: [Segment] {
            switch self {
            case .answer: [.word("tra-loi")]
            case .accept: [.word("chap-nhan")]
            case .return: [.word("tra-lai")]
            }
        }

        var apiSegments: [Segment] {
            switch self {
            case .answer: [.word("answer")]
            case .accept: [.word("accept")]
            case .return: [.word("return")]
            }
        }

        /// Within the thread group: the page form's, the API's.
        var pattern: RouterPath { SiteURL.pattern(pageSegments) }
        var apiPattern: RouterPath { SiteURL.pattern(apiSegments) }
    }

    /// A fixed word of a path, or a parameter: its name in the pattern, its value in a link.
    enum Segment: Sendable, Equatable {
        case word(String)
        case parameter(String, String)
    }

    var segments: [Segment] {
        switch self {
        case .home: []
        case .choose: [.word("chon")]
        case .myWork: [.word("viec-cho")]
        case .findUnit: [.word("tim-don-vi")]
        case .addOrganisation: [.word("to-chuc-dang")]
        case .catalogue: [.word("danh-muc")]
        case .ownIndicator(let code): [.word("danh-muc"), .parameter("code", code)]
        case .health: [.word("health")]
        case .openAPI: [.word("openapi.json")]
        case .asset(let name): [.word("static"), .parameter("name", name)]
        case .signIn: [.word("dang-nhap")]
        case .signOut: [.word("dang-xuat")]
        case .account: [.word("tai-khoan")]
        case .newToken: [.word("tai-khoan"), .word("ma-api")]
        case .revokeToken(let id): [.word("tai-khoan"), .word("ma-api"), .parameter("tid", "\(id)"), .word("thu-hoi")]
        case .users: Self.usersWords
        case .userPassword(let id): Self.usersWords + [.parameter("uid", "\(id)"), .word("mat-khau")]
        case .userDisabled(let id): Self.usersWords + [.parameter("uid", "\(id)"), .word("khoa")]
        case .userSessions(let id): Self.usersWords + [.parameter("uid", "\(id)"), .word("phien")]
        case .userEmail(let id): Self.usersWords + [.parameter("uid", "\(id)"), .word("thu")]
        case .importText: [.word("nhap-van-ban")]
        case .storeImport: [.word("nhap-van-ban"), .word("luu")]
        case .importWorkbook: [.word("nhap-so-excel")]
        case .storeWorkbook: [.word("nhap-so-excel"), .word("luu")]
        case .explanation(let id, let step): Self.explanationGroup(id) + step.pageSegments
        case .unit(let id, let page): Self.unitGroup(id) + page.segments
        case .api(let route): Self.apiGroup + route.segments
        }
    }

    private static let usersWords: [Segment] = [.word("quan-tri"), .word("nguoi-dung")]
    private static let apiGroup: [Segment] = [.word("api"), .word("v1")]

    static func unitGroup(_ id: UnitID) -> [Segment] { [.word("don-vi"), .parameter("id", "\(id)")] }
    static func unitAPIGroup(_ id: UnitID) -> [Segment] { [.word("units"), .parameter("id", "\(id)")] }
    static func explanationGroup(_ id: Int64) -> [Segment] { [.word("giai-trinh"), .parameter("rid", "\(id)")] }
    static func explanationAPIGroup(_ id: Int64) -> [Segment] {
        [.word("explanation-requests"), .parameter("rid", "\(id)")]
    }

    /// `don-vi/:id`, `api/v1` and `units/:id` (within `api/v1`): the route groups.
    static var unitPagesPattern: RouterPath { pattern(unitGroup(0)) }
    static var apiPattern: RouterPath { pattern(apiGroup) }
    static var unitAPIPattern: RouterPath { pattern(unitAPIGroup(0)) }
    static var explanationPagesPattern: RouterPath { pattern(explanationGroup(0)) }
    static var explanationAPIPattern: RouterPath { pattern(explanationAPIGroup(0)) }

    /// `/api/v1`: errors below it are JSON, also for a path no route matches.
    static let apiRoot: String = render(apiGroup)

    /// The pattern the router registers: `/don-vi/:id/chi-tieu/:code`.
    var pattern: RouterPath { Self.pattern(segments) }

    /// The address for links: `/don-vi/5/chi-tieu/grdp?nam=2024&thang=9`. Query values are
    /// percent-encoded; a nil value leaves its item out.
    func path(_ query: KeyValuePairs<String, String?> = [:]) -> String {
        let path = Self.render(segments)
        let items = query.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")" }
        }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    private static func render(_ segments: [Segment]) -> String {
        "/"
            + segments.map { segment in
                switch segment {
                case .word(let word): word
                case .parameter(_, let value): value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
                }
            }.joined(separator: "/")
    }

    private static func pattern(_ segments: [Segment]) -> RouterPath {
        RouterPath(
            segments.map { segment in
                switch segment {
                case .word(let word): word
                case .parameter(let name, _): ":" + name
                }
            }.joined(separator: "/"))
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

/// The fixed addresses templates link to, from the route table (`{{layout.links.importText}}`).
struct SiteLinks: Sendable {
    let home = SiteURL.home.path()
    let choose = SiteURL.choose.path()
    let findUnit = SiteURL.findUnit.path()
    let catalogue = SiteURL.catalogue.path()
    let addOrganisation = SiteURL.addOrganisation.path()
    let importText = SiteURL.importText.path()
    let storeImport = SiteURL.storeImport.path()
    let importWorkbook = SiteURL.importWorkbook.path()
    let storeWorkbook = SiteURL.storeWorkbook.path()
    let users = SiteURL.users.path()
    let account = SiteURL.account.path()
    let newToken = SiteURL.newToken.path()
    let signIn = SiteURL.signIn.path()
    let signOut = SiteURL.signOut.path()
    let openAPI = SiteURL.openAPI.path()
    let stylesheet = SiteURL.asset("app.css").path()
    let icon = SiteURL.asset("favicon.svg").path()
    let script = SiteURL.asset("app.js").path()

    static let shared = SiteLinks()
}

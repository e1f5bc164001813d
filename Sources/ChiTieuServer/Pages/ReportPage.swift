import ChiTieuCore
import ChiTieuReport
import Hummingbird

/// `/don-vi/{id}/bao-cao?nam=&thang=`: the review report as it will be printed, with links to
/// download it as Word, the table as Excel or CSV, and the printable A4 page;
/// `/don-vi/{id}/bao-cao.{docx,xlsx,csv,html,txt}` are the files.
struct ReportPage {
    let services: AppServices

    /// Routes of the `don-vi/:id` group (unit resolved and checked by `UnitScopeMiddleware`).
    func addRoutes(to unit: RouterGroup<AppRequestContext>) {
        unit.get(SiteURL.UnitPage.report.pattern, use: page)
        unit.get(SiteURL.UnitPage.file("").pattern, use: file)
    }

    struct View {
        let layout: LayoutView
        /// Not `heading`: a section without a heading would show it, Mustache looking up the stack.
        let pageHeading: String
        let issuer: [String]
        let title: String
        let subtitle: String
        let sections: [Section]
        let downloads: [Download]
    }

    struct Section {
        let heading: String?
        let paragraphs: [String]
    }

    struct Download {
        let href: String
        let label: String
        let note: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await services.pagePeriod(values, of: unit)
        let material = try await services.review.material(of: unit, period: period)
        let report = NarrativeWriter().write(material)
        func file(_ ext: String) -> String {
            SiteURL.unit(unit.id, .file("bao-cao.\(ext)")).path(["nam": "\(period.year)", "thang": "\(period.toMonth)"])
        }
        let heading = "Báo cáo \(period.label) — \(unit.capitalizedTitle)"
        let view = View(
            layout: try await services.layout(context: context, heading, page: .report, unit: unit, period: period),
            pageHeading: heading, issuer: report.issuer, title: report.title, subtitle: report.subtitle,
            sections: report.sections.map { Section(heading: $0.heading, paragraphs: $0.paragraphs) },
            downloads: [
                Download(href: file("docx"), label: "Báo cáo (Word, .docx)", note: "A4, Times New Roman 14"),
                Download(href: file("html"), label: "Bản in A4", note: "mở rồi in ra PDF từ trình duyệt"),
                Download(href: file("xlsx"), label: "Bảng chỉ tiêu (Excel, .xlsx)", note: "số liệu dạng số"),
                Download(href: file("csv"), label: "Bảng chỉ tiêu (CSV)", note: "UTF-8, mở được bằng Excel"),
                Download(href: file("txt"), label: "Văn bản thuần (.txt)", note: "để dán vào thông cáo"),
            ])
        return try services.pages.render(view, template: "report")
    }

    /// `bao-cao.docx` and its siblings; any other name is not a page.
    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        guard name.hasPrefix("bao-cao."),
            let format = try? ReportFile.Format(name: String(name.dropFirst("bao-cao.".count)))
        else { throw APIError.notFound("Không tìm thấy trang hoặc tài nguyên này.") }
        let values = RequestValues(request: request, context: context)
        let unit = try context.scopedUnit()
        let period = try await services.pagePeriod(values, of: unit)
        return try ReportFile(material: try await services.review.material(of: unit, period: period), format: format)
            .response()
    }
}

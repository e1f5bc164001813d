import ChiTieuCore
import ChiTieuIngest
import ChiTieuOffice
import ChiTieuStore
import Foundation
import Hummingbird

/// `/nhap-so-excel`: upload a workbook (the import table, or an office's own «biểu»), see how
/// each column was understood and every row that would be stored, or every problem with its
/// sheet, row and cell; then store it. Reading stores nothing, so any reader may preview;
/// storing needs the right to change each unit in it.
struct WorkbookImportPage {
    let services: AppServices

    func addRoutes(to writers: RouterGroup<AppRequestContext>, readers: RouterGroup<AppRequestContext>) {
        readers.get(SiteURL.importWorkbook.pattern, use: form)
        readers.post(SiteURL.importWorkbook.pattern, use: preview)
        writers.post(SiteURL.storeWorkbook.pattern, use: store)
    }

    /// The choices of the form, sent again with the file when storing.
    struct Choices: Decodable {
        var trang: String?
        var don_vi: String?
        var nam: String?
        var den_thang: String?
        var ten: String?
        var du_lieu: String?

        var options: WorkbookOptions {
            func text(_ s: String?) -> String? {
                let t = s?.trimmingCharacters(in: .whitespaces) ?? ""
                return t.isEmpty ? nil : t
            }
            return WorkbookOptions(
                sheet: text(trang), unit: text(don_vi), year: text(nam).flatMap { Int($0) },
                toMonth: text(den_thang).flatMap { Int($0) })
        }
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        try services.pages.render(WorkbookImportView(layout: layout(context)), template: "import-workbook")
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let form = try await MultipartBody.read(request), let file = form.part(named: "tep"),
            file.body.readableBytes > 0
        else { throw APIError.badRequest("Chưa chọn sổ Excel (.xlsx) để đọc.", field: "tep") }
        let choices = Choices(
            trang: form.string("trang"), don_vi: form.string("don_vi"), nam: form.string("nam"),
            den_thang: form.string("den_thang"), ten: MultipartBody.filename(file) ?? "so-excel.xlsx",
            du_lieu: Data(file.body.readableBytesView).base64EncodedString())
        return try await answer(choices, Data(file.body.readableBytesView), context: context, storing: false)
    }

    @Sendable func store(_ request: Request, context: AppRequestContext) async throws -> Response {
        let choices = try await FormBody.decode(Choices.self, from: request)
        guard let data = choices.du_lieu.flatMap({ Data(base64Encoded: $0) }) else {
            throw APIError.badRequest("Biểu mẫu lưu thiếu nội dung sổ Excel; hãy chọn lại tệp.", field: "tep")
        }
        return try await answer(choices, data, context: context, storing: true)
    }

    /// Reads, checks and (when `storing`) saves; the page shows what happened.
    private func answer(_ choices: Choices, _ data: Data, context: AppRequestContext, storing: Bool) async throws
        -> Response
    {
        guard data.count <= ImportsAPI.maximumText else {
            throw APIError(.contentTooLarge, "Sổ Excel quá lớn (tối đa 5 MB).", field: "tep")
        }
        var view = WorkbookImportView(layout: layout(context), choices: choices)
        let name = choices.ten ?? "so-excel.xlsx"
        var batch: DataBatch?
        do {
            let options = choices.options
            let read = try await BlockingWork.run { try WorkbookTables.read(data, fileName: name, options: options) }
            let catalogue = try await services.repository.storedCatalogue(location: "cơ sở dữ liệu")
            let checked = try await TableImporter(repository: services.repository, catalogue: catalogue)
                .batch(table: read.table, document: name, enteredBy: "trang Nhập sổ Excel")
            view.read(
                read, batch: checked, units: try await services.unitsByID(),
                indicators: try await services.repository.indicatorsByCode())
            batch = checked
        } catch StoreError.invalidBatch(let problems) {
            view.problems = problems.map(\.message)
        } catch let error as OfficeFileError {
            view.problems = [error.message]
        }
        if storing, var batch {
            for unitID in Set(batch.targets.map(\.item.unitID) + batch.observations.map(\.item.unitID)) {
                guard let unit = try await services.repository.unit(id: unitID) else { continue }
                try await services.authorize(unit, for: context, writing: true)
            }
            batch.author = context.author(via: "trang Nhập sổ Excel")
            do {
                view.stored = try await services.repository.save(batch).sentence
                let units = Set(batch.targets.map(\.item.unitID) + batch.observations.map(\.item.unitID))
                let periods = batch.observations.map(\.item.period)
                if units.count == 1, let unit = units.first, let period = periods.max(by: { $0.endDay < $1.endDay }) {
                    view.overviewHref = PageAddress.overview.path(unit, period)
                }
            } catch StoreError.invalidBatch(let problems) {
                view.problems = problems.map(\.message)
            }
        }
        view.mayStore = !view.layout.readOnly && view.problems.isEmpty && view.stored == nil && view.sheet != nil
        let status: HTTPResponse.Status = view.problems.isEmpty ? .ok : .unprocessableContent
        return try services.pages.render(view, template: "import-workbook", status: status)
    }

    private func layout(_ context: AppRequestContext) -> LayoutView {
        var layout = LayoutView(title: "Nhập sổ Excel").with(context.identity)
        layout.importCurrent = true
        layout.readOnly = !context.identity.access.mayWriteSomething
        return layout
    }
}

/// What the workbook page shows, built without HTTP.
struct WorkbookImportView {
    struct Row {
        let place: String
        let kind: String
        let indicator: String
        let period: String
        let figure: String
    }

    let layout: LayoutView
    var choices = WorkbookImportPage.Choices()
    var sheet: String?
    var reading: [String] = []
    var rows: [Row] = []
    var hidden: Int?
    var counts = ""
    var problems: [String] = []
    var stored: String?
    var overviewHref: String?
    /// Set once the outcome is known (the templates see stored properties only).
    var mayStore = false

    /// The most rows listed; the rest are stored the same way.
    static let rowsShown = 300

    static func bound(_ bound: TargetBound) -> String {
        switch bound {
        case .atLeast(let v): "từ \(v.vietnamese)"
        case .atMost(let v): "không quá \(v.vietnamese)"
        case .between(let a, let b): "\(a.vietnamese)–\(b.vietnamese)"
        }
    }

    mutating func read(
        _ read: WorkbookTable, batch: DataBatch, units: [UnitID: AdministrativeUnit], indicators: [String: Indicator]
    ) {
        sheet = read.sheet
        reading = read.reading
        func name(_ code: String) -> String { indicators[code]?.name ?? code }
        func unit(_ id: UnitID) -> String { units[id]?.title ?? "đơn vị \(id)" }
        let plans = batch.targets.map { entry in
            Row(
                place: entry.origin ?? "", kind: "kế hoạch",
                indicator: "\(name(entry.item.indicatorCode)) — \(unit(entry.item.unitID))",
                period: entry.item.scope.label, figure: Self.bound(entry.item.bound))
        }
        let results = batch.observations.map { entry in
            let o = entry.item
            var figure = (o.estimated ? "ước " : "") + (o.value?.vietnamese ?? "")
            if let p = o.statedPercentOfPlan { figure += "; \(p.vietnamese)% KH" }
            if let g = o.statedGrowthPercent { figure += "; \(g >= 0 ? "tăng" : "giảm") \(abs(g).vietnamese)%" }
            return Row(
                place: entry.origin ?? "", kind: "kết quả", indicator: "\(name(o.indicatorCode)) — \(unit(o.unitID))",
                period: o.period.label, figure: figure)
        }
        let all = plans + results
        rows = Array(all.prefix(Self.rowsShown))
        hidden = all.count > rows.count ? all.count - rows.count : nil
        counts = "\(batch.targets.count) dòng kế hoạch, \(batch.observations.count) dòng kết quả"
    }
}

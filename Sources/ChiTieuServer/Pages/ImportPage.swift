import ChiTieuCore
import ChiTieuExtract
import ChiTieuIngest
import ChiTieuOffice
import ChiTieuReport
import Foundation
import Hummingbird
import MultipartKit

/// `/nhap-van-ban`: paste a report or upload a .txt file, see the figures read and the
/// sentences they came from, place unknown indicators in the catalogue, then confirm to
/// store them with their provenance.
struct ImportPage {
    let services: AppServices

    /// Reading a text stores nothing, so any reader may do it (the demo shows it); storing
    /// needs an account that may change figures.
    func addRoutes(to writers: RouterGroup<AppRequestContext>, readers: RouterGroup<AppRequestContext>) {
        readers.get(SiteURL.importText.pattern, use: form)
        readers.post(SiteURL.importText.pattern, use: preview)
        writers.post(SiteURL.storeImport.pattern, use: store)
    }

    struct View {
        let layout: LayoutView
        var text = ""
        var document = ""
        /// The uploaded Word or PDF file, base64, posted again to store from.
        var original: String?
        var error: String?
        var preview: PreviewView?
        var stored: StoredView?
    }

    struct PreviewView {
        let pieces: [HighlightedText.Piece]
        let unitOptions: [LayoutView.Option]
        let unitNote: String
        let year: String
        let month: String
        let months: [LayoutView.Option]
        let rows: [Row]
        let goals: [Row]
        /// Conclusions read as task drafts, each with a box to store it as a task.
        let tasks: [TaskRow]
        /// Rows past `rowsShown`, stored with the same choices but not listed.
        let hidden: Int?
        let tally: String?
        let conference: String?
        let findings: [String]
        let count: Int
    }

    struct TaskRow {
        let index: Int
        let text: String
        let addressee: String
        let deadline: String
    }

    struct Row {
        let number: Int
        let name: String
        let figures: String
        let known: Bool
        /// The row whose choice this one shares (the same name read earlier).
        let sameAs: Int?
        let options: [LayoutView.Option]
        /// The unit of measure the text gives, for a new indicator made from the row.
        let measureUnit: String
    }

    /// The choice "create this indicator" in a row's list.
    static let createCode = "+moi"

    /// The most rows of each table a preview lists.
    static let rowsShown = 400

    struct StoredView {
        let lines: [String]
        let ok: Bool
        let overviewHref: String?
        /// Each figure that differs from the stored one, to keep or replace on the page.
        var conflicts: [ConflictRow] = []
        /// The confirmed form again, so that choosing among the conflicts posts it once more.
        var resubmit: [Field] = []
    }

    struct ConflictRow {
        let code: String
        let line: String
    }

    struct Field {
        let name: String
        let value: String
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        try services.pages.render(View(layout: Self.layout(context)), template: "import")
    }

    static func layout(_ context: AppRequestContext) -> LayoutView {
        var layout = LayoutView(title: "Nhập từ văn bản").with(context.identity)
        layout.importCurrent = true
        layout.readOnly = !context.identity.access.mayWriteSomething
        return layout
    }

    /// The text posted as an url-encoded form: pasted text only.
    struct Pasted: Decodable {
        var van_ban: String?
        var ten: String?
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (source, original) = try await Self.read(request)
        let ingest = try await services.documentIngest()
        let preview = try await ingest.preview(source)
        return try await render(
            text: source.text, document: source.name, preview: preview, context: context,
            original: original?.base64EncodedString())
    }

    /// A Word or PDF file as the document it holds (prose and tables), or why it cannot be read.
    static func document(_ bytes: Data, name: String) async throws -> SourceDocument {
        do {
            return try await BlockingWork.run { try SourceDocument.read(bytes, name: name) }
        } catch let error as UserFacingError {
            throw APIError.badRequest(error.message, field: "tep")
        }
    }

    /// The text posted: a pasted text, or an uploaded .txt, .docx or .pdf file (multipart
    /// form); a Word or PDF file comes back too, to be stored from (its tables are not text).
    static func read(_ request: Request) async throws -> (source: SourceDocument, original: Data?) {
        var pasted = Pasted()
        var file: MultipartPart?
        if let form = try await MultipartBody.read(request) {
            pasted = Pasted(van_ban: form.string("van_ban"), ten: form.string("ten"))
            file = form.part(named: "tep")
        } else {
            pasted = try await FormBody.decode(Pasted.self, from: request)
        }
        var text = pasted.van_ban ?? ""
        var document = pasted.ten?.trimmingCharacters(in: .whitespaces) ?? ""
        if let file, file.body.readableBytes > 0 {
            let bytes = Array(file.body.readableBytesView)
            if [.zip, .pdf, .compound].contains(FileSignature(bytes)) {
                let name = document.isEmpty ? MultipartBody.filename(file) ?? "tệp tải lên" : document
                return (try await Self.document(Data(bytes), name: name), Data(bytes))
            }
            if let problem = PlainText.problem(bytes) {
                throw APIError.badRequest("Tệp tải lên \(problem).", field: "tep")
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw APIError.badRequest("Tệp tải lên không phải văn bản UTF-8 (.txt).", field: "tep")
            }
            text = decoded
            if document.isEmpty, let name = MultipartBody.filename(file) { document = name }
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.badRequest(
                "Chưa có văn bản: hãy dán nội dung hoặc chọn tệp .txt, .docx hoặc .pdf.", field: "van_ban")
        }
        guard text.utf8.count <= ImportsAPI.maximumText else {
            throw APIError(.contentTooLarge, "Văn bản quá dài (tối đa 5 MB).", field: "van_ban")
        }
        return (SourceDocument(text: text, name: document.isEmpty ? "văn bản dán vào" : document), nil)
    }

    private func render(
        text: String, document: String, preview: DocumentIngest.Preview, context: AppRequestContext,
        original: String? = nil
    ) async throws -> Response {
        let result = preview.result
        let indicators = try await services.repository.indicators()
        let all = try await services.unitsByID()
        let access = context.identity.access
        let mayStore = access.mayWriteSomething
        // A reader sees where the figures would go; only a writer's list is of units to store into.
        let units = UnitTree(
            all.values.filter { mayStore ? access.canWrite($0, units: all) : preview.unit?.id == $0.id })
        func options(chosen: String?) -> [LayoutView.Option] {
            [LayoutView.Option(value: "", label: "— không lưu —", selected: chosen == nil)]
                + indicators.map {
                    .init(value: $0.code, label: "\($0.name) (\($0.measureUnit))", selected: $0.code == chosen)
                }
        }
        // The choice is per name, so only a name's first row carries the list of indicators: a
        // figure-heavy text once made a 52 MB page of identical lists.
        var firstRow: [String: Int] = [:]
        func row(_ number: Int, _ name: String, _ figures: String, code: String?, unit: String?) -> Row {
            let earlier = firstRow[name]
            if earlier == nil { firstRow[name] = number }
            var choices = earlier == nil ? options(chosen: code) : []
            if code == nil, earlier == nil {
                // An office's own indicator, made from the name and the unit the text gives.
                let label = "＋ Tạo chỉ tiêu mới «\(name)»" + (unit.map { " (\($0))" } ?? " (cần đơn vị tính)")
                choices.insert(.init(value: Self.createCode, label: label, selected: false), at: 1)
            }
            return Row(
                number: number, name: name, figures: figures, known: code != nil, sameAs: earlier,
                options: choices, measureUnit: unit ?? "")
        }
        let rows = result.observations.prefix(Self.rowsShown).enumerated().map { n, o in
            row(n + 1, o.indicator, Self.figures(o), code: o.indicatorCode, unit: o.unit)
        }
        let goals = result.targets.prefix(Self.rowsShown).enumerated().map { n, t in
            row(
                result.observations.count + n + 1, t.indicator,
                "năm \(t.year): \(t.qualifier.map { $0.targetWord + " " } ?? "")\(t.value.vietnamese) \(t.unit ?? "")",
                code: t.indicatorCode, unit: t.unit)
        }
        let hidden = result.observations.count + result.targets.count - rows.count - goals.count
        let tally = result.tally.map { t in
            [
                ("tổng", t.total), ("vượt", t.exceeded), ("đạt", t.met), ("không đạt", t.missed),
                ("chưa đánh giá", t.unevaluated),
            ]
            .compactMap { name, count in count.map { "\(name) \($0)" } }.joined(separator: ", ")
        }
        let conference = result.conference.map { c in
            c.isCongress
                ? "Đại hội lần thứ \(RomanNumeral.string(c.number))\(c.termFrom.map { ", nhiệm kỳ \($0) - \($0 + 5)" } ?? "")"
                : "Hội nghị lần thứ \(c.number)\(c.extended ? " (mở rộng)" : "")\(c.term.map { ", khóa \(RomanNumeral.string($0))" } ?? "")"
        }
        let view = View(
            layout: Self.layout(context), text: text, document: document, original: original,
            preview: PreviewView(
                pieces: HighlightedText(text, spans: result.observations.map(\.span) + result.targets.map(\.span))
                    .pieces,
                unitOptions: [LayoutView.Option(value: "", label: "— chọn đơn vị —", selected: preview.unit == nil)]
                    + units.ordered.map {
                        .init(value: "\($0.unit.id)", label: $0.label, selected: $0.unit.id == preview.unit?.id)
                    },
                unitNote: preview.unit.map { "Văn bản nói về \($0.title)." } ?? preview.unitProblem
                    ?? "Chưa xác định được đơn vị.",
                year: preview.period.map { "\($0.year)" } ?? "", month: preview.period.map { "\($0.toMonth)" } ?? "12",
                months: (1...12).map {
                    .init(
                        value: "\($0)", label: LayoutView.monthLabel($0),
                        selected: $0 == (preview.period?.toMonth ?? 12))
                },
                rows: rows, goals: goals,
                tasks: result.tasks.enumerated().map { i, t in
                    TaskRow(
                        index: i, text: t.text, addressee: t.addressee ?? "chưa ghi",
                        deadline: t.deadlineDay.map { "\(t.deadline ?? "") (\($0.vietnamese))" } ?? "không ghi hạn")
                },
                hidden: hidden > 0 ? hidden : nil, tally: tally, conference: conference,
                findings: result.findings.map(\.message), count: result.observations.count + result.targets.count))
        return try services.pages.render(view, template: "import")
    }

    static func figures(_ o: ExtractionResult.ReadObservation) -> String {
        var parts: [String] = []
        if let value = o.value {
            parts.append(
                (o.estimated ? "ước " : "") + (o.qualifier.map { $0.word + " " } ?? "") + value.vietnamese
                    + (o.unit.map { " " + $0 } ?? ""))
        }
        if let p = o.percentOfPlan { parts.append("\(p.vietnamese)% \(o.planWords ?? "kế hoạch")") }
        // The growth of a rate is a change in points: "+3 điểm %", not "+3%".
        if let g = o.growthPercent {
            parts.append("\(g > 0 ? "+" : "")\(g.vietnamese)\(o.unit == "%" ? " điểm %" : "%") so với cùng kỳ")
        }
        return parts.joined(separator: "; ")
    }

    /// `van_ban`, `ten`, `don_vi`, `nam`, `thang`, and for row N `ma[rN]` (the code chosen) and
    /// `chi_tieu[rN]` (the name as read): names go in values, never in field names.
    struct Confirm: Decodable {
        var van_ban: String
        var ten: String?
        var don_vi: String?
        var nam: String?
        var thang: String?
        var ma: [String: String]?
        var chi_tieu: [String: String]?
        var ghi_de: String?
        /// `dvt[rN]`: the unit of measure of row N as read, for a new indicator.
        var dvt: [String: String]?
        /// `thay[code]`: replace the stored figure of this indicator with the text's.
        var thay: [String: String]?
        /// `nhiem_vu[tN]`: store the N-th conclusion read as a task (a letter first: the form
        /// decoder reads a bare number as an array index).
        var nhiem_vu: [String: String]?
        /// The uploaded Word or PDF file, base64.
        var tep_goc: String?

        /// The fields to post again with a choice among the conflicts (all but `thay`, `ghi_de`).
        var fields: [Field] {
            var out = [Field(name: "van_ban", value: van_ban)]
            for (name, value) in [
                ("ten", ten), ("don_vi", don_vi), ("nam", nam), ("thang", thang), ("tep_goc", tep_goc),
            ] {
                if let value { out.append(Field(name: name, value: value)) }
            }
            for (group, values) in [("ma", ma), ("chi_tieu", chi_tieu), ("dvt", dvt)] {
                for (key, value) in (values ?? [:]).sorted(by: { $0.key < $1.key }) {
                    out.append(Field(name: "\(group)[\(key)]", value: value))
                }
            }
            return out
        }

        var codes: [String: String] {
            var out: [String: String] = [:]
            for (row, code) in ma ?? [:] where code != ImportPage.createCode {
                if let name = chi_tieu?[row] { out[name] = code }
            }
            return out
        }

        /// Names to create as own indicators → their unit of measure.
        var created: [String: String] {
            var out: [String: String] = [:]
            for (row, code) in ma ?? [:] where code == ImportPage.createCode {
                if let name = chi_tieu?[row] { out[name] = dvt?[row] ?? "" }
            }
            return out
        }
    }

    @Sendable func store(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormBody.decode(Confirm.self, from: request)
        let input = ImportsAPI.ImportInput(
            text: form.van_ban, document: form.ten, unit_id: form.don_vi.flatMap { Int($0) },
            year: try form.nam.flatMap { $0.isEmpty ? nil : try Self.integer($0, field: "nam") },
            to_month: try form.thang.flatMap { $0.isEmpty ? nil : try Self.integer($0, field: "thang") },
            indicator_codes: form.codes, create_indicators: form.created, replace_differing: form.ghi_de != nil,
            replace_indicators: form.thay.map { Array($0.keys) },
            tasks: form.nhiem_vu?.keys.compactMap { Int($0.dropFirst()) })
        let name = form.ten?.isEmpty == false ? form.ten! : "văn bản dán vào"
        var source = SourceDocument(text: input.text, name: name)
        if let original = form.tep_goc.flatMap({ Data(base64Encoded: $0) }) {
            source = try await Self.document(original, name: name)
        }
        let report = try await services.documentIngest(storingFor: context, via: "trang Nhập từ văn bản").ingest(
            source, choices: try input.choices(currentYear: services.currentYear))
        var view = View(layout: Self.layout(context))
        view.stored = StoredView(
            lines: report.lines, ok: report.stored,
            overviewHref: report.unit.flatMap { unit in report.period.map { PageAddress.overview.path(unit.id, $0) } })
        if let conflicts = report.summary?.conflicts, !conflicts.isEmpty {
            view.stored?.conflicts = conflicts.map {
                ConflictRow(code: $0.incoming.indicatorCode, line: report.conflictLine($0))
            }
            view.stored?.resubmit = form.fields
        }
        if !report.stored {
            // Nothing was written: the text stays in the form, to correct and send again.
            view.text = form.van_ban
            view.document = form.ten ?? ""
            view.original = form.tep_goc
        }
        return try services.pages.render(view, template: "import", status: report.stored ? .ok : .unprocessableContent)
    }

    static func integer(_ text: String, field: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw APIError.badRequest("«\(text)» không phải là số nguyên.", field: field)
        }
        return value
    }
}

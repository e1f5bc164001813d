import ChiTieuCore
import ChiTieuExtract
import ChiTieuIngest
import Foundation
import Hummingbird

/// `POST /imports/preview` reads a text without storing anything; `POST /imports` stores it.
struct ImportsAPI {
    let services: AppServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(SiteURL.APIRoute.importPreview.pattern, use: preview)
        group.post(SiteURL.APIRoute.imports.pattern, use: ingest)
    }

    /// `{"text", "unit_id"?, "year"?, "to_month"?, "indicator_codes"?: {name: code}, "document"?}`
    struct ImportInput: Decodable {
        var text: String
        var document: String?
        var unit_id: Int?
        var year: Int?
        var to_month: Int?
        var indicator_codes: [String: String]?
        /// Name as read → unit of measure: own indicators to create with the figures.
        var create_indicators: [String: String]?
        /// Store figures that differ from stored ones as new versions instead of reporting them.
        var replace_differing: Bool?
        /// The same for these indicator codes only (the conflicts a person chose to replace).
        var replace_indicators: [String]?
        /// Indices (in the preview's `tasks`) of the conclusions to store as tasks of the unit.
        var tasks: [Int]?

        func choices(currentYear: Int) throws -> DocumentIngest.Choices {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.badRequest("Văn bản trống.", field: "text")
            }
            guard text.utf8.count <= ImportsAPI.maximumText else {
                throw APIError(.contentTooLarge, "Văn bản quá dài (tối đa 5 MB).", field: "text")
            }
            var period: Period?
            if let year {
                guard YearPlausibility(currentYear: currentYear).isPlausibleTargetYear(year) else {
                    throw APIError.badRequest("Năm \(year) không hợp lệ.", field: "year")
                }
                guard (1...12).contains(to_month ?? 12) else {
                    throw APIError.badRequest("Tháng phải từ 1 đến 12.", field: "to_month")
                }
                period = try Period.yearToDate(year, through: to_month ?? 12)
            }
            var choices = DocumentIngest.Choices(
                unitID: unit_id.map(UnitID.init), period: period, indicatorCodes: indicator_codes ?? [:],
                replaceDiffering: replace_differing ?? false)
            choices.indicatorsToCreate = create_indicators ?? [:]
            choices.replacing = Set(replace_indicators ?? [])
            choices.tasks = Set(tasks ?? [])
            return choices
        }
    }

    static let maximumText = 5 << 20

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await JSONBody.decode(ImportInput.self, from: request)
        let preview = try await services.documentIngest().preview(
            input.text, choices: try input.choices(currentYear: services.currentYear))
        struct PreviewJSON: Encodable {
            let unit: APIModels.Unit?
            let unit_problem: String?
            let period: String?
            let unknown_indicators: [String]
            let extraction: ExtractionResult
        }
        let unknown = Set(preview.result.observations.filter { $0.indicatorCode == nil }.map(\.indicator))
        return try JSONBody.response(
            PreviewJSON(
                unit: preview.unit.map(APIModels.Unit.init), unit_problem: preview.unitProblem,
                period: preview.period?.label, unknown_indicators: unknown.sorted(),
                extraction: preview.result))
    }

    struct IngestJSON: ResponseEncodable {
        let stored: Bool
        let unit: APIModels.Unit?
        let period: String?
        let summary: APIModels.Saved?
        let conflicts: [String]
        let derived_plans: [String]
        let skipped: [String]
        let findings: [String]
        let lines: [String]
    }

    @Sendable func ingest(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<IngestJSON> {
        let input = try await JSONBody.decode(ImportInput.self, from: request)
        let report = try await services.documentIngest(storingFor: context, via: "API nhập văn bản").ingest(
            input.text, document: input.document ?? "văn bản dán vào",
            choices: try input.choices(currentYear: services.currentYear))
        let changed = report.summary.map {
            $0.observationsAdded + $0.observationsCorrected + $0.targetsAdded + $0.targetsUpdated > 0
        }
        let status: HTTPResponse.Status = !report.stored ? .unprocessableContent : (changed == true ? .created : .ok)
        return EditedResponse(status: status, response: IngestJSON(report))
    }
}

extension ImportsAPI.IngestJSON {
    init(_ report: IngestReport) {
        self.init(
            stored: report.stored, unit: report.unit.map(APIModels.Unit.init), period: report.period?.label,
            summary: report.summary.map(APIModels.Saved.init), conflicts: report.conflictLines,
            derived_plans: report.derivedPlans, skipped: report.skipped, findings: report.findings, lines: report.lines)
    }
}

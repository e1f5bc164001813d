import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import Foundation

/// Reads a report or news article and stores what it says: results with their provenance,
/// the conference, the tally and the goals for the next period, for a unit and indicators
/// already known. A figure that differs from one already stored is not overwritten but
/// listed; a unit or indicator the database lacks is reported, never created.
public struct DocumentIngest: Sendable {
    public let repository: any ChiTieuRepository
    public let catalogue: Catalogue
    public let extractor: Extractor
    public let currentYear: Int
    /// Who is recorded as having entered the figures.
    public var enteredBy = "chitieu ingest"

    public init(repository: any ChiTieuRepository, catalogue: Catalogue, currentYear: Int) {
        self.repository = repository
        self.catalogue = catalogue
        self.currentYear = currentYear
        extractor = Extractor(catalogue: catalogue, currentYear: currentYear)
    }

    /// Extracts `text` and stores it in one transaction: all of it, or nothing.
    public func ingest(_ text: String, document: String) async throws -> IngestReport {
        let result = extractor.extract(text)
        var report = IngestReport(document: document)
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        report.findings = result.findings.map(\.message)
        guard let period = result.period else {
            report.skipped.append("không xác định được kỳ báo cáo của văn bản.")
            return report
        }
        report.period = period
        guard let mention = result.unit else {
            report.skipped.append("không xác định được đơn vị của văn bản.")
            return report
        }
        let unit: AdministrativeUnit
        let resolver = UnitResolver(repository: repository)
        let name = "\(mention.kind.rawValue) \(mention.name)"
        do {
            if let province = mention.province,
                let found = try? await resolver.resolve("\(name), \(province)", on: period.endDay)
            {
                unit = found
            } else {
                unit = try await resolver.resolve(name, on: period.endDay)
            }
        } catch let error as StoreError {
            report.skipped.append("\(error.message) Hãy thêm đơn vị rồi nhập lại; không tự tạo đơn vị.")
            return report
        }
        report.unit = unit

        var builder = BatchBuilder(
            unit: unit, period: period, catalogue: catalogue, document: document, enteredBy: enteredBy,
            excerpt: { span in
                String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))
            })
        let existing = try await repository.targets(unitIDs: [unit.id], years: period.year...(period.year + 1))
        builder.add(result, existingTargets: existing)
        report.skipped += builder.skipped
        report.derivedPlans = builder.derivedPlans
        report.summary = try await repository.save(builder.batch)

        let findings = try await UnitReview(repository: repository).findings(
            unitIDs: [unit.id], currentYear: currentYear)
        report.findings += findings.filter { $0.period?.year == period.year }.map(\.message)
        return report
    }
}

import ChiTieuCore
import ChiTieuExtract
import ChiTieuStore
import Foundation

/// Reads a report or news article and stores what it says: results with their provenance,
/// the conference, the tally and the goals for the next period, for a unit and indicators
/// already known. A figure that differs from one already stored is not overwritten but
/// listed; a unit the database lacks is reported, never created; an indicator it lacks is
/// created only when the person asks for it by name (`Choices.indicatorsToCreate`).
public struct DocumentIngest: Sendable {
    public let repository: any ChiTieuRepository
    public let catalogue: Catalogue
    public let extractor: Extractor
    public let currentYear: Int
    /// Who is recorded as having entered the figures.
    public var enteredBy = "chitieu ingest"
    /// Recorded in the audit trail with what the ingest stores.
    public var author = ChangeAuthor(name: "chitieu ingest")
    /// The unit own indicators created by this ingest belong to (an editor's unit).
    public var indicatorOwner: UnitID?
    /// Stamps the tasks stored from the conclusions.
    public var clock: WallClock = .system
    /// Refuses (by throwing) to store into a unit the person may not change.
    public var mayStore: @Sendable (AdministrativeUnit) async throws -> Void = { _ in }

    public init(repository: any ChiTieuRepository, catalogue: Catalogue, currentYear: Int) {
        self.repository = repository
        self.catalogue = catalogue
        self.currentYear = currentYear
        extractor = Extractor(catalogue: catalogue, currentYear: currentYear)
    }

    /// What a person decided after looking at the extraction: the unit and period when the
    /// text does not say them (or says them wrongly), and catalogue codes for indicator names
    /// the matcher did not place.
    public struct Choices: Sendable {
        public var unitID: UnitID?
        public var period: Period?
        /// Indicator name as read → catalogue code.
        public var indicatorCodes: [String: String]
        /// Indicator name as read → unit of measure: own indicators to create with the figures,
        /// in the same transaction ("Tỷ lệ hộ dùng nước sạch" → "%").
        public var indicatorsToCreate: [String: String] = [:]
        /// The person has seen the figures that differ from stored ones and wants the text's
        /// figures as new versions (the stored ones stay in the history).
        public var replaceDiffering: Bool
        /// The same, for these indicators only: the conflicts the person chose to replace.
        public var replacing: Set<String> = []
        /// The task drafts (indices in the extraction's `tasks`) the person confirmed.
        public var tasks: Set<Int> = []

        public init(
            unitID: UnitID? = nil, period: Period? = nil, indicatorCodes: [String: String] = [:],
            replaceDiffering: Bool = false
        ) {
            self.unitID = unitID
            self.period = period
            self.indicatorCodes = indicatorCodes
            self.replaceDiffering = replaceDiffering
        }
    }

    /// What the text says and where it would be stored, without storing anything.
    public struct Preview: Sendable {
        public var result: ExtractionResult
        public var unit: AdministrativeUnit?
        public var period: Period?
        /// Why the unit could not be found, in Vietnamese.
        public var unitProblem: String?
    }

    public func preview(_ text: String, choices: Choices = Choices()) async throws -> Preview {
        try await preview(SourceDocument(text: text, name: ""), choices: choices)
    }

    /// A report file's preview: its prose and its tables (a Word report's «Biểu»).
    public func preview(_ document: SourceDocument, choices: Choices = Choices()) async throws -> Preview {
        var result = document.extract(with: extractor)
        apply(choices, to: &result)
        let period = choices.period ?? result.period
        var preview = Preview(result: result, period: period)
        if let id = choices.unitID {
            preview.unit = try await repository.unit(id: id)
            if preview.unit == nil { preview.unitProblem = "Không có đơn vị mã \(id)." }
        } else if let mention = result.unit, let period {
            do {
                preview.unit = try await resolve(mention, on: period.endDay)
            } catch let error as StoreError {
                preview.unitProblem = error.message
            }
        } else {
            preview.unitProblem = result.unit == nil ? "Không xác định được đơn vị của văn bản." : nil
        }
        return preview
    }

    /// Extracts `text` and stores it in one transaction: all of it, or nothing.
    public func ingest(_ text: String, document: String, choices asked: Choices = Choices()) async throws
        -> IngestReport
    {
        try await ingest(SourceDocument(text: text, name: document), choices: asked)
    }

    /// Extracts a report file (prose and tables) and stores it in one transaction.
    public func ingest(_ source: SourceDocument, choices asked: Choices = Choices()) async throws -> IngestReport {
        let document = source.name
        var report = IngestReport(document: document)
        var choices = asked
        var ingest = self
        let created = newIndicators(asked.indicatorsToCreate)
        guard created.problems.isEmpty else {
            report.skipped = created.problems
            return report
        }
        if !created.indicators.isEmpty {
            let extended = try Catalogue(
                version: catalogue.version, indicators: catalogue.indicators + created.indicators)
            ingest = DocumentIngest(repository: repository, catalogue: extended, currentYear: currentYear)
            ingest.enteredBy = enteredBy
            ingest.author = author
            ingest.mayStore = mayStore
            ingest.indicatorOwner = indicatorOwner
            ingest.clock = clock
            for indicator in created.indicators { choices.indicatorCodes[indicator.name] = indicator.code }
        }
        return try await ingest.store(source, document: document, choices: choices, creating: created.indicators)
    }

    /// The own indicators asked for, checked against the catalogue and each other.
    private func newIndicators(_ asked: [String: String]) -> (indicators: [Indicator], problems: [String]) {
        var made: [Indicator] = []
        var problems: [String] = []
        for (name, unit) in asked.sorted(by: { $0.key < $1.key }) {
            let all = catalogue.indicators + made
            let code = Indicator.code(forName: name, taken: Set(all.map(\.code)))
            var draft = IndicatorDraft(name: name, measureUnit: unit)
            draft.ownerUnitID = indicatorOwner
            switch draft.indicator(code: code, against: all) {
            case .success(let indicator): made.append(indicator)
            case .failure(let list):
                problems += list.problems.map { "chỉ tiêu mới «\(name)»: \($0.message)" }
            }
        }
        return (made, problems)
    }

    private func store(_ source: SourceDocument, document: String, choices: Choices, creating: [Indicator])
        async throws -> IngestReport
    {
        let text = source.text
        let preview = try await preview(source, choices: choices)
        let result = preview.result
        var report = IngestReport(document: document)
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        report.findings = result.findings.map(\.message)
        guard let period = preview.period else {
            report.skipped.append("không xác định được kỳ báo cáo của văn bản.")
            return report
        }
        report.period = period
        guard let unit = preview.unit else {
            let problem = preview.unitProblem ?? "không xác định được đơn vị của văn bản."
            report.skipped.append(
                result.unit == nil || choices.unitID != nil
                    ? problem : "\(problem) Hãy thêm đơn vị rồi nhập lại; không tự tạo đơn vị.")
            return report
        }
        report.unit = unit
        report.indicatorNames = Dictionary(
            catalogue.indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        try await mayStore(unit)

        var builder = BatchBuilder(
            unit: unit, period: period, catalogue: catalogue, document: document, enteredBy: enteredBy,
            excerpt: { span in
                String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))
            })
        let existing = try await repository.targets(unitIDs: [unit.id], years: period.year...(period.year + 1))
        builder.add(result, existingTargets: existing)
        report.skipped += builder.skipped
        report.derivedPlans = builder.derivedPlans
        var batch = builder.batch
        for indicator in creating { batch.addOwnIndicator(indicator) }
        batch.author = author
        if choices.replaceDiffering { batch.observationPolicy = .newVersion }
        batch.replacing = choices.replacing
        batch.tasks = tasks(result, chosen: choices.tasks, unit: unit, period: period)
        report.summary = try await repository.save(batch)
        report.tasksAdded = report.summary?.tasksAdded ?? 0

        let findings = try await UnitReview(repository: repository).findings(
            unitIDs: [unit.id], currentYear: currentYear)
        report.findings += findings.filter { $0.period?.year == period.year }.map(\.message)
        return report
    }

    /// The confirmed task drafts, as tasks of the unit: the addressee as responsible («chưa ghi»
    /// when the text names none), the deadline as written, or the end of the review's year.
    /// They go into the figures' batch: one transaction stores both, or neither.
    private func tasks(_ result: ExtractionResult, chosen: Set<Int>, unit: AdministrativeUnit, period: Period)
        -> [FollowUpTask]
    {
        result.tasks.enumerated().filter { chosen.contains($0.offset) }.map { _, draft in
            FollowUpTask(
                unitID: unit.id, conferenceNumber: result.conference?.number, text: draft.text,
                responsible: draft.addressee ?? "chưa ghi",
                deadline: draft.deadlineDay ?? .endOf(year: period.year, month: 12),
                deadlineText: draft.deadline ?? "không ghi hạn: cuối năm \(period.year)", createdBy: enteredBy,
                createdAt: clock.timestamp())
        }
    }

    private func resolve(_ mention: ExtractionResult.UnitMention, on day: CalendarDay) async throws
        -> AdministrativeUnit
    {
        let resolver = UnitResolver(repository: repository)
        let name = "\(mention.kind.rawValue) \(mention.name)"
        if let province = mention.province, let found = try? await resolver.resolve("\(name), \(province)", on: day) {
            return found
        }
        return try await resolver.resolve(name, on: day)
    }

    /// The person's codes replace the matcher's for the names they chose; an empty code
    /// means "do not store".
    private func apply(_ choices: Choices, to result: inout ExtractionResult) {
        guard !choices.indicatorCodes.isEmpty else { return }
        for i in result.observations.indices {
            if let code = choices.indicatorCodes[result.observations[i].indicator] {
                result.observations[i].indicatorCode = code.isEmpty ? nil : code
            }
        }
        for i in result.targets.indices {
            if let code = choices.indicatorCodes[result.targets[i].indicator] {
                result.targets[i].indicatorCode = code.isEmpty ? nil : code
            }
        }
    }
}

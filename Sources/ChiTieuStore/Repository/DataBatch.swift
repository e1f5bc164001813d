import ChiTieuCore

/// Everything one import, entry or demo load writes. A batch is saved whole or not at all.
public struct DataBatch: Sendable {
    /// A batch item and where it came from (`dòng 12`), for error messages.
    public struct Entry<Item: Sendable>: Sendable {
        public var item: Item
        public var origin: String?
    }

    /// A unit created by the batch. Until saved it has a negative provisional ID that the
    /// batch's targets and results may use; saving replaces it with the real one.
    public struct NewUnit: Sendable {
        public var provisionalID: UnitID
        public var kind: UnitKind
        public var name: String
        public var parentID: UnitID?
        public var code: String?
        public var validFrom: CalendarDay?
        public var validTo: CalendarDay?
        /// Units this one took over (merged into it).
        public var predecessors: [UnitID]
        public var terms: [CommitteeTerm]
    }

    /// What to do when a result differs from the one already stored for the same figure.
    public enum ObservationPolicy: Sendable {
        /// Store it as a correction: a new version that counts from now on.
        case newVersion
        /// Keep the stored figure and report the difference for a person to decide.
        case keepExisting
    }

    public private(set) var indicators: [Indicator] = []
    public private(set) var catalogueVersion: String?
    /// Indicators of the office's own, new with this batch (`import --create-indicators`).
    public private(set) var ownIndicators: [Indicator] = []
    public internal(set) var units: [Entry<NewUnit>] = []
    public private(set) var targets: [Entry<Target>] = []
    public private(set) var observations: [Entry<Observation>] = []
    public private(set) var conferences: [Entry<Conference>] = []
    public private(set) var statedTallies: [Entry<StatedTally>] = []
    /// Stored targets to remove (kept in `removed_targets`, restorable).
    public private(set) var targetRemovals: [Entry<Target>] = []
    /// Sets of targets (bộ chỉ tiêu); each replaces the stored set of its unit and scope.
    public private(set) var targetSets: [Entry<TargetSet>] = []
    /// Tasks (nhiệm vụ) of stored units, confirmed from a conference text: written with the
    /// figures of the same text, or not at all.
    public var tasks: [FollowUpTask] = []
    public var observationPolicy: ObservationPolicy
    /// Indicators whose differing results become new versions even under `keepExisting`: the
    /// person looked at each conflict and chose the document's figure.
    public var replacing: Set<String> = []
    /// Recorded in the audit trail with every change the batch makes.
    public var author: ChangeAuthor = .commandLine

    public init(observationPolicy: ObservationPolicy = .newVersion) {
        self.observationPolicy = observationPolicy
    }

    public var isEmpty: Bool {
        indicators.isEmpty && ownIndicators.isEmpty && units.isEmpty && targets.isEmpty && observations.isEmpty
            && conferences.isEmpty
            && statedTallies.isEmpty && targetSets.isEmpty && targetRemovals.isEmpty && tasks.isEmpty
    }

    /// Adds or replaces catalogue indicators (matched by code).
    public mutating func setCatalogue(_ indicators: [Indicator], version: String) {
        self.indicators = indicators
        catalogueVersion = version
    }

    public mutating func addOwnIndicator(_ indicator: Indicator) {
        ownIndicators.append(indicator)
    }

    /// Adds a unit and returns the provisional ID to refer to it within this batch.
    @discardableResult
    public mutating func addUnit(
        _ kind: UnitKind, _ name: String, parent: UnitID? = nil, code: String? = nil, validFrom: CalendarDay? = nil,
        validTo: CalendarDay? = nil, predecessors: [UnitID] = [], terms: [CommitteeTerm] = [], origin: String? = nil
    ) -> UnitID {
        let id = -UnitID(units.count + 1)
        let unit = NewUnit(
            provisionalID: id, kind: kind, name: name, parentID: parent, code: code, validFrom: validFrom,
            validTo: validTo, predecessors: predecessors, terms: terms)
        units.append(Entry(item: unit, origin: origin))
        return id
    }

    public mutating func add(_ target: Target, origin: String? = nil) {
        targets.append(Entry(item: target, origin: origin))
    }

    public mutating func add(_ observation: Observation, origin: String? = nil) {
        observations.append(Entry(item: observation, origin: origin))
    }

    mutating func add(_ item: TableRow.Item, origin: String) {
        switch item {
        case .target(let t): add(t, origin: origin)
        case .observation(let o): add(o, origin: origin)
        }
    }

    public mutating func add(_ conference: Conference, origin: String? = nil) {
        conferences.append(Entry(item: conference, origin: origin))
    }

    public mutating func add(_ tally: StatedTally, origin: String? = nil) {
        statedTallies.append(Entry(item: tally, origin: origin))
    }

    /// Removes a stored target (as read, with its ID): refused if it changed meanwhile.
    public mutating func remove(_ target: Target, origin: String? = nil) {
        targetRemovals.append(Entry(item: target, origin: origin))
    }

    public mutating func add(_ set: TargetSet, origin: String? = nil) {
        targetSets.append(Entry(item: set, origin: origin))
    }

    /// Units the batch refers to that must already be stored.
    var referencedStoredUnits: Set<UnitID> {
        var ids = Set<UnitID>()
        for u in units {
            if let parent = u.item.parentID, parent > 0 { ids.insert(parent) }
            ids.formUnion(u.item.predecessors.filter { $0 > 0 })
        }
        ids.formUnion(targets.map(\.item.unitID).filter { $0 > 0 })
        ids.formUnion(observations.map(\.item.unitID).filter { $0 > 0 })
        ids.formUnion(conferences.map(\.item.unitID).filter { $0 > 0 })
        ids.formUnion(statedTallies.map(\.item.unitID).filter { $0 > 0 })
        ids.formUnion(targetSets.map(\.item.unitID).filter { $0 > 0 })
        ids.formUnion(targetRemovals.map(\.item.unitID).filter { $0 > 0 })
        return ids
    }

    /// Years the batch's targets and results touch, to read what is stored for them.
    var years: ClosedRange<Int>? {
        let scopes = targets.map(\.item.scope) + targetSets.map(\.item.scope) + targetRemovals.map(\.item.scope)
        let all = scopes.flatMap { [$0.firstYear, $0.lastYear] } + observations.map(\.item.period.year)
        guard let low = all.min(), let high = all.max() else { return nil }
        return low...high
    }
}

/// What saving a batch did.
public struct SaveSummary: Sendable, Equatable {
    /// Provisional unit IDs of the batch and the IDs they were stored under.
    public var unitIDs: [UnitID: UnitID] = [:]
    public var indicatorsSaved = 0
    /// Units written anew (a batch unit already in the registry is not counted).
    public var unitsAdded = 0
    public var targetsAdded = 0
    public var targetsUpdated = 0
    public var targetsUnchanged = 0
    public var targetsRemoved = 0
    public var observationsAdded = 0
    /// Results stored as a new version of a figure already stored.
    public var observationsCorrected = 0
    public var observationsUnchanged = 0
    public var conferencesAdded = 0
    public var talliesAdded = 0
    /// Target sets written (new, or replacing the stored set of their unit and scope).
    public var targetSetsSaved = 0
    public var tasksAdded = 0
    /// Results that differ from the stored figure and were not written (policy `keepExisting`).
    public var conflicts: [ObservationConflict] = []

    public init() {}

    /// "Đã thêm 3 đơn vị, 12 chỉ tiêu kế hoạch, 40 kết quả (2 bản sửa)…"
    public var sentence: String {
        var parts: [String] = []
        if unitsAdded > 0 { parts.append("\(unitsAdded) đơn vị") }
        if indicatorsSaved > 0 { parts.append("\(indicatorsSaved) chỉ tiêu trong danh mục") }
        if targetsAdded > 0 { parts.append("\(targetsAdded) chỉ tiêu kế hoạch mới") }
        if targetsUpdated > 0 { parts.append("\(targetsUpdated) chỉ tiêu kế hoạch được điều chỉnh") }
        if targetsRemoved > 0 { parts.append("xóa \(targetsRemoved) chỉ tiêu kế hoạch (khôi phục được)") }
        if observationsAdded > 0 { parts.append("\(observationsAdded) kết quả mới") }
        if observationsCorrected > 0 { parts.append("\(observationsCorrected) kết quả sửa (lưu thành phiên bản mới)") }
        if conferencesAdded > 0 { parts.append("\(conferencesAdded) hội nghị") }
        if talliesAdded > 0 { parts.append("\(talliesAdded) bảng tổng hợp chỉ tiêu") }
        if targetSetsSaved > 0 { parts.append("\(targetSetsSaved) bộ chỉ tiêu") }
        if tasksAdded > 0 { parts.append("\(tasksAdded) nhiệm vụ") }
        var text = parts.isEmpty ? "Không có gì mới để ghi." : "Đã ghi " + parts.joined(separator: ", ") + "."
        let unchanged = targetsUnchanged + observationsUnchanged
        if unchanged > 0 { text += " \(unchanged) dòng trùng với số liệu đã có, bỏ qua." }
        if !conflicts.isEmpty {
            text += " \(conflicts.count) kết quả khác với số đã lưu, chưa ghi — cần người dùng quyết định."
        }
        return text
    }
}

/// A result that differs from the stored figure for the same unit, indicator and period.
public struct ObservationConflict: Sendable, Equatable {
    public var stored: Observation
    public var incoming: Observation
    public var origin: String?

    /// What differs, in words: "đã lưu 5.230 (chính thức), văn bản ghi 5.230 (ước tính)" —
    /// equal values that differ in another figure say which.
    public var differences: String {
        var stored: [String] = []
        var read: [String] = []
        func compare(_ a: String?, _ b: String?, missing: String = "không có") {
            guard a != b else { return }
            stored.append(a ?? missing)
            read.append(b ?? missing)
        }
        let (s, i) = (self.stored, incoming)
        let value = { (o: Observation) in
            o.value.map { (o.qualifier.map { $0.word + " " } ?? "") + $0.vietnamese }
        }
        compare(value(s), value(i), missing: "không có số")
        compare(s.estimated ? "ước tính" : "chính thức", i.estimated ? "ước tính" : "chính thức")
        let percent = { (o: Observation) in o.statedPercentOfPlan.map { "\($0.vietnamese)% kế hoạch" } }
        compare(percent(s), percent(i), missing: "chưa có % kế hoạch")
        let growth = { (o: Observation) in o.statedGrowthPercent.map { "so cùng kỳ \($0.vietnamese)%" } }
        compare(growth(s), growth(i), missing: "chưa có tăng trưởng")
        compare(s.priceBasis.map { "giá \($0)" }, i.priceBasis.map { "giá \($0)" }, missing: "chưa ghi giá")
        let shared = value(s) == value(i) ? (value(s).map { "\($0): " } ?? "") : ""
        return "\(shared)đã lưu \(stored.joined(separator: ", ")), văn bản ghi \(read.joined(separator: ", "))"
    }
}

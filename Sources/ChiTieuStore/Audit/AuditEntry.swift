import ChiTieuCore

/// Who made a change and from where: a person at an address, or a program.
public struct ChangeAuthor: Sendable, Equatable {
    public var name: String
    /// The network address the change came from; nil for the command line.
    public var address: String?

    public init(name: String, address: String? = nil) {
        self.name = name
        self.address = address
    }

    public static let commandLine = ChangeAuthor(name: "dòng lệnh chitieu")
}

/// One recorded change: who, when, from where, what, the old and the new value. Entries are
/// written in the same transaction as the change and never edited afterwards.
public struct AuditEntry: Sendable, Equatable {
    public enum Action: String, Sendable {
        case added = "thêm"
        case changed = "sửa"
        case removed = "xóa"
        case restored = "khôi phục"
    }

    public enum Subject: String, Sendable {
        case unit = "đơn vị"
        case target = "chỉ tiêu kế hoạch"
        case result = "kết quả"
        case user = "người dùng"
        case indicator = "chỉ tiêu trong danh mục"
        case targetSet = "bộ chỉ tiêu"
        case explanation = "giải trình"
        case task = "nhiệm vụ"
        case reportingDeadline = "hạn báo cáo"
    }

    public var id: Int64 = 0
    public var at: String = ""
    public var author: ChangeAuthor = .commandLine
    public var action: Action
    public var subject: Subject
    public var unitID: UnitID?
    /// The changed record, the same for every change of it: `ket-qua/5/total_production_value/2024/1-9`.
    public var recordKey: String
    /// The record in words: `Tổng giá trị sản xuất, 9 tháng năm 2024`.
    public var description: String
    public var oldValue: String?
    public var newValue: String?

    public init(
        action: Action, subject: Subject, unitID: UnitID?, recordKey: String, description: String,
        oldValue: String? = nil, newValue: String? = nil
    ) {
        self.action = action
        self.subject = subject
        self.unitID = unitID
        self.recordKey = recordKey
        self.description = description
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

extension AuditEntry {
    /// The years the changed record concerns, read from its key: a result of 2024, a plan of
    /// 2024, a resolution target of 2020–2025, a target set; nil for units, users, indicators.
    public var years: ClosedRange<Int>? {
        let parts = recordKey.split(separator: "/").map(String.init)
        guard let kind = parts.first, ["ket-qua", "chi-tieu", "bo-chi-tieu", "giai-trinh"].contains(kind) else {
            return nil
        }
        let field = kind == "bo-chi-tieu" ? 2 : 3
        guard parts.count > field else { return nil }
        let years = parts[field].split(separator: "-").compactMap { Int($0) }
        guard let first = years.first, let last = years.last, first <= last else { return nil }
        return first...last
    }

    static func resultKey(_ key: SeriesKey) -> String {
        "ket-qua/\(key.unitID)/\(key.indicatorCode)/\(key.period.year)/\(key.period.fromMonth)-\(key.period.toMonth)"
    }

    /// The record key of one figure, for `auditTrail(recordKey:)`.
    public static func recordKey(of key: SeriesKey) -> String { resultKey(key) }

    public static func targetKey(_ t: Target) -> String {
        "chi-tieu/\(t.unitID)/\(t.indicatorCode)/\(t.scope.firstYear)-\(t.scope.lastYear)/\(t.measure.rawValue)/\(NameKey(t.issuer).rawValue)"
    }

    static func describe(_ o: Observation) -> String {
        guard let value = o.value else { return o.statedPercentOfPlan.map { "\($0.vietnamese)% kế hoạch" } ?? "–" }
        return (o.qualifier.map { $0.word + " " } ?? "") + value.vietnamese + (o.estimated ? " (ước)" : "")
    }

    public static func describe(_ t: Target) -> String {
        switch t.bound {
        case .atLeast(let v): "≥ \(v.vietnamese)"
        case .atMost(let v): "≤ \(v.vietnamese)"
        case .between(let low, let high): "\(low.vietnamese) – \(high.vietnamese)"
        }
    }
}

/// Which changes to list, newest first.
public struct AuditQuery: Sendable {
    public var unitID: UnitID?
    public var recordKey: String?
    public var limit: Int

    public init(unitID: UnitID? = nil, recordKey: String? = nil, limit: Int = 200) {
        self.unitID = unitID
        self.recordKey = recordKey
        self.limit = limit
    }
}

extension AuditEntry {
    /// The entry with the batch's provisional unit ID replaced by the stored one, stamped.
    func stamped(realID: (UnitID) -> UnitID, author: ChangeAuthor, at time: String) -> AuditEntry {
        var entry = self
        entry.author = author
        entry.at = time
        if let unit = unitID, unit < 0 {
            let real = realID(unit)
            entry.unitID = real
            var parts = recordKey.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count > 1 { parts[1] = "\(real)" }
            entry.recordKey = parts.joined(separator: "/")
        }
        return entry
    }
}

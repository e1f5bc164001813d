import ChiTieuCore

/// The target set a plan table makes when the import asks for one (`--target-set`): every plan
/// or resolution row in the table's order, numbered by its STT cell (1, 2, … when the table has
/// no STT column), headed by the group row above it ("I | KINH TẾ" with Loại and Giá trị
/// empty). One set per unit and scope, all with the title given.
struct TargetSetCollector {
    let title: String
    /// Whether the table has an STT column; then every target row must fill it.
    let numbered: Bool
    private var pendingHeading: String?
    private var sets: [String: TargetSet] = [:]
    private var order: [String] = []
    /// Number → line, per set, to name both lines of a duplicate.
    private var numberLines: [String: [String: Int]] = [:]
    private(set) var problems: [BatchProblem] = []

    init(title: String, numbered: Bool) {
        self.title = title.trimmingCharacters(in: .whitespaces)
        self.numbered = numbered
    }

    /// A group row: a name or number, and neither a kind nor a value.
    static func isHeading(_ row: TableRow) -> Bool {
        row.text(.kind) == nil && row.text(.value) == nil && (row.text(.indicator) ?? row.text(.number)) != nil
    }

    /// "I. KINH TẾ" from the STT and Chỉ tiêu cells of a group row.
    mutating func heading(_ row: TableRow) {
        let number = row.text(.number)
        let name = row.text(.indicator)
        if let number, let name, !name.hasPrefix(number) {
            pendingHeading = "\(number). \(name)"
        } else {
            pendingHeading = name ?? number
        }
    }

    mutating func add(_ target: Target, row: TableRow) {
        let empty = TargetSet(unitID: target.unitID, scope: target.scope, title: title, items: [])
        let key = empty.naturalKey
        if sets[key] == nil {
            sets[key] = empty
            order.append(key)
        }
        let number: String
        if numbered {
            guard let given = row.text(.number) else {
                return problem(row, "để trống; mỗi chỉ tiêu của bộ chỉ tiêu cần số thứ tự.")
            }
            number = given.hasSuffix(".") ? String(given.dropLast()) : given
        } else {
            number = String(sets[key]!.items.count + 1)
        }
        let numberKey = NameKey(number).rawValue
        if let earlier = numberLines[key]?[numberKey] {
            return problem(row, "số thứ tự «\(number)» đã dùng ở dòng \(earlier) (cùng đơn vị, \(target.scope.label)).")
        }
        numberLines[key, default: [:]][numberKey] = row.line
        sets[key]!.items.append(TargetSet.Item(target, number: number, heading: pendingHeading))
        pendingHeading = nil
    }

    private mutating func problem(_ row: TableRow, _ text: String) {
        problems.append(BatchProblem(origin: "\(row.origin), cột «\(row.columnName(.number))»", text))
    }

    var targetSets: [TargetSet] { order.compactMap { sets[$0] } }
}

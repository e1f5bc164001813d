/// A roll-up rule as people read it on the catalogue page, and checked against the catalogue
/// when an office gives one to its own indicator.
extension RollUpRule {
    /// «tính lại tỷ lệ: Số hộ nghèo / Tổng số hộ × 100; nếu không: bình quân gia quyền theo Tổng số
    /// hộ»; «không tổng hợp» for none. A code the catalogue lacks is written as it is.
    public func vietnamese(names: [String: Indicator]) -> String {
        guard !methods.isEmpty else { return "không tổng hợp" }
        let name = { (code: String) in names[code]?.name ?? code }
        return methods.map { method in
            switch method {
            case .sum: "cộng số các đơn vị cấp dưới"
            case .share(let numerator, let denominator, let scale):
                "tính lại tỷ lệ: \(name(numerator)) / \(name(denominator))"
                    + (scale == 1 ? "" : " × \(scale.vietnamese)")
            case .mean(nil): "bình quân các đơn vị cấp dưới"
            case .mean(let weight?): "bình quân gia quyền theo \(name(weight))"
            case .countMeeting(let code, let least):
                "đếm đơn vị cấp dưới có \(name(code)) từ \(least.vietnamese) trở lên"
            }
        }.joined(separator: "; nếu không: ")
    }

    /// What keeps this rule from deriving indicator `code` (unit of measure `measureUnit`) from
    /// the catalogue's figures, one sentence each: an indicator it reads that is not in the
    /// catalogue or is the indicator itself, a rate summed («%» does not add up).
    public func problems(code: String, measureUnit: String, catalogue: [String: Indicator]) -> [String] {
        var problems: [String] = []
        func check(_ other: String, _ role: String) {
            if other == code {
                problems.append("\(role) phải là một chỉ tiêu khác, không phải chính chỉ tiêu này.")
            } else if catalogue[other] == nil {
                problems.append("\(role) «\(other)» không có trong danh mục.")
            }
        }
        for method in methods {
            switch method {
            case .sum where measureUnit.trimmingCharacters(in: .whitespaces) == "%":
                problems.append("Một tỷ lệ (%) không cộng được: chọn tính lại từ tử số và mẫu số, hoặc bình quân.")
            case .sum, .mean(nil): break
            case .share(let numerator, let denominator, _):
                check(numerator, "Tử số")
                check(denominator, "Mẫu số")
                if numerator == denominator { problems.append("Tử số và mẫu số phải là hai chỉ tiêu khác nhau.") }
            case .mean(let weight?): check(weight, "Trọng số")
            case .countMeeting(let other, _): check(other, "Chỉ tiêu để đếm")
            }
        }
        return problems
    }

    /// What a recomputed rate is multiplied by when the form does not say: 100 for «%», 1.000
    /// for «‰», else 1 (kg/người from tấn and người says 1.000 itself).
    public static func scale(forUnit unit: String) -> Double {
        switch unit.trimmingCharacters(in: .whitespaces) {
        case "%": 100
        case "‰": 1_000
        default: 1
        }
    }
}

import ChiTieuCore

/// The catalogue form's «Tổng hợp từ đơn vị cấp dưới» fields and the rule they make. The form
/// offers the rules the standard catalogue uses: a sum; a rate recomputed from a numerator and a
/// denominator, with a weighted mean where those are missing; a (weighted) mean; a count of the
/// units below meeting a standard, with the sum of their counts where a unit below is itself a
/// parent; none.
enum RollUpChoice: String, CaseIterable {
    case standard = ""
    case sum
    case share
    case mean
    case count
    case none

    var label: String {
        switch self {
        case .standard: "theo loại chỉ tiêu (cộng nếu cộng dồn và không phải tỷ lệ)"
        case .sum: "cộng số các đơn vị cấp dưới"
        case .share: "tính lại tỷ lệ từ tử số và mẫu số"
        case .mean: "bình quân (gia quyền nếu chọn trọng số)"
        case .count: "đếm đơn vị cấp dưới đạt chuẩn"
        case .none: "không tổng hợp"
        }
    }
}

extension CataloguePage.Form {
    /// The rule the fields make, or the problem with them (field `tong_hop`). `measureUnit`
    /// gives a recomputed rate its scale when «Nhân với» is empty (100 for «%»).
    func rollUp() -> Result<RollUpRule?, IndicatorDraft.Problem> {
        let choice = RollUpChoice(rawValue: tong_hop ?? "") ?? .standard
        func missing(_ what: String) -> Result<RollUpRule?, IndicatorDraft.Problem> {
            .failure(.init(field: "tong_hop", message: "Tổng hợp từ cấp dưới: chọn \(what)."))
        }
        let weight = Self.code(trong_so)
        switch choice {
        case .standard: return .success(nil)
        case .none: return .success(RollUpRule.none)
        case .sum: return .success(RollUpRule([.sum]))
        case .mean: return .success(RollUpRule([.mean(weight: weight)]))
        case .share:
            guard let numerator = Self.code(tu_so), let denominator = Self.code(mau_so) else {
                return missing("tử số và mẫu số")
            }
            let scale: Double
            switch Self.number(he_so, field: "Nhân với") {
            case .failure(let problem): return .failure(problem)
            case .success(let given): scale = given ?? RollUpRule.scale(forUnit: don_vi_tinh ?? "")
            }
            guard scale > 0 else {
                return .failure(.init(field: "tong_hop", message: "Tổng hợp từ cấp dưới: «Nhân với» phải lớn hơn 0."))
            }
            let share = RollUpRule.Method.share(numerator: numerator, denominator: denominator, scale: scale)
            return .success(RollUpRule(weight.map { [share, .mean(weight: $0)] } ?? [share]))
        case .count:
            guard let code = Self.code(dem_chi_tieu) else { return missing("chỉ tiêu để đếm") }
            switch Self.number(dem_tu, field: "Đạt khi từ") {
            case .failure(let problem): return .failure(problem)
            case .success(nil): return missing("mức đạt chuẩn («Đạt khi từ»)")
            case .success(let least?):
                return .success(RollUpRule([.countMeeting(indicator: code, atLeast: least), .sum]))
            }
        }
    }

    /// The fields showing `rule` (nil: the standard rule of its kind).
    mutating func show(_ rule: RollUpRule?) {
        guard let rule else { return }
        tong_hop = RollUpChoice.none.rawValue
        for method in rule.methods.reversed() {
            switch method {
            case .sum:
                tong_hop = RollUpChoice.sum.rawValue
            case .share(let numerator, let denominator, let scale):
                tong_hop = RollUpChoice.share.rawValue
                (tu_so, mau_so, he_so) = (numerator, denominator, scale.vietnamese)
            case .mean(let weight):
                tong_hop = RollUpChoice.mean.rawValue
                trong_so = weight
            case .countMeeting(let code, let least):
                tong_hop = RollUpChoice.count.rawValue
                (dem_chi_tieu, dem_tu) = (code, least.vietnamese)
            }
        }
    }

    private static func code(_ field: String?) -> String? {
        field.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func number(_ text: String?, field: String) -> Result<Double?, IndicatorDraft.Problem> {
        guard let text = code(text) else { return .success(nil) }
        guard let value = VietnameseNumber.parse(text), value.isFinite, abs(value) < FigureLimits.largestValue else {
            return .failure(
                .init(
                    field: "tong_hop",
                    message: "Tổng hợp từ cấp dưới: «\(field)» = «\(text)» không phải là số (ví dụ 100 hoặc 1.000)."))
        }
        return .success(value)
    }
}

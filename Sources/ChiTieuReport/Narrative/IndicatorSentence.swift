import ChiTieuCore

/// The sentence of one indicator: "Tổng giá trị sản xuất (giá so sánh 2010) ước đạt 4.790,86
/// tỷ đồng, bằng 70,76% kế hoạch, tăng 3,81% so với cùng kỳ năm 2023."
struct IndicatorSentence {
    let text: String?

    /// From the assessments of one indicator: one per plan it is judged against.
    init(assessments: [Assessment], material: ReviewMaterial) {
        guard let first = assessments.first else {
            text = nil
            return
        }
        let indicator = first.indicator
        let period = material.period
        let style = Phrasing(indicator.code, period.description)
        let observation = first.observation
        var parts: [String] = []
        let subject = Self.subject(indicator, basis: observation?.priceBasis)
        if let value = first.value {
            parts.append(
                "\(subject) \(style.verb(estimated: first.estimated)) "
                    + style.quantity(value, unit: indicator.measureUnit, qualifier: observation?.qualifier))
            for (index, a) in assessments.enumerated() {
                guard let percent = a.percentOfPlan else { continue }
                parts.append(style.share(percent, of: a.target.planWord, flow: indicator.kind == .flow, salt: index))
            }
        } else if let percent = first.percentOfPlan {
            // Only the share was recorded: "Tổ chức giao quân đạt 100% chỉ tiêu."
            parts.append("\(subject) đạt \(VietnameseNumberFormat.standard.percent(percent)) \(first.target.planWord)")
        } else {
            text = nil
            return
        }
        if let growth = first.growthPercent,
            let change = style.change(growth, rate: indicator.isRate, lastYear: period.year - 1)
        {
            parts.append(change)
        }
        // a figure summed from the communes says so: «… (số tổng hợp: cộng từ 12/14 đơn vị cấp dưới)»
        let derived = observation?.derivation.map { " (số tổng hợp: \($0.sentence))" } ?? ""
        text = parts.joined(separator: ", ") + derived + "."
    }

    /// A result without a target.
    init(other: ReviewMaterial.OtherResult, material: ReviewMaterial) {
        let o = other.observation
        let indicator = other.indicator
        let style = Phrasing(indicator.code, o.period.description)
        guard let value = o.value else {
            text = nil
            return
        }
        var parts = [
            "\(Self.subject(indicator, basis: o.priceBasis)) \(style.verb(estimated: o.estimated)) "
                + style.quantity(value, unit: indicator.measureUnit, qualifier: o.qualifier)
        ]
        if let growth = o.statedGrowthPercent,
            let change = style.change(growth, rate: indicator.isRate, lastYear: o.period.year - 1)
        {
            parts.append(change)
        }
        text = parts.joined(separator: ", ") + "."
    }

    /// The indicator's name with its price basis: "Tổng giá trị sản xuất (giá so sánh 2010)".
    static func subject(_ indicator: Indicator, basis: String?) -> String {
        guard let basis else { return indicator.name }
        return "\(indicator.name) (giá \(basis))"
    }
}

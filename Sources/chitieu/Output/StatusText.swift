import ChiTieuCore
import ChiTieuReport

/// The `status` command's table for a person at a terminal.
struct StatusText {
    let overview: Overview
    let conference: Conference?
    let committee: PartyCommittee
    let untargeted: [ReviewMaterial.OtherResult]

    /// "3. Tỷ lệ hộ nghèo": the number a target set gives it.
    private func numbered(_ a: Assessment, _ name: String) -> String {
        overview.item(of: a).map { "\($0.number). \(name)" } ?? name
    }

    func render() -> String {
        typealias W = AssessmentWording
        var out: [String] = []
        out.append(Terminal.paint("\(overview.unit.capitalizedTitle) — \(overview.period.label)", .bold))
        if let conference {
            out.append(conference.title(unitKind: overview.unit.kind))
        } else if let term = committee.term(covering: overview.period.year) {
            out.append("Ban Chấp hành \(committee.name) \(term.label)")
        }
        if !overview.unit.existed(inYear: overview.period.year) {
            out.append(
                Terminal.paint(
                    "Lưu ý: đơn vị không tồn tại trong \(overview.period.label) (xem «chitieu units»).", .yellow))
        }
        out.append("")
        if overview.annual.isEmpty {
            out.append("Chưa có chỉ tiêu kế hoạch năm \(overview.period.year).")
        } else {
            out.append(
                Terminal.paint(overview.annualSet?.title ?? "Chỉ tiêu kế hoạch năm \(overview.period.year)", .bold))
            var table = TextTable([
                .init("Chỉ tiêu", maxWidth: 56), .init("ĐVT", maxWidth: 14), .init("Kết quả", .right),
                .init("Kế hoạch", .right),
                .init("% KH", .right), .init("So cùng kỳ", .right), .init("Dự báo cả năm", .right), .init("Đánh giá"),
            ])
            for a in overview.annual {
                table.add(
                    [
                        numbered(a, W.name(a)), a.indicator.measureUnit, W.value(a.value, estimated: a.estimated),
                        W.target(a),
                        W.percent(a.percentOfPlan), W.growth(a), overview.period.isFullYear ? "" : W.forecast(a),
                        W.status(a),
                    ], paint: { Terminal.paint($0, Terminal.colour(for: a.status)) })
            }
            out.append(table.render())
            out.append("")
            out.append(overview.tally.sentence(over: overview.annualSet))
        }
        if !overview.term.isEmpty {
            out.append("")
            out.append(Terminal.paint(overview.termSet?.title ?? "Chỉ tiêu nghị quyết nhiệm kỳ", .bold))
            var table = TextTable([
                .init("Chỉ tiêu", maxWidth: 46), .init("Giai đoạn"), .init("Dạng"), .init("Mục tiêu", .right),
                .init("Đã đạt", .right), .init("Dự báo cuối kỳ", .right), .init("Đánh giá"),
            ])
            for a in overview.term {
                table.add(
                    [
                        numbered(a, a.indicator.name), "\(a.target.scope.firstYear)–\(a.target.scope.lastYear)",
                        a.target.measure.title,
                        W.target(a), W.achieved(a), forecast(a), W.status(a),
                    ], paint: { Terminal.paint($0, Terminal.colour(for: a.status)) })
            }
            out.append(table.render())
        }
        if let set = overview.termSet {
            out.append(overview.termTally.sentence(over: set))
        }
        let notes = overview.all.compactMap { a in a.note.map { "  - \(W.name(a)): \($0)" } }
        if !notes.isEmpty {
            out.append("")
            out.append("Ghi chú:")
            out += notes
        }
        if !untargeted.isEmpty {
            out.append("")
            out.append(Terminal.paint("Kết quả khác (chưa có chỉ tiêu kế hoạch)", .bold))
            for result in untargeted {
                let (indicator, o) = (result.indicator, result.observation)
                var line =
                    "  - \(indicator.name): \(W.quantity(o.value, unit: indicator.measureUnit, qualifier: o.qualifier, estimated: o.estimated))"
                if let g = o.statedGrowthPercent {
                    line += ", so cùng kỳ \(g > 0 ? "+" : "")\(W.number.string(g))\(indicator.isRate ? " điểm %" : "%")"
                }
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    private func forecast(_ a: Assessment) -> String {
        guard let f = a.forecast else { return "–" }
        if [.value, .everyYear, .cumulative].contains(a.target.measure) { return AssessmentWording.forecast(a) }
        var copy = a
        copy.achieved = f
        copy.achievedThrough = nil
        return AssessmentWording.achieved(copy)
    }
}

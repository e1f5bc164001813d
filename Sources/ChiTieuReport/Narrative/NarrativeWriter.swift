import ChiTieuCore
import Foundation

/// Writes the review report of a unit and period from stored data, in the register of the
/// conference reports and press releases: an opening naming the period and the conference,
/// one sentence per indicator grouped by field, the tally, the limitations, and for a year-end
/// report the targets of the next year.
public struct NarrativeWriter: Sendable {
    public init() {}

    public func write(_ material: ReviewMaterial) -> ReviewReport {
        let unit = material.unit
        let period = material.period
        var sections: [ReviewReport.Section] = []
        sections.append(.init(heading: nil, paragraphs: [opening(material)]))
        var number = 0
        for field in Field.allCases {
            let sentences = results(in: field, material)
            guard !sentences.isEmpty else { continue }
            number += 1
            sections.append(
                .init(
                    heading: "\(number). Về \(field.title.lowercased())", paragraphs: [sentences.joined(separator: " ")]
                ))
        }
        var closing: [String] = []
        if material.overview.tally.total > 0 {
            closing.append(material.overview.tally.sentence(over: material.overview.annualSet))
        } else if let stated = material.statedTally, let sentence = Self.sentence(stated) {
            closing.append(sentence)
        }
        if let limits = limitations(material) { closing.append(limits) }
        if let tasks = mainTasks(material) { closing.append(tasks) }
        if !closing.isEmpty {
            number += 1
            sections.append(.init(heading: "\(number). Đánh giá chung", paragraphs: closing))
        }
        if period.isFullYear, let goals = goals(material) {
            number += 1
            sections.append(.init(heading: "\(number). Mục tiêu năm \(period.year + 1)", paragraphs: [goals]))
        }
        var issuer: [String] = []
        if let parent = material.parent { issuer.append("Đảng bộ \(parent.title)".uppercased()) }
        issuer.append("\(unit.kind.committeeName) \(unit.name)".uppercased())
        let subtitle =
            period.isFullYear
            ? "Kết quả thực hiện nhiệm vụ năm \(period.year), phương hướng nhiệm vụ năm \(period.year + 1)"
            : "Kết quả thực hiện nhiệm vụ \(period.label)"
        var report = ReviewReport(
            issuer: issuer, motto: "ĐẢNG CỘNG SẢN VIỆT NAM", title: "BÁO CÁO", subtitle: subtitle, sections: sections)
        // «Huyện ủy» → «HU», «Đảng ủy» → «ĐU»: the symbol after the kind of document (BC)
        let committee = unit.kind.committeeName
        let symbol = committee.split(separator: " ").map { word in
            let letter = String(word.prefix(1)).uppercased()
            return letter == "Đ" ? letter : letter.applyingTransform(.stripDiacritics, reverse: false) ?? letter
        }.joined()
        report.number = "Số        -BC/\(symbol)"
        report.placeAndDate = "\(unit.name), ngày      tháng      năm \(period.year)"
        report.recipients =
            ["Nơi nhận:"]
            + (material.parent.map { ["- Ban Thường vụ \($0.kind.committeeName) \($0.name) (để báo cáo),"] } ?? [])
            + ["- Các đồng chí ủy viên Ban Chấp hành,", "- Lưu Văn phòng \(committee)."]
        report.signature = ["T/M BAN THƯỜNG VỤ", "(Ký tên, đóng dấu)"]
        return report
    }

    // MARK: opening

    private func opening(_ material: ReviewMaterial) -> String {
        let period = material.period
        let style = Phrasing(material.unit.name, period.description, "opening")
        let when = style.pick(["Trong \(period.label)", capitalized(period.label)])
        let body = "Ban Chấp hành \(material.committee.name)"
        var text =
            style.pick([
                "\(when), \(body) tập trung lãnh đạo, chỉ đạo hệ thống chính trị triển khai thực hiện các chỉ tiêu, nhiệm vụ đề ra.",
                "\(when), \(body) đã lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ, giải pháp và đạt được nhiều kết quả.",
                "\(when), dưới sự lãnh đạo của \(body), các cấp, các ngành nỗ lực thực hiện các chỉ tiêu, nhiệm vụ đề ra.",
            ])
        if let conference = material.conference {
            text +=
                " Tại \(conference.title(unitKind: material.unit.kind)), các đại biểu đánh giá kết quả thực hiện nhiệm vụ \(period.label) như sau."
        }
        return text
    }

    // MARK: results

    /// One sentence per indicator with a result, in catalogue order within the field.
    private func results(in field: Field, _ material: ReviewMaterial) -> [String] {
        var sentences: [String] = []
        var seen = Set<String>()
        for assessment in material.overview.annual where assessment.indicator.field == field {
            let code = assessment.indicator.code
            guard seen.insert(code).inserted else { continue }
            let all = material.overview.annual.filter { $0.indicator.code == code }
            if let sentence = IndicatorSentence(assessments: all, material: material).text {
                sentences.append(sentence)
            }
        }
        for other in material.otherResults where other.indicator.field == field {
            if let sentence = IndicatorSentence(other: other, material: material).text { sentences.append(sentence) }
        }
        return sentences
    }

    /// A tally as a document stated it: "Trong tổng 42 chỉ tiêu đã có 10 chỉ tiêu vượt …".
    static func sentence(_ stated: StatedTally) -> String? {
        var parts: [String] = []
        func add(_ n: Int?, _ words: String) {
            if let n { parts.append("\(n < 10 ? "0" : "")\(n) chỉ tiêu \(words)") }
        }
        add(stated.metOrExceeded, "đạt và vượt kế hoạch")
        add(stated.exceeded, "vượt kế hoạch")
        add(stated.met, "đạt kế hoạch")
        add(stated.missed, "không đạt kế hoạch")
        add(stated.unassessed, "chưa đánh giá")
        guard !parts.isEmpty else { return nil }
        let total = stated.total.map { "Trong tổng \($0) chỉ tiêu đã có " } ?? "Có "
        return total + parts.joined(separator: ", ") + "."
    }

    // MARK: limitations

    private func limitations(_ material: ReviewMaterial) -> String? {
        let yearEnd = material.period.isFullYear
        let short = Tally.counted(material.overview.annual).filter { $0.status.needsExplanation }
        let unassessed = Tally.counted(material.overview.annual).filter { $0.status == .unassessed }.map(
            \.indicator.name)
        var parts: [String] = []
        if !short.isEmpty {
            let what = yearEnd ? "chỉ tiêu không đạt kế hoạch" : "chỉ tiêu có nguy cơ không đạt hoặc chậm tiến độ"
            let items = short.map { a -> String in
                let gap = VietnameseNumberFormat.standard.percent(a.shortfallPercent ?? 0)
                return yearEnd
                    ? "\(a.indicator.name) còn thiếu \(gap) so với \(a.target.planWord)"
                    : "\(a.indicator.name) dự báo cả năm còn thiếu \(gap) so với \(a.target.planWord)"
            }
            parts.append(
                "Bên cạnh những kết quả đạt được, còn \(short.count < 10 ? "0" : "")\(short.count) \(what): \(items.joined(separator: "; "))."
            )
        }
        parts += explanations(material)
        if !unassessed.isEmpty {
            parts.append(
                "Chưa đánh giá được: \(unassessed.joined(separator: ", ")) (chưa có số liệu hoặc chỉ thống kê theo năm)."
            )
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// «Giải trình về Giá trị sản xuất công nghiệp (đã được chấp nhận): nguyên nhân chủ quan: chậm
    /// giải ngân vốn; nguyên nhân khách quan: giá điện tăng; giải pháp: đôn đốc nhà máy đường.»
    private func explanations(_ material: ReviewMaterial) -> [String] {
        let names = Dictionary(material.overview.all.map { ($0.indicator.code, $0.indicator.name) }) { a, _ in a }
        return material.explanations.compactMap { request in
            guard let answer = request.acceptedAnswer else { return nil }
            let said = [
                ("nguyên nhân chủ quan", answer.subjectiveCauses), ("nguyên nhân khách quan", answer.objectiveCauses),
                ("giải pháp", answer.actions),
            ].compactMap { label, text -> String? in
                let text = text.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["."])
                return text.isEmpty ? nil : "\(label): \(lowercasedFirst(text))"
            }
            let name = names[request.indicatorCode] ?? request.indicatorCode
            return "Giải trình về \(lowercasedFirst(name)) (đã được chấp nhận): " + said.joined(separator: "; ") + "."
        }
    }

    /// «Nhiệm vụ trọng tâm thời gian tới: chỉ đạo công tác thu ngân sách (Ủy ban nhân dân huyện
    /// chủ trì, hạn 31/12/2026); ….»
    private func mainTasks(_ material: ReviewMaterial) -> String? {
        guard !material.openTasks.isEmpty else { return nil }
        let items = material.openTasks.map { task in
            let text = task.text.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["."])
            return "\(lowercasedFirst(text)) (\(task.responsible) chủ trì, hạn \(task.deadline.vietnamese))"
        }
        return "Nhiệm vụ trọng tâm thời gian tới: " + items.joined(separator: "; ") + "."
    }

    // MARK: goals

    /// "Về mục tiêu năm 2025, … đưa ra 13 chỉ tiêu chủ yếu như: Tổng sản lượng lương thực có
    /// hạt 28.320 tấn; …"
    private func goals(_ material: ReviewMaterial) -> String? {
        var seen = Set<String>()
        let goals = material.nextYearTargets.filter { seen.insert($0.indicator.code).inserted }
        guard !goals.isEmpty else { return nil }
        let style = Phrasing(material.unit.name, "goals")
        let items = goals.enumerated().map { index, goal -> String in
            let name = index == 0 ? goal.indicator.name : lowercasedFirst(goal.indicator.name)
            return "\(name) \(Self.bound(goal.target.bound, indicator: goal.indicator, style: style))"
        }
        let count = goals.count
        return "Về mục tiêu năm \(material.period.year + 1), Ban Chấp hành \(material.committee.name) "
            + style.pick(["đưa ra", "xác định", "thống nhất"])
            + " \(count < 10 ? "0" : "")\(count) chỉ tiêu chủ yếu như: " + items.joined(separator: "; ") + "."
    }

    /// "28.320 tấn", "từ 95% trở lên" for a threshold, "dưới 3%" for a ceiling.
    static func bound(_ bound: TargetBound, indicator: Indicator, style: Phrasing) -> String {
        switch bound {
        case .atLeast(let v):
            let q = style.quantity(v, unit: indicator.measureUnit)
            return indicator.kind == .level ? "từ \(q) trở lên" : q
        case .atMost(let v):
            return "dưới " + style.quantity(v, unit: indicator.measureUnit)
        case .between(let low, let high):
            return "\(style.figure(low)) - " + style.quantity(high, unit: indicator.measureUnit)
        }
    }
}

func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

func lowercasedFirst(_ text: String) -> String {
    // Names starting with an acronym keep it: "GRDP bình quân đầu người".
    guard let first = text.split(separator: " ").first, first.count > 1, first.uppercased() == first else {
        return text.prefix(1).lowercased() + text.dropFirst()
    }
    return text
}

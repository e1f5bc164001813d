import ChiTieuCore

/// Reads the conclusions of a conference into task drafts. A conclusion opens with «đề nghị»,
/// «yêu cầu», «cần tập trung» or «tiếp tục chỉ đạo»; what follows, split at «;», is one task
/// each; a task that starts with an agency («Ủy ban nhân dân thị xã chỉ đạo …», «các cơ quan, đơn
/// vị chủ động rà soát …») names it as the addressee up to the verb; a deadline phrase inside it
/// («trong quý IV», «3 tháng cuối năm», «trước ngày 30/9») is kept with its day.
///
/// Constructions, each with a sentence of its own in `ConclusionReaderTests`:
/// - «… đề nghị: A; B; C.» — three tasks, addressees from their heads;
/// - «… yêu cầu các xã khẩn trương …» — the addressee right after the trigger;
/// - «Cần tập trung lãnh đạo … nhiệm vụ trọng tâm 03 tháng cuối năm» — the verb is the task;
/// - «theo đề nghị của …», «đã yêu cầu» in a past account — not conclusions.
struct ConclusionReader {
    let source: TextSource
    /// The year a deadline without one falls in: the review's.
    let year: Int?

    /// Triggers and from which of their words the task begins: «cần | tập trung …» keeps the
    /// verb, «đề nghị» none of its words.
    private static let triggers: [([Word], keptFrom: Int?)] = [
        (["đề", "nghị"], nil), (["yêu", "cầu"], nil), (["cần", "tập", "trung"], 1), (["tiếp", "tục", "chỉ", "đạo"], 0),
    ]

    /// Verbs that end an addressee: «Ủy ban nhân dân thị xã | chỉ đạo …».
    private static let verbs: [[Word]] = [
        ["chỉ", "đạo"], ["tập", "trung"], ["tiếp", "tục"], ["triển", "khai"], ["rà", "soát"], ["thực", "hiện"],
        ["đẩy", "mạnh"], ["quan", "tâm"], ["chủ", "động"], ["phối", "hợp"], ["tăng", "cường"], ["làm", "tốt"],
        ["khẩn", "trương"], ["nâng", "cao"], ["hoàn", "thành"], ["đôn", "đốc"], ["lãnh", "đạo"],
        ["quyết", "liệt"], ["xây", "dựng"], ["kiểm", "tra"], ["nêu", "cao"], ["phát", "huy"],
    ]

    /// Modal words between an addressee and its verb: «huyện cần tiếp tục …», «… đơn vị phải nêu cao …».
    private static let modals: WordSet = ["cần", "phải", "nên", "cũng"]

    /// Words an addressee starts with.
    private static let agencyHeads: WordSet = [
        "ủy", "uỷ", "ubnd", "ban", "mặt", "các", "cấp", "đảng", "huyện", "thị", "tỉnh", "phòng", "sở", "hội", "hđnd",
        "công", "ngành", "mttq", "đoàn", "thường", "văn",
    ]

    func find() -> [ExtractionResult.TaskDraft] {
        var drafts: [ExtractionResult.TaskDraft] = []
        for sentence in source.sentences {
            guard let (start, keptFrom) = trigger(in: sentence.range) else { continue }
            var body = start.body
            if keptFrom == nil, body.lowerBound < sentence.range.upperBound, source.tokens[body.lowerBound].isPunct(":")
            {
                body = (body.lowerBound + 1)..<body.upperBound
            }
            if let keptFrom { body = (start.at + keptFrom)..<body.upperBound }
            // «đề nghị: UBND thị xã chỉ đạo thu ngân sách; lưu ý tận thu …»: a task without an
            // addressee of its own goes on with the one before it in the sentence.
            var previous: String?
            for item in items(body) {
                guard var draft = draft(item) else { continue }
                if draft.addressee == nil { draft.addressee = previous }
                previous = draft.addressee
                drafts.append(draft)
            }
        }
        return drafts
    }

    private func trigger(in range: Range<Int>) -> (start: (at: Int, body: Range<Int>), keptFrom: Int?)? {
        let tokens = source.tokens
        for i in range {
            for (words, keptFrom) in Self.triggers where i + words.count <= range.upperBound {
                guard words.indices.allSatisfy({ tokens[i + $0].key == words[$0] }) else { continue }
                // «theo đề nghị của», «đã yêu cầu»: an account of the past, not a conclusion.
                if i > range.lowerBound, ["theo", "đã", "được"].contains(tokens[i - 1].key) { continue }
                return ((i, (i + words.count)..<range.upperBound), keptFrom)
            }
        }
        return nil
    }

    /// The clauses of the body, split at «;» and with the sentence's closing stop left out.
    private func items(_ body: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = body.lowerBound
        for i in body where source.tokens[i].isPunct(";") {
            result.append(start..<i)
            start = i + 1
        }
        result.append(start..<body.upperBound)
        return result.map { range in
            var end = range.upperBound
            while end > range.lowerBound, source.tokens[end - 1].kind == .punct { end -= 1 }
            return range.lowerBound..<end
        }.filter { r in r.filter { source.tokens[$0].isWord }.count >= 3 }
    }

    private func draft(_ item: Range<Int>) -> ExtractionResult.TaskDraft? {
        let tokens = source.tokens
        var textStart = item.lowerBound
        var addressee: String?
        if Self.agencyHeads.contains(tokens[item.lowerBound].key),
            let verb = (item.lowerBound + 1..<min(item.upperBound, item.lowerBound + 14)).first(where: isVerb)
        {
            var end = verb
            while end > item.lowerBound + 1, Self.modals.contains(tokens[end - 1].key) { end -= 1 }
            addressee = text(item.lowerBound..<end).trimmingCharacters(in: [",", " "])
            textStart = verb
        }
        let (deadline, day) = deadline(in: item)
        let words = text(textStart..<item.upperBound)
        guard !words.isEmpty else { return nil }
        return ExtractionResult.TaskDraft(
            text: words.prefix(1).uppercased() + words.dropFirst(), addressee: addressee, deadline: deadline,
            deadlineDay: day,
            span: .init(start: tokens[item.lowerBound].start, end: tokens[item.upperBound - 1].end))
    }

    private func isVerb(_ i: Int) -> Bool {
        let tokens = source.tokens
        return Self.verbs.contains { verb in
            i + verb.count <= tokens.count && verb.indices.allSatisfy { tokens[i + $0].key == verb[$0] }
        }
    }

    /// The shortest phrase of up to six tokens from «trong», «trước», «quý», «cuối», «đến» or a
    /// number of months that `DeadlinePhrase` resolves.
    private func deadline(in item: Range<Int>) -> (String?, CalendarDay?) {
        guard let year else { return (nil, nil) }
        let tokens = source.tokens
        for i in item {
            let key = tokens[i].key
            let opens =
                ["trong", "trước", "quý", "cuối", "đến"].contains(key)
                || (tokens[i].isNumber && i + 1 < item.upperBound && tokens[i + 1].key == "tháng")
            guard opens, i + 2 <= item.upperBound else { continue }
            for end in (i + 2)...min(item.upperBound, i + 6) {
                guard let day = DeadlinePhrase.resolve(text(i..<end), year: year) else { continue }
                // «3 tháng cuối» resolves already; the phrase as written goes on to «năm (2026)».
                var last = end
                if last < item.upperBound, tokens[last].key == "năm" { last += 1 }
                if last < item.upperBound, tokens[last - 1].key == "năm", tokens[last].isNumber { last += 1 }
                let phrase = text(i..<last)
                return (phrase, DeadlinePhrase.resolve(phrase, year: year) ?? day)
            }
        }
        return (nil, nil)
    }

    private func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return source.text(source.tokens[range.lowerBound].start..<source.tokens[range.upperBound - 1].end)
    }
}

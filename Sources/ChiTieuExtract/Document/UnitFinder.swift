import ChiTieuCore

/// Finds the unit a document reports on. The body holding the meeting ("Ban Chấp hành Đảng
/// bộ huyện X", "Huyện ủy X", "HĐND xã X", "UBND tỉnh X") weighs most; plain mentions
/// ("huyện X") count too; units named in a guest's title ("Trưởng ban Tổ chức Tỉnh ủy Gia
/// Lai") weigh little.
struct UnitFinder {
    let source: TextSource
    var tokens: [Token] { source.tokens }

    /// Committee and council words, and the kind of unit they imply when no kind word follows.
    private static let bodies: [(phrase: String, kind: UnitKind?)] = [
        ("huyện ủy", .district), ("thị ủy", .town), ("tỉnh ủy", .province), ("thành ủy", .city),
        ("quận ủy", .urbanDistrict),
        ("đảng ủy", nil), ("đảng bộ", nil), ("hđnd", nil), ("hội đồng nhân dân", nil), ("ubnd", nil),
        ("ủy ban nhân dân", nil),
        ("nhân dân", nil), ("ubmttq", nil),
    ]
    private static let bodyPhrases = PhraseSet(bodies.map { ($0.phrase, $0.phrase) })
    private static let impliedKinds = Dictionary(bodies.map { ($0.phrase, $0.kind) }, uniquingKeysWith: { a, _ in a })
    private static let kindWords = PhraseSet(
        UnitKind.allCases.map { ($0.rawValue, $0.rawValue) } + [
            ("tp", UnitKind.city.rawValue), ("tx", UnitKind.town.rawValue),
        ])
    /// Last words of office titles: "Trưởng ban Dân vận Tỉnh ủy X", "Phó Chủ tịch UBND tỉnh X".
    private static let titleWords: WordSet = [
        "viên", "trưởng", "phó", "thư", "tịch", "đốc", "chức", "vụ", "vận", "giáo", "tra",
    ]

    private struct Mention {
        var kind: UnitKind
        var name: String
        var weight: Double
        var first: Int
    }

    func find() -> ExtractionResult.UnitMention? {
        var mentions: [String: Mention] = [:]
        var provinces: [String: Double] = [:]
        for (sentenceIndex, sentence) in source.sentences.enumerated() {
            var i = sentence.range.lowerBound
            while i < sentence.range.upperBound {
                guard let (kind, name, nameKey, length, weight) = mention(at: i, limit: sentence.range.upperBound)
                else {
                    i += 1
                    continue
                }
                var w = weight
                // A guest's title, or "(tỉnh X)" after the unit, is not what the text is about.
                let guest = isGuestTitle(before: i)
                // "Bí thư Huyện ủy Trần Thị Bích": after a title, a person's name, no unit at all.
                let nameTokens = nameKey.split(separator: " ").count
                if guest, looksLikeAPerson(at: i + length - nameTokens, length: nameTokens) {
                    i += length
                    continue
                }
                if guest || (i > 0 && tokens[i - 1].isPunct("(")) { w *= 0.2 }
                if sentenceIndex < 3 { w += 1 }
                let key = kind.rawValue + "|" + nameKey
                var m = mentions[key] ?? Mention(kind: kind, name: name, weight: 0, first: i)
                m.weight += w
                mentions[key] = m
                // "Phó Bí thư thường trực tỉnh ủy Lê Văn Dũng": after a title, a person's name.
                if kind == .province, !guest { provinces[name, default: 0] += 1 }
                i += length
            }
        }
        guard let best = mentions.values.max(by: { ($0.weight, -$0.first) < ($1.weight, -$1.first) }) else {
            return nil
        }
        var province: String?
        if best.kind != .province {
            province = parenthesisedProvince(after: best) ?? provinces.max { $0.value < $1.value }?.key
        }
        return ExtractionResult.UnitMention(kind: best.kind, name: best.name, province: province)
    }

    /// `Đảng bộ huyện X` (weight 4), `Huyện ủy X` (3), `huyện X` (1).
    /// First words of a body or a unit kind: a mention starts with one.
    static let starters = WordSet(
        (bodies.map(\.phrase) + UnitKind.allCases.map(\.rawValue) + ["tp", "tx"]).compactMap {
            PhraseSet.keys($0).first
        })

    /// The kind, the name as written and its key, the tokens taken, and the weight.
    private func mention(at i: Int, limit: Int) -> (UnitKind, String, String, Int, Double)? {
        guard tokens[i].has(.unit) else { return nil }
        var j = i
        var impliedKind: UnitKind?
        var weight = 1.0
        if let body = Self.bodyPhrases.match(tokens, at: j, limit: limit) {
            impliedKind = Self.impliedKinds[body.value] ?? nil
            weight = body.value == "nhân dân" ? 1.5 : (body.value == "đảng bộ" ? 4 : 3)
            j += body.length
        }
        var kind = impliedKind
        if let kindMatch = Self.kindWords.match(tokens, at: j, limit: limit) {
            kind = UnitKind(rawValue: kindMatch.value)
            j += kindMatch.length
            if j < limit, tokens[j].isPunct("."), !tokens[j].spaceBefore { j += 1 }
        } else if impliedKind == nil {
            return nil
        }
        guard let unitKind = kind, let (name, length) = properName(at: j, limit: limit) else { return nil }
        let nameKey = source.keys[j..<(j + length)].joined(separator: " ")
        return (unitKind, name, nameKey, j + length - i, j == i ? 1 : weight)
    }

    /// Capitalised words: "Kông Chro", "Bà Rịa - Vũng Tàu", "Ia Grai".
    func properName(at start: Int, limit: Int) -> (String, Int)? {
        var j = start
        var words: [Int] = []
        while j < limit, tokens[j].isWord, tokens[j].capitalized, !Self.stopWords.contains(tokens[j].key),
            !endsName(at: j, limit: limit), words.count < 4
        {
            words.append(j)
            j += 1
            if j + 1 < limit, tokens[j].isPunct("-"), tokens[j + 1].capitalized, tokens[j].spaceBefore { j += 1 }
        }
        // "Phường 3", "Quận 1": a number names the unit.
        if words.isEmpty, start < limit, tokens[start].isNumber, tokens[start].end - tokens[start].start <= 2 {
            return (source.text(tokens[start].start..<tokens[start].end), 1)
        }
        guard let first = words.first, let last = words.last else { return nil }
        let name = source.text(tokens[first].start..<tokens[last].end)
        // "TP.HCM": the city's name as everyone shortens it.
        return (name == "HCM" || name == "TPHCM" ? "Hồ Chí Minh" : name, j - start)
    }

    /// Words that end a name wherever they stand; «Ảnh» opens a photo credit («Đắk Lắk - Ảnh: …»).
    private static let stopWords: WordSet = [
        "ban", "đảng", "nghị", "khóa", "khoá", "lần", "ủy", "huyện", "tỉnh", "xã", "ubnd", "hđnd", "bch",
        "thường", "chủ", "phó", "bí", "ngày", "sáng", "chiều", "tại", "trong", "năm", "theo", "các", "ảnh",
    ]

    /// Words that are part of names («xã Yên Kỳ», «phường Hội Phú») but end one before the
    /// meeting they open: «… Kỳ họp thứ Ba», «… Hội nghị».
    private static let meetingStarts: WordMap<WordSet> = [
        "kỳ": ["họp", "thứ"], "kì": ["họp", "thứ"], "hội": ["nghị", "đồng", "liên"],
    ]

    private func endsName(at j: Int, limit: Int) -> Bool {
        guard let next = Self.meetingStarts[tokens[j].key] else { return false }
        return j + 1 >= limit || next.contains(tokens[j + 1].key)
    }

    /// Three words opening with a surname, or a middle «Văn»/«Thị»: how people are named, not places
    /// (save the city named after one).
    private func looksLikeAPerson(at start: Int, length: Int) -> Bool {
        guard length >= 2, start >= 0, start + length <= tokens.count else { return false }
        let words = tokens[start..<(start + length)]
        if ["văn", "thị"].contains(words[start + 1].key) { return true }
        return length >= 3 && words[start].has(.surname) && !(words[start].key == "hồ" && words[start + 1].key == "chí")
    }

    private func isGuestTitle(before i: Int) -> Bool {
        tokens[max(0, i - 3)..<i].contains { Self.titleWords.contains($0.key) }
    }

    /// "thị xã An Khê (tỉnh Gia Lai)"
    private func parenthesisedProvince(after mention: Mention) -> String? {
        for i in tokens.indices.dropLast(3) where tokens[i].isPunct("(") && tokens[i + 1].key == "tỉnh" {
            if let (name, _) = properName(at: i + 2, limit: tokens.count) { return name }
        }
        return nil
    }
}

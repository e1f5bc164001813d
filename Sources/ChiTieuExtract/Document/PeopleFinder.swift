import ChiTieuCore

/// Finds officials named with their titles: "đồng chí Phạm Duy Hưng, Ủy viên Ban Thường vụ
/// Tỉnh ủy, Phó Chủ tịch UBND tỉnh", "Bí thư Thị ủy Nguyễn Xuân Phước", "bà Kiều Thị Hồng
/// Hoa- Phó Chủ tịch HĐND huyện".
struct PeopleFinder {
    let source: TextSource
    /// The words of the document's unit and province, which a title may end with.
    var places: [[Word]] = []
    var tokens: [Token] { source.tokens }

    static let surnameSpellings = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
        "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai", "tô", "hà", "tạ", "kiều", "nông", "chu",
        "lương", "đinh", "lục", "triệu", "thái", "cao", "lại", "hứa", "quách", "tăng", "la", "lưu", "thân", "nghiêm",
        "châu", "giang", "tống", "từ", "âu", "ông", "quan", "doãn", "kim", "cù", "mạc", "lã", "đàm", "bế", "hầu",
        "sùng",
        "thào", "giàng", "vàng", "lầu", "mùa", "lò", "điểu", "ksor", "rah", "siu", "nay", "rơ", "kpă", "y", "thạch",
        "danh", "hoàng", "khúc", "văn", "diệp", "ninh", "lữ", "mạnh", "tôn", "vi", "sầm", "hoàng",
    ]

    static let surnames = WordSet(surnameSpellings.map { Word(WordKey.make($0)) })

    /// Words a title starts with.
    static let titleStarts: WordSet = [
        "ủy", "uỷ", "trưởng", "phó", "bí", "chủ", "tỉnh", "thường", "giám", "chánh", "thành", "huyện", "đại", "tổng",
        "thứ", "bộ", "chỉ", "chính", "kiểm", "thiếu", "đại", "trung", "thượng",
    ]

    /// Verbs that end a list of titles.
    static let stopVerbs: WordSet = [
        "dự", "phát", "chủ", "tham", "đồng", "ghi", "đề", "nhấn", "cho", "khẳng", "chỉ", "trình", "báo", "đánh", "yêu",
        "tới", "đến", "đã", "cùng", "và", "tại", "thay", "trao", "nêu",
    ]

    func find() -> [ExtractionResult.Person] {
        var people: [ExtractionResult.Person] = []
        func add(_ name: String, _ positions: [String]) {
            let key = NameKey(name)
            if let i = people.firstIndex(where: { NameKey($0.name) == key }) {
                if people[i].positions.isEmpty { people[i].positions = positions }
            } else {
                people.append(.init(name: name, positions: positions))
            }
        }
        for sentence in source.sentences {
            var i = sentence.range.lowerBound
            let end = sentence.range.upperBound
            while i < end {
                guard let (nameEnd, name) = personName(at: i, limit: end) else {
                    i += 1
                    continue
                }
                // «miễn nhiệm … đối với ông X», «bầu bổ sung … đối với bà Y»: the subject of a
                // personnel decision, not someone at the meeting.
                if i > sentence.range.lowerBound + 2, tokens[i - 2].key == "với", tokens[i - 3].key == "đối" {
                    i = nameEnd
                    continue
                }
                let introduced = i > sentence.range.lowerBound && ["chí", "ông", "bà"].contains(tokens[i - 1].key)
                var positions = titlesAfter(nameEnd, limit: end)
                if positions.isEmpty, let title = titleBefore(i, sentence: sentence) { positions = [title] }
                if introduced || !positions.isEmpty { add(name, positions) }
                i = nameEnd
            }
        }
        return people
    }

    /// A person's name: a surname and one to four more capitalised syllables; after «đồng chí»
    /// it need not open with a surname we list («đồng chí An Hoàng Linh»). «Ông»/«Bà»
    /// capitalised at the start of a sentence is the courtesy word when a surname follows
    /// («Ông Vũ Tiến Phụng, Ủy viên …»), not the rare surname Ông. Never the document's own
    /// unit: «Bí thư Huyện ủy Châu Đức» holds a title, not a name.
    private func personName(at i: Int, limit: Int) -> (Int, String)? {
        guard tokens[i].capitalized, tokens[i].isWord else { return nil }
        let comrade = i > 0 && tokens[i - 1].key == "chí"
        guard tokens[i].has(.surname) || comrade else { return nil }
        if ["ông", "bà"].contains(tokens[i].key), i + 2 < limit, tokens[i + 1].has(.surname),
            tokens[i + 1].capitalized, tokens[i + 2].capitalized
        {
            return nil
        }
        var j = i + 1
        while j < limit, j - i < 5, tokens[j].isWord, tokens[j].capitalized, tokens[j].spaceBefore { j += 1 }
        guard j - i >= 2 else { return nil }
        // A title word capitalised right after a name is not part of it ("… Hưng, Ủy viên").
        if places.contains(where: { $0.count == j - i && $0.elementsEqual(tokens[i..<j].lazy.map(\.key)) }) {
            return nil
        }
        return (j, source.text(tokens[i].start..<tokens[j - 1].end))
    }

    /// ", Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh" or "- Bí thư Huyện ủy".
    private func titlesAfter(_ start: Int, limit: Int) -> [String] {
        var titles: [String] = []
        var j = start
        // «, Phó Chủ tịch …», «- Bí thư …», «(Phó Bí thư Tỉnh ủy)».
        while j < limit,
            tokens[j].isPunct(",") || tokens[j].isPunct("-") || tokens[j].isPunct("–") || tokens[j].isPunct("(")
        {
            var k = j + 1
            guard k < limit, tokens[k].isWord, Self.titleStarts.contains(tokens[k].key) else { break }
            let titleStart = k
            while k < limit, !(tokens[k].kind == .punct && [",", ";", ".", "(", ")", ":"].contains(tokens[k].key)),
                !(k > titleStart && !tokens[k].capitalized && Self.stopVerbs.contains(tokens[k].key)
                    && !isInsideTitle(k))
            {
                k += 1
            }
            guard k > titleStart else { break }
            titles.append(source.text(tokens[titleStart].start..<tokens[k - 1].end))
            j = k
            if j < limit, !tokens[j].isPunct(",") { break }
        }
        return titles
    }

    /// "Phó Chủ tịch" has "chủ" inside; "Ban Thường vụ" has no verb. A stop verb right after a
    /// capitalised title word continues the title only for these pairs.
    private func isInsideTitle(_ k: Int) -> Bool {
        let previous = tokens[k - 1].key
        return (previous == "phó" && tokens[k].key == "chủ")
            || (tokens[k].key == "chủ" && k + 1 < tokens.count && tokens[k + 1].key == "tịch")
            || (tokens[k].key == "chỉ" && k + 1 < tokens.count && tokens[k + 1].key == "huy")
    }

    /// "Bí thư Thị ủy Nguyễn Xuân Phước": a title right before the name. It must hold an
    /// office word; "Huyện ủy Nông Sơn" is a place.
    private func titleBefore(_ i: Int, sentence: Sentence) -> String? {
        var k = i - 1
        var start: Int?
        while k >= sentence.range.lowerBound, i - k <= 8, tokens[k].isWord {
            if Self.titleStarts.contains(tokens[k].key), tokens[k].capitalized { start = k }
            k -= 1
        }
        guard let start else { return nil }
        let holdsOffice = (start..<i).contains { Self.offices.match(tokens, at: $0, limit: i) != nil }
        return holdsOffice ? source.text(tokens[start].start..<tokens[i - 1].end) : nil
    }

    static let offices = PhraseSet([
        "bí thư", "chủ tịch", "giám đốc", "ủy viên", "chánh văn", "tổng biên", "trưởng", "phó",
    ])
}

/// A deadline as conclusions write it, resolved to its last day: «3 tháng cuối năm», «trong quý
/// IV», «6 tháng đầu năm», «tháng 10», «tháng 10/2026», «trước ngày 30/9», «30/9/2026»,
/// «cuối năm», «năm 2026», or a date `2026-09-30`. The year is the conference's when the phrase
/// does not say one.
public enum DeadlinePhrase {
    public static func resolve(_ text: String, year: Int) -> CalendarDay? {
        let phrase = NameKey(text).folded
        if let day = CalendarDay(phrase) { return day }
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let stated = statedYear(words) ?? year
        if let date = dayAndMonth(words, year: stated) { return date }
        if let quarter = quarter(words) { return .endOf(year: stated, month: quarter * 3) }
        if let months = index(of: "thang", in: words) {
            let before = months > 0 ? Int(words[months - 1]) : nil
            let after = months + 1 < words.count ? words[months + 1] : nil
            // «3 tháng cuối năm», «6 tháng đầu năm»: the end of that span.
            if let count = before, (1...12).contains(count), let after {
                if after == "cuoi" { return .endOf(year: stated, month: 12) }
                if after == "dau" { return .endOf(year: stated, month: count) }
            }
            // «tháng 10», «tháng 10/2026»
            if let after, let month = Int(after.split(separator: "/").first ?? ""), (1...12).contains(month) {
                return .endOf(year: stated, month: month)
            }
        }
        if words.contains("cuoi"), words.contains("nam") { return .endOf(year: stated, month: 12) }
        if words.first == "nam", statedYear(words) != nil { return .endOf(year: stated, month: 12) }
        return nil
    }

    private static func index(of word: String, in words: [String]) -> Int? { words.firstIndex(of: word) }

    /// «năm 2026», «10/2026», «30/9/2026».
    private static func statedYear(_ words: [String]) -> Int? {
        for word in words {
            let parts = word.split(separator: "/")
            if let last = parts.last, let y = Int(last), (2000...2100).contains(y) { return y }
        }
        return nil
    }

    /// «30/9», «30/9/2026», «ngày 30-9».
    private static func dayAndMonth(_ words: [String], year: Int) -> CalendarDay? {
        for word in words {
            let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
            guard parts.count >= 2, (1...31).contains(parts[0]), (1...12).contains(parts[1]) else { continue }
            if parts.count == 2, word.contains("/") || word.contains("-") {
                return CalendarDay(year: year, month: parts[1], day: parts[0])
            }
            if parts.count == 3 { return CalendarDay(year: parts[2], month: parts[1], day: parts[0]) }
        }
        return nil
    }

    /// «quý IV», «quý 3».
    private static func quarter(_ words: [String]) -> Int? {
        guard let at = words.firstIndex(of: "quy"), at + 1 < words.count else { return nil }
        let next = words[at + 1]
        let number = Int(next) ?? RomanNumeral.parse(next.uppercased())
        guard let number, (1...4).contains(number) else { return nil }
        return number
    }
}

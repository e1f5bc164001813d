import Testing

@testable import ChiTieuExtract

@Suite struct WordTableTests {
    /// 5.000 words through many growths, each found with its own value; others are not found.
    @Test func everyWordKeepsItsValueThroughGrowth() {
        var map = WordMap<Int>()
        for n in 0..<5000 { map[Word("từ\(n)")] = n }
        map[Word("từ7")] = -7
        #expect(map.count == 5000)
        #expect((0..<5000).allSatisfy { map[Word("từ\($0)")] == ($0 == 7 ? -7 : $0) })
        #expect(map[Word("từ5000")] == nil)
        map[Word("mới"), default: 0] += 3
        map[Word("mới"), default: 0] += 3
        #expect(map[Word("mới")] == 6)
        #expect(Set(map.words).count == 5001)
    }

    @Test func aSetOfWordsAnswersMembership() {
        let set: WordSet = ["tăng", "giảm", "đạt"]
        #expect(set.contains("đạt") && !set.contains("vượt"))
        #expect(set.count == 3 && Set(set) == Set<Word>(["tăng", "giảm", "đạt"]))
        let numbers: WordMap<Int> = ["một": 1, "hai": 2]
        #expect(numbers[Word("hai")] == 2 && numbers[Word("ba")] == nil)
    }
}

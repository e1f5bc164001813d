import ChiTieuCore
import Testing

@testable import ChiTieuExtract

/// Unit, period, conference, tally, goals and people of whole (invented) documents.
@Suite struct DocumentReadingTests {
    let extractor = Extractor(currentYear: 2026)

    @Test(arguments: [
        ("Ban Chấp hành Đảng bộ huyện Tân Lập tổ chức hội nghị đánh giá kết quả 6 tháng đầu năm 2024.", 2024, 1, 6),
        ("Hội nghị đánh giá tình hình 9 tháng đầu năm, triển khai nhiệm vụ 3 tháng cuối năm 2022.", 2022, 1, 9),
        ("Trong 9 tháng đầu năm, doanh thu tăng 5% so với cùng kỳ năm 2022.", 2023, 1, 9),
        ("Huyện ủy đánh giá kết quả công tác quý I/2025, đề ra nhiệm vụ quý II.", 2025, 1, 3),
        ("Hội nghị sơ kết công tác quí III năm 2021.", 2021, 7, 9),
        ("UBND xã báo cáo tình hình kinh tế - xã hội tháng 10/2023.", 2023, 10, 10),
        ("Hội nghị tổng kết năm 2023, triển khai phương hướng nhiệm vụ năm 2024.", 2023, 1, 12),
        ("Năm 2019, huyện đạt nhiều kết quả. Năm 2020, huyện phấn đấu tăng trưởng 8%.", 2019, 1, 12),
    ])
    func periods(text: String, year: Int, from: Int, to: Int) throws {
        #expect(extractor.extract(text).period == (try Period(year: year, fromMonth: from, toMonth: to)))
    }

    @Test func theYearOfAPartComesFromTheDatelineWhenTheTextHasNone() throws {
        let expected = try Period(year: 2022, toMonth: 6)
        #expect(extractor.extract(" date 2022-07 Hội nghị đánh giá 6 tháng đầu năm.").period == expected)
    }

    /// A session at the end of the year reviews that year, whatever plan for the next it adopts;
    /// "sau hơn 4 tháng vận hành" is a time taken, not four months reported.
    @Test func noPeriodAfterTheDateAndNoDurationForAPeriod() throws {
        let session =
            "Trong 2 ngày 26-27/12/2022, HĐND xã Tân Phú họp kỳ thứ 6, thông qua nghị quyết về nhiệm vụ năm 2023 và dự toán ngân sách năm 2023."
        #expect(extractor.extract(session).period == (try Period.yearToDate(2022, through: 12)))
        let merged = "Sau hơn 4 tháng vận hành bộ máy mới, 9 tháng năm 2025 tổng sản phẩm của tỉnh tăng 6,8%."
        #expect(extractor.extract(merged).period == (try Period(year: 2025, toMonth: 9)))
    }

    @Test(arguments: [
        ("Ban Chấp hành Đảng bộ huyện Tân Lập tổ chức hội nghị.", UnitKind.district, "Tân Lập"),
        ("Huyện ủy Đông Hòa tổ chức hội nghị lần thứ 5.", .district, "Đông Hòa"),
        ("Thị ủy Bình Minh họp phiên thường kỳ.", .town, "Bình Minh"),
        ("HĐND xã Yên Lạc khai mạc kỳ họp thứ 9.", .commune, "Yên Lạc"),
        (
            "UBND tỉnh Hà Nam họp đánh giá tình hình. Đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh chủ trì.",
            .province, "Hà Nam"
        ),
        ("Đảng ủy phường 4 tổ chức hội nghị.", .ward, "4"),
        ("Hội nghị Thành ủy TP. Bảo Lộc lần thứ 12.", .city, "Bảo Lộc"),
    ])
    func units(text: String, kind: UnitKind, name: String) {
        let unit = extractor.extract(text).unit
        #expect(unit?.kind == kind)
        #expect(unit?.name == name)
    }

    @Test func aGuestsTitleDoesNotMakeTheUnit() {
        let text = """
            Dự hội nghị có đồng chí Lê Thị Hoa, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy Quảng Trị. \
            Ban Chấp hành Đảng bộ huyện Cam Lộ (tỉnh Quảng Trị) tổ chức hội nghị lần thứ 14.
            """
        let unit = extractor.extract(text).unit
        #expect(unit == .init(kind: .district, name: "Cam Lộ", province: "Quảng Trị"))
    }

    /// Names that hold a meeting's word, a photo credit after a dash, the city everyone shortens.
    @Test func namesEndWhereTheyShould() {
        #expect(
            extractor.extract("Kỳ họp thứ Ba, HĐND xã Yên Kỳ khoá II, nhiệm kỳ 2021-2026 thông qua 6 nghị quyết.").unit
                == .init(kind: .commune, name: "Yên Kỳ", province: nil))
        #expect(
            extractor.extract("Ban Thường vụ Đảng ủy phường Hội Phú (tỉnh Gia Lai) tổ chức hội nghị lần thứ 6.").unit
                == .init(kind: .ward, name: "Hội Phú", province: "Gia Lai"))
        #expect(
            extractor.extract("Tỉnh Đắk Lắk - Ảnh: Báo Đắk Lắk. UBND tỉnh Đắk Lắk họp phiên thường kỳ.").unit?.name
                == "Đắk Lắk")
        #expect(
            extractor.extract("Đại hội Đảng bộ TP.HCM lần thứ XII, nhiệm kỳ 2025 - 2030.").unit?.name == "Hồ Chí Minh")
    }

    @Test(arguments: [
        ("Ban Chấp hành Đảng bộ huyện X khóa XXI tổ chức Hội nghị lần thứ 27 (mở rộng).", 27, 21, true, false),
        ("Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ mười hai, khóa IX.", 12, 9, false, false),
        ("Hội nghị lần thứ hai mươi mốt Ban Chấp hành Đảng bộ thị xã.", 21, nil, false, false),
        ("HĐND huyện khóa XX, nhiệm kỳ 2021-2026 tổ chức kỳ họp thứ 11.", 11, 20, false, true),
        ("Sáng nay, HĐND tỉnh khai mạc kỳ họp lần thứ 8.", 8, nil, false, true),
    ])
    func conferences(text: String, number: Int, term: Int?, extended: Bool, council: Bool) {
        #expect(
            extractor.extract(text).conference
                == .init(number: number, term: term, extended: extended, isCouncilSession: council))
    }

    @Test func congressesAndCentralConferencesAreNotTheMeeting() {
        let text =
            "Quán triệt Nghị quyết Hội nghị Trung ương 8 khóa XIII. Tiến tới Đại hội đại biểu Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2025 - 2030."
        #expect(extractor.extract(text).conference == nil)
        // A committee meeting that recalls the congress's resolution reports the meeting.
        let meeting = extractor.extract(
            "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 9 đánh giá việc thực hiện Nghị quyết Đại hội lần thứ XX, nhiệm kỳ 2020 - 2025."
        )
        #expect(meeting.conference?.number == 9)
        #expect(meeting.conference?.isCongress == false)
    }

    @Test func aCongressReportedIsTheConferenceAndItsTermGivesThePeriod() throws {
        let result = extractor.extract(
            "Đại hội đại biểu Đảng bộ phường Ia Thử lần thứ I, nhiệm kỳ 2025 - 2030 diễn ra ngày 20/8. Đại hội đặt mục tiêu đến năm 2030 thu ngân sách đạt 250 tỷ đồng."
        )
        let congress = try #require(result.conference)
        #expect([congress.number, congress.termFrom] == [1, 2025])
        #expect(congress.isCongress)
        #expect(result.period == (try Period.yearToDate(2025, through: 12)))
        #expect(result.targets.map { [$0.value, Double($0.year)] } == [[250, 2030]])
    }

    @Test func talliesInTheirCommonShapes() {
        let full = extractor.extract(
            "Trong tổng số 30 chỉ tiêu, có 8 chỉ tiêu vượt, 17 chỉ tiêu đạt, 4 chỉ tiêu không đạt và 1 chỉ tiêu chưa đánh giá."
        )
        #expect(full.tally.map { [$0.total, $0.exceeded, $0.met, $0.missed, $0.unevaluated] } == [30, 8, 17, 4, 1])
        #expect(full.observations.isEmpty)
        let fraction = extractor.extract("Năm 2023, huyện có 18/21 chỉ tiêu đạt và vượt kế hoạch.")
        #expect(fraction.tally.map { [$0.total, $0.metOrExceeded, $0.met] } == [21, 18, nil])
        let main = extractor.extract("Trong năm có 18/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch, 3 chỉ tiêu không đạt.")
        #expect(main.tally.map { [$0.total, $0.metOrExceeded, $0.missed] } == [21, 18, 3])
        let listed = extractor.extract("Kết quả: vượt 6 chỉ tiêu, 9 chỉ tiêu đạt, 1 chỉ tiêu không đạt.")
        #expect(listed.tally.map { [$0.total, $0.exceeded, $0.met, $0.missed] } == [16, 6, 9, 1])
    }

    /// The constructions of `TallyReader` beyond the common shapes, each in a sentence of its own.
    @Test func talliesWithCompletionWordsDescriptorsAndSums() {
        func read(_ text: String) -> [Int?]? {
            extractor.extract(text).tally.map { [$0.total, $0.exceeded, $0.met, $0.metOrExceeded, $0.missed] }
        }
        #expect(read("Năm 2024, xã Ia Thử hoàn thành 21/24 chỉ tiêu nghị quyết đề ra.") == [24, nil, nil, 21, nil])
        #expect(
            read(
                "Năm 2024, huyện đã hoàn thành và hoàn thành vượt mức 19/20 chỉ tiêu, trong đó nhiều chỉ tiêu tăng khá."
            )
                == [20, nil, nil, 19, nil])
        #expect(
            read("Cả năm, thị xã hoàn thành vượt mức 12/12 chỉ tiêu của Chương trình hành động.") == [
                12, 12, nil, nil, nil,
            ])
        #expect(read("Trong năm có 14/16 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch.") == [16, nil, nil, 14, nil])
        #expect(read("Năm 2024, huyện đạt và vượt 18/20 chỉ tiêu chủ yếu.") == [20, nil, nil, 18, nil])
        #expect(
            read(
                "Có 9/10 chỉ tiêu kinh tế đạt và vượt kế hoạch, thu ngân sách tăng khá; 12/12 chỉ tiêu văn hóa - xã hội đạt và vượt."
            )
                == [22, nil, nil, 21, nil])
        #expect(
            read("Trong 25 chỉ tiêu đề ra, có 8 chỉ tiêu vượt kế hoạch, 15 chỉ tiêu hoàn thành.") == [
                25, 8, 15, nil, nil,
            ])
        #expect(read("Có 18/18 chỉ tiêu hoàn thành, trong đó có 7 chỉ tiêu vượt kế hoạch.") == [18, 7, nil, 18, nil])
        #expect(read("Năm 2026, phường phấn đấu đạt 19 chỉ tiêu, trong đó thu ngân sách đạt 200 tỷ đồng.") == nil)
    }

    @Test func goalsForTheNextYear() {
        let text = """
            Năm 2023, thu ngân sách đạt 50 tỷ đồng.
            Về mục tiêu năm 2024, huyện đề ra các chỉ tiêu chủ yếu: thu ngân sách 55 tỷ đồng; trồng mới 300 ha rừng; \
            tỷ lệ che phủ rừng đạt 62%; kết nạp 120 đảng viên trở lên; tốc độ tăng trưởng kinh tế đạt 8,5%.
            """
        let result = extractor.extract(text)
        #expect(result.observations.map(Facts.init) == [Facts(50, "tỷ đồng")])
        #expect(result.targets.map(\.value) == [55, 300, 62, 120, 8.5])
        #expect(result.targets.allSatisfy { $0.year == 2024 })
        #expect(result.targets[3].qualifier == .above)
        #expect(result.targets[4].indicator == "Tốc độ tăng trưởng kinh tế")
        let rate = extractor.extract(
            "Năm 2023, huyện đạt nhiều kết quả. Năm 2024, tỉnh phấn đấu tốc độ tăng trưởng kinh tế từ 7,5% trở lên.")
        #expect(rate.targets.map { [$0.value, Double($0.year)] } == [[7.5, 2024]])
        #expect(rate.targets.first?.qualifier == .above)
    }

    @Test func aGoalInsideAResultSentence() {
        let result = extractor.extract(
            "Năm 2022, bình quân đạt 15,2 tiêu chí/xã, phấn đấu đến cuối năm có thêm 3 xã đạt chuẩn nông thôn mới.")
        #expect(result.observations.map(Facts.init) == [Facts(15.2, "tiêu chí/xã")])
        #expect(result.targets.map { [$0.value, Double($0.year)] } == [[3, 2022]])
    }

    @Test func people() {
        let text = """
            Dự hội nghị có đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh. \
            Phát biểu kết luận, Bí thư Huyện ủy Trần Thị Bích đề nghị các ngành tập trung chỉ đạo. \
            Các đồng chí Lê Minh Tâm, Phó Bí thư Thường trực Huyện ủy; Phạm Văn Hùng, Chủ tịch UBND huyện đồng chủ trì.
            """
        let people = extractor.extract(text).people
        #expect(people.map(\.name) == ["Nguyễn Văn An", "Trần Thị Bích", "Lê Minh Tâm", "Phạm Văn Hùng"])
        #expect(people[0].positions == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"])
        #expect(people[1].positions == ["Bí thư Huyện ủy"])
        #expect(people[3].positions == ["Chủ tịch UBND huyện"])
    }

    /// The unit at the end of a title is no one's name; after «đồng chí» a surname we do not
    /// list still opens a name; the subject of a personnel decision did not attend.
    @Test func titlesEndingInTheUnitRareSurnamesAndPersonnelDecisions() {
        let text = """
            Ngày 10/10, Huyện ủy Sông Mây tổ chức hội nghị lần thứ 12.
            Các ông: Trần Văn Bình, Bí thư Huyện ủy Sông Mây; Lê Thị Hạnh, Chủ tịch UBND huyện Sông Mây chủ trì hội nghị.
            Đồng chí Âu Dương Khánh - Phó Bí thư thường trực tỉnh ủy Lê Văn Tám dự và phát biểu.
            Hội nghị bầu bổ sung chức danh Phó Chủ tịch UBND huyện đối với bà Phạm Thị Thu, Trưởng phòng Nội vụ.
            """
        let result = extractor.extract(text)
        #expect(result.people.map(\.name) == ["Trần Văn Bình", "Lê Thị Hạnh", "Âu Dương Khánh", "Lê Văn Tám"])
        #expect(result.unit == .init(kind: .district, name: "Sông Mây", province: nil))
        let rare = extractor.extract("Đồng chí Y Khánh Niê - Bí thư Huyện ủy dự hội nghị.")
        #expect(rare.people.map(\.name) == ["Y Khánh Niê"])
        let bracketed = extractor.extract(
            "Dự hội nghị có ông Nguyễn Văn Hải (Phó Bí thư Tỉnh ủy) và bà Trần Thị Mai (Phó Chủ tịch UBND tỉnh).")
        #expect(bracketed.people.map(\.positions) == [["Phó Bí thư Tỉnh ủy"], ["Phó Chủ tịch UBND tỉnh"]])
    }

    @Test func aCourtesyWordAtTheStartOfASentenceIsNotASurname() {
        let people = extractor.extract(
            "Đại hội bế mạc. Ông Trần Văn Hòa, Phó Chủ tịch UBND huyện, phát biểu. Bà Ông Thị Mai, Chủ tịch Hội Phụ nữ huyện, báo cáo."
        ).people
        #expect(people.map(\.name) == ["Trần Văn Hòa", "Ông Thị Mai"])
        #expect(people.first?.positions == ["Phó Chủ tịch UBND huyện"])
    }

    @Test func anImpossibleYearIsFlagged() {
        let result = extractor.extract(
            "Hội nghị tổng kết năm 2024. Tuy nhiên, nhiệm vụ năm 2924 còn hạn chế. Giá so sánh năm 2010 được dùng.")
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.message.contains("năm 2924") == true)
    }

    @Test func pageFurnitureIsIgnored() {
        let text = """
            0:00 / 0:00
            Tin liên quan Huyện A: thu ngân sách tăng 20%
            Quang cảnh hội nghị. Ảnh: Minh Anh
            Thu ngân sách đạt 30 tỷ đồng, tăng 12% so với cùng kỳ.
            Xem thêm
            """
        #expect(extractor.extract(text).observations.map(Facts.init) == [Facts(30, "tỷ đồng", growth: 12)])
    }

    @Test func spansPointAtTheSentence() {
        let text = "Mở đầu. Thu ngân sách đạt 30 tỷ đồng."
        let observation = extractor.extract(text).observations.first
        let scalars = Array(text.unicodeScalars)
        let span = observation.map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
        #expect(span == "Thu ngân sách đạt 30 tỷ đồng.")
    }
}

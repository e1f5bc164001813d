import ChiTieuCore
import Foundation
import Testing

@testable import ChiTieuExtract

/// The hand-written JSON writer gives the bytes `JSONEncoder` gives for the same value.
@Suite struct JSONValueTests {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test(arguments: [true, false])
    func numbersStringsAndEmptyContainersAreWrittenAsJSONEncoderWritesThem(pretty: Bool) throws {
        let numbers: [Double] = [
            4790.86, 70, 0.1, 1e-7, 1e21, 1.2345678901234568e17, -0.0, 2.5e15, 9_007_199_254_740_992, 1e16,
            0.30000000000000004, -12.5, 12345.678,
        ]
        let value = JSONValue.object([
            .init("so", .array(numbers.map { .number($0) })),
            .init("chu", .string("a\"b\\c/d\u{1}\u{1f}\n\t\r\u{8}\u{c}\u{7f} Tăng trưởng «đạt»")),
            .init("rong", .array([])), .init("doi_tuong_rong", .object([])), .init("khong", .null),
            .init("dung", .bool(true)), .init("nguyen", .integer(-42)),
            .init("a_b", .object([.init("z", .integer(1)), .init("a", .array([.integer(1), .array([])]))])),
        ])
        #expect(
            value.text(pretty: pretty)
                == String(decoding: try Self.encoder(pretty: pretty).encode(value), as: UTF8.self))
    }

    @Test(arguments: [true, false])
    func anExtractionIsWrittenAsJSONEncoderWritesIt(pretty: Bool) throws {
        let text = """
            Hội nghị lần thứ 12 Ban Chấp hành Đảng bộ huyện Đông Hòa khóa XX, ngày 10/7/2024.
            Tổng giá trị sản xuất 6 tháng ước đạt 2.345,6 tỷ đồng, bằng 51,2% kế hoạch, tăng 7,35% so với cùng kỳ.
            Thu ngân sách nhà nước trên địa bàn đạt 120 tỷ đồng, bằng 60% dự toán tỉnh giao và 55% dự toán huyện giao.
            Trong tổng số 20 chỉ tiêu, có 12 chỉ tiêu đạt và vượt, 8 chỉ tiêu chưa đạt.
            Phấn đấu năm 2025 tỷ lệ hộ nghèo giảm còn dưới 2%.
            Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.
            """
        let result = Extractor(catalogue: nil, currentYear: 2024).extract(text)
        #expect(!result.observations.isEmpty)
        #expect(result.utf8(pretty: pretty) == Array(try Self.encoder(pretty: pretty).encode(result)))
        let line = try #require(
            try JSONSerialization.jsonObject(with: Data(result.utf8(source: "a/b.txt", pretty: false)))
                as? [String: Any])
        #expect(line["source"] as? String == "a/b.txt")
        #expect((line["observations"] as? [Any])?.count == result.observations.count)
    }
}

import ChiTieuCore

/// A review report as the committee adopts it: heading, title, and sections of paragraphs.
public struct ReviewReport: Sendable, Equatable {
    /// The issuing body, top left: "ĐẢNG BỘ TỈNH GIA LAI", "HUYỆN ỦY KÔNG CHRO".
    public var issuer: [String]
    /// Top right: "ĐẢNG CỘNG SẢN VIỆT NAM".
    public var motto: String
    public var title: String
    public var subtitle: String
    public var sections: [Section]
    /// «Số      -BC/HU»: the office writes the number in when it files the report.
    public var number = ""
    /// «Kông Chro, ngày      tháng      năm 2024», filled in when it is signed.
    public var placeAndDate = ""
    /// «Nơi nhận:» and the lines under it.
    public var recipients: [String] = []
    /// «T/M BAN THƯỜNG VỤ» and the line under it.
    public var signature: [String] = []

    public struct Section: Sendable, Equatable {
        public var heading: String?
        public var paragraphs: [String]
    }

    /// The report as plain text: the title, then each section.
    public var text: String {
        var lines = [title, subtitle, ""]
        for section in sections {
            if let heading = section.heading { lines.append(heading) }
            lines += section.paragraphs
            lines.append("")
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    static let newlines: Set<Character> = ["\n", "\r"]
}

import ChiTieuCore

/// How figures are written in a report: numbers as Vietnamese reports print them, and a
/// choice among equivalent phrasings that is stable for one indicator and period but varies
/// from sentence to sentence.
struct Phrasing {
    let seed: Int
    private let number = VietnameseNumberFormat.standard

    init(_ parts: String...) {
        // A stable hash (FNV-1a): the same report reads the same every time it is written.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "|").utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        seed = Int(h % 1_000_003)
    }

    /// One of `options`, the same for the same seed.
    func pick<T>(_ options: [T], _ salt: Int = 0) -> T { options[(seed + salt * 7) % options.count] }

    func figure(_ value: Double) -> String { number.string(value) }

    /// `4.790,86 tỷ đồng`, `91,92%`, `hơn 10.040 tỷ đồng`.
    func quantity(_ value: Double, unit: String, qualifier: Qualifier? = nil) -> String {
        let prefix: String =
            switch qualifier {
            case .above: "hơn "
            case .below: "gần "
            case .approximately: "khoảng "
            case nil: ""
            }
        return prefix + number.string(value) + (unit == "%" ? "%" : " " + unit)
    }

    /// The verb before a result: "ước đạt" only for an estimate.
    func verb(estimated: Bool) -> String {
        estimated
            ? pick(["ước đạt", "ước thực hiện", "ước đạt"]) : pick(["đạt", "thực hiện được", "đạt được", "đạt"], 1)
    }

    /// "bằng 70,76% kế hoạch", "đạt 26,6% dự toán tỉnh giao", "vượt 42,46% dự toán".
    func share(_ percent: Double, of plan: String, flow: Bool, salt: Int) -> String {
        if percent > 100.005, flow, pick([true, true, false], salt) {
            return "vượt \(number.percent(percent - 100)) \(plan)"
        }
        return "\(pick(["bằng", "đạt"], salt)) \(number.percent(percent)) \(plan)"
    }

    /// "tăng 3,81% so với cùng kỳ năm 2023", "giảm 2%…", "bằng 95,27% so với cùng kỳ",
    /// and for rates "tăng 0,68 điểm phần trăm so với cùng kỳ".
    func change(_ growth: Double, rate: Bool, lastYear: Int) -> String? {
        let rounded = (growth * 100).rounded() / 100
        guard rounded != 0 else { return nil }
        let against = pick(["so với cùng kỳ", "so với cùng kỳ năm \(lastYear)", "so với cùng kỳ năm trước"], 2)
        if rate {
            return "\(rounded > 0 ? "tăng" : "giảm") \(number.string(abs(rounded))) điểm phần trăm \(against)"
        }
        if rounded < 0, pick([false, true], 3) {
            return "bằng \(number.percent(100 + rounded)) \(against)"
        }
        return "\(rounded > 0 ? "tăng" : "giảm") \(number.percent(abs(rounded))) \(against)"
    }
}

/// The words the extractor recognises. Each list is a linguistic class of report language,
/// not phrases of any one article.
enum Lexicon {
    /// Words that scale a unit: `tỷ đồng`, `nghìn tấn`.
    static let scales: WordSet = ["nghìn", "ngàn", "triệu", "tỷ", "vạn"]

    /// Units of measure and counted things that may follow a number.
    static let baseUnits = PhraseSet([
        "đồng", "usd", "đô la", "ha", "héc-ta", "hecta", "tấn", "tạ", "kg", "km", "m2", "m3", "km2", "lít",
        "đảng viên", "đồng chí", "người", "lao động", "hộ", "xã", "phường", "thị trấn", "thôn", "làng", "bản",
        "tổ dân phố", "khu dân cư", "trường", "lớp", "học sinh", "sinh viên", "giáo viên", "sản phẩm", "htx",
        "hợp tác xã", "tổ hợp tác", "tht", "doanh nghiệp", "dự án", "công trình", "căn nhà", "căn", "ngôi nhà", "vườn",
        "trang trại", "tiêu chí", "trường hợp", "vụ", "vụ việc", "ca", "lượt", "lượt người", "lượt khách", "khách",
        "cơ sở", "mô hình", "chi bộ", "tổ chức cơ sở đảng", "cơ quan", "con", "cây", "giường", "giường bệnh",
        "bác sĩ", "thẻ", "hồ sơ", "cuộc", "lần", "bệnh nhân", "phòng học", "trạm", "km đường", "tuyến",
        "chiếc", "gói thầu", "đề tài", "ngôi", "nhà", "đối tượng", "nhóm hộ", "hội viên", "đoàn viên", "thành viên",
    ])

    /// Counted things that say what a result is about: "kết nạp 26 đảng viên" is about
    /// party members, "đàn gia súc có 5.400 con" is not about "con".
    static let namingCounts: Set<String> = [
        "đảng viên", "xã", "phường", "thị trấn", "thôn", "làng", "bản", "tổ dân phố", "khu dân cư", "hộ", "trường",
        "lớp",
        "học sinh", "sinh viên", "giáo viên", "sản phẩm", "htx", "hợp tác xã", "tổ hợp tác", "tht", "doanh nghiệp",
        "dự án", "hồ sơ",
        "công trình", "căn nhà", "vườn", "trang trại", "tiêu chí", "trường hợp", "cơ sở", "mô hình", "chi bộ",
        "tổ chức cơ sở đảng", "cơ quan", "giường bệnh", "bác sĩ", "bệnh nhân", "phòng học", "hội viên", "đoàn viên",
        "gói thầu", "đề tài", "tuyến",
    ]

    /// Counted things reports write by their initials.
    static let abbreviatedCounts: [String: String] = ["htx": "hợp tác xã", "tht": "tổ hợp tác"]

    /// Units of measure (as opposed to counted things).
    static let measureUnitKeys: WordSet = [
        "đồng", "usd", "ha", "tấn", "tạ", "kg", "km", "m2", "m3", "km2", "lít", "%", "tỷ", "triệu", "nghìn", "ngàn",
    ]

    /// Time words: a number before them is a date or a duration, never a result.
    static let timeUnits: WordSet = [
        "tháng", "năm", "ngày", "giờ", "phút", "quý", "quí", "tuần", "tuổi", "kỳ", "thập",
    ]

    /// Words before a number that make it an ordinal or a reference, not a quantity.
    static let referenceWords: WordSet = ["thứ", "số", "khóa", "khoá", "quyết", "thị", "chỉ", "điều", "mục", "phần"]

    static let qualifiers = PhraseSet([
        ("hơn", ">"), ("trên", ">"), ("vượt mức", ">"), ("gần", "<"), ("dưới", "<"), ("chưa đến", "<"),
        ("chưa tới", "<"), ("khoảng", "~"), ("xấp xỉ", "~"), ("ước khoảng", "~"), ("từ", "from"),
    ])

    /// Words of a plan a percentage is of: "bằng 70,76% kế hoạch", "đạt 78% NQ".
    static let planWords = PhraseSet([
        "kế hoạch", "kh", "dự toán", "chỉ tiêu", "nghị quyết", "nq", "mục tiêu", "kịch bản",
    ])

    /// Verbs of change: "tăng 3,81%", "cao hơn 6,2%"; the value is the sign.
    static let growthWords = PhraseSet([
        ("tăng", "+"), ("tăng thêm", "+"), ("tăng tới", "+"), ("tăng hơn", "+"), ("tăng khoảng", "+"),
        ("tăng gần", "+"), ("tăng trên", "+"), ("cao hơn", "+"), ("giảm", "-"), ("giảm hơn", "-"),
        ("giảm khoảng", "-"), ("giảm gần", "-"), ("thấp hơn", "-"), ("giảm còn", "="), ("tăng lên", "="),
        ("tăng trưởng", "+"), ("tăng trưởng đạt", "+"), ("tăng trưởng ước đạt", "+"), ("tăng bình quân", "+"),
    ])

    /// What a change is measured against: "so với cùng kỳ", "so năm 2022", "so với đầu năm".
    static let comparisons = PhraseSet([
        ("so với cùng kỳ", "period"), ("so cùng kỳ", "period"), ("cùng kỳ", "period"),
        ("so với năm trước", "period"), ("so với năm ngoái", "period"), ("so năm trước", "period"),
        ("so với năm", "period"), ("so năm", "period"), ("so với đầu năm", "start"), ("so với cuối năm", "start"),
        ("so với kế hoạch", "plan"), ("so kế hoạch", "plan"), ("so với", "other"),
    ])

    /// ước đạt, ước tính, dự kiến đạt: the figure is an estimate.
    static let estimateWords = PhraseSet(["ước", "uớc", "ước đạt", "ước tính", "ước thực hiện", "dự kiến", "dự ước"])

    /// Words that open or close an indicator's name but are not part of it.
    static let leadingNoise = PhraseSet([
        "trong đó", "cụ thể", "theo đó", "ngoài ra", "bên cạnh đó", "đồng thời", "riêng", "về", "trong", "với",
        "đến nay", "hiện nay", "đến thời điểm này", "hiện tại", "qua", "đã", "và", "nhờ đó", "do đó", "vì vậy",
        "ước", "uớc", "ước tính", "ước đạt", "dự kiến", "dự ước", "chỉ tiêu", "công tác", "tổng cộng", "trong năm",
        "cả năm",
        "có", "thì", "là", "các", "nhìn chung", "tính đến", "tính chung", "chủ yếu là", "như", "phấn đấu", "đưa",
        "nâng",
        "trong tháng", "trong quý", "trong kỳ", "trong tuần",
    ])

    static let trailingNoise = PhraseSet([
        "đạt", "ước đạt", "đạt được", "được", "là", "đã", "ước", "có", "thực hiện", "thực hiện được", "ước thực hiện",
        "chiếm", "còn", "lên", "với", "cho", "của huyện", "của tỉnh", "của xã", "của thị xã", "của thành phố",
        "toàn huyện", "toàn tỉnh", "toàn xã", "trên địa bàn huyện", "ước tính", "dự kiến đạt", "dự kiến", "đều",
        "tới", "đạt khoảng", "tiếp tục", "duy trì", "ghi nhận", "xảy ra", "đạt mức", "ở mức", "toàn đảng bộ",
        "toàn đảng bộ huyện", "toàn đảng bộ tỉnh", "toàn đảng bộ xã", "giảm còn", "giảm xuống", "giảm xuống còn",
        "tăng lên", "dự ước", "dự ước đạt", "cả năm", "đến",
    ])

    /// Verbs that carry a figure: the words between them and the number are not a name.
    static let valueVerbs = PhraseSet([
        "đạt", "ước đạt", "đạt được", "được", "là", "chiếm", "còn", "lên", "thực hiện", "thực hiện được", "cho",
        "có", "tới", "ghi nhận", "đạt khoảng",
    ])

    /// Sentences about prizes handed out at the meeting, not results of the period.
    static let awardWords = PhraseSet([
        "giấy khen", "bằng khen", "khen thưởng", "huân chương", "kỷ niệm chương", "tặng thưởng", "cờ thi đua",
    ])

    /// Phrases that open the goals of a later period.
    static let targetOpeners = PhraseSet([
        "mục tiêu", "phấn đấu", "chỉ tiêu chủ yếu", "các chỉ tiêu chủ yếu", "phương hướng", "kế hoạch năm",
        "nhiệm vụ năm", "đề ra các chỉ tiêu", "chỉ tiêu cụ thể", "đề ra",
    ])
}

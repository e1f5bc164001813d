import ChiTieuCore

/// A result typed by a person (API or data-entry grid): checked against the catalogue and
/// the calendar before anything is stored.
struct ResultInput: Decodable, Sendable {
    var indicator: String
    var year: Int
    var from_month: Int?
    var to_month: Int
    var value: NumberInput
    var estimated: Bool?
    var price_basis: String?

    func observation(of unit: AdministrativeUnit, indicators: [String: Indicator], enteredBy: String) throws
        -> Observation
    {
        guard let indicator = indicators[indicator] else {
            throw APIError.badRequest("Không có chỉ tiêu mã «\(self.indicator)» trong danh mục.", field: "indicator")
        }
        let from = from_month ?? 1
        guard (1...12).contains(from) else {
            throw APIError.badRequest("Từ tháng phải từ 1 đến 12.", field: "from_month")
        }
        guard (from...12).contains(to_month) else {
            throw APIError.badRequest("Đến tháng phải từ \(from) đến 12.", field: "to_month")
        }
        let period: Period
        do {
            period = try Period(year: year, fromMonth: from, toMonth: to_month)
        } catch {
            throw APIError.badRequest(error.message, field: "year")
        }
        let (qualifier, number) = try value.parsed(field: "value", measureUnit: indicator.measureUnit)
        try Self.check(number, for: indicator, field: "value")
        return Observation(
            unitID: unit.id, indicatorCode: indicator.code, period: period, value: number, qualifier: qualifier,
            estimated: estimated ?? false, priceBasis: price_basis?.isEmpty == false ? price_basis : nil,
            source: Provenance(enteredBy: enteredBy))
    }

    /// A share past 100% or a negative amount is a typing mistake.
    static func check(_ value: Double, for indicator: Indicator, field: String) throws {
        if let problem = indicator.rangeProblem(value) {
            throw APIError.badRequest("\(indicator.name): \(problem).", field: field)
        }
    }
}

import ChiTieuCore
import Foundation

/// A plan or resolution target typed by a person: `{"indicator", "year", "value"}` for an
/// annual plan; `from_year`, `to_year` and `measure` for a resolution target.
struct TargetInput: Decodable, Sendable {
    var indicator: String
    var year: Int?
    var from_year: Int?
    var to_year: Int?
    var measure: String?
    /// `>=` (at least, the default for higher-is-better), `<=`, or `between` with `upper`.
    var comparator: String?
    var value: NumberInput
    var upper: NumberInput?
    var issuer: String?

    func target(of unit: AdministrativeUnit, indicators: [String: Indicator], yearRange: ClosedRange<Int>) throws
        -> Target
    {
        guard let indicator = indicators[indicator] else {
            throw APIError.badRequest("Không có chỉ tiêu mã «\(self.indicator)» trong danh mục.", field: "indicator")
        }
        let scope: TargetScope
        switch (year, from_year, to_year) {
        case (let year?, nil, nil):
            guard yearRange.contains(year) else {
                throw APIError.badRequest("Năm \(year) không hợp lệ.", field: "year")
            }
            scope = .year(year)
        case (nil, let from?, let to?):
            guard yearRange.contains(from), yearRange.contains(to), from < to else {
                throw APIError.badRequest("Giai đoạn \(from) - \(to) không hợp lệ.", field: "from_year")
            }
            scope = .term(from: from, to: to)
        default:
            throw APIError.badRequest(
                "Cần «year» (kế hoạch năm) hoặc «from_year» và «to_year» (nghị quyết).", field: "year")
        }
        let kind =
            try measure.map { code in
                guard let kind = TargetMeasure(rawValue: code) else {
                    let known = TargetMeasure.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError.badRequest(
                        "Dạng chỉ tiêu «\(code)» không có; dùng một trong: \(known).", field: "measure")
                }
                return kind
            } ?? .value
        if scope.firstYear == scope.lastYear, kind != .value {
            throw APIError.badRequest("Chỉ tiêu nghị quyết dạng «\(kind.title)» cần một giai đoạn.", field: "measure")
        }
        let typedUnit = kind == .value ? indicator.measureUnit : (kind.isPercentage ? "%" : nil)
        let (_, low) = try value.parsed(field: "value", measureUnit: typedUnit)
        if kind == .value { try ResultInput.check(low, for: indicator, field: "value") }
        let bound: TargetBound
        switch comparator ?? (indicator.direction == .higherIsBetter ? ">=" : "<=") {
        case ">=": bound = .atLeast(low)
        case "<=": bound = .atMost(low)
        case "between":
            guard let upper else { throw APIError.badRequest("Khoảng giá trị cần «upper».", field: "upper") }
            let (_, high) = try upper.parsed(field: "upper", measureUnit: typedUnit)
            guard high > low else { throw APIError.badRequest("Cận trên phải lớn hơn cận dưới.", field: "upper") }
            bound = .between(low, high)
        case let other:
            throw APIError.badRequest("So sánh «\(other)» không có; dùng >=, <= hoặc between.", field: "comparator")
        }
        let issuer = issuer?.trimmingCharacters(in: .whitespaces).isEmpty == false ? issuer! : Target.defaultIssuer
        return Target(
            unitID: unit.id, indicatorCode: indicator.code, scope: scope, measure: kind, bound: bound, issuer: issuer)
    }
}

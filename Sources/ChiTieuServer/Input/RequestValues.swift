import ChiTieuCore
import Foundation
import Hummingbird

/// Values read from the path and query of a request, each checked, each refused with a
/// Vietnamese message naming the parameter.
struct RequestValues {
    let request: Request
    let context: AppRequestContext

    func string(_ name: String) -> String? {
        guard let value = Self.queryValue(name, in: request.uri.query) else { return nil }
        let text = value.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// The first value of `name` in a query as a browser's GET form sends it: `+` is a space
    /// (`q=yang+trung`), `%2B` a plus. Hummingbird's `queryParameters` leaves `+` as it is.
    static func queryValue(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            if decode(parts[0]) == name { return parts.count > 1 ? decode(parts[1]) ?? "" : "" }
        }
        return nil
    }

    /// A count carried in the address after a save (`da-luu=5`): only a number is ever shown,
    /// so a link cannot put words of its own into the page's success message.
    func savedCount(_ name: String) -> String? {
        string(name).flatMap { Int($0) }.flatMap { (0...1_000_000).contains($0) ? String($0) : nil }
    }

    func integer(_ name: String, in range: ClosedRange<Int>, what: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest(
                "\(what) «\(text)» không hợp lệ (từ \(range.lowerBound) đến \(range.upperBound)).", field: name)
        }
        return value
    }

    /// A day written `1/7/2025` or `2025-07-01`.
    func day(_ name: String) throws -> CalendarDay? {
        guard let text = string(name) else { return nil }
        guard let day = CalendarDay(text) else {
            throw APIError.badRequest("Ngày «\(text)» không hợp lệ; viết 1/7/2025 hoặc 2025-07-01.", field: name)
        }
        return day
    }

    /// `{id}` in the path.
    func unitID() throws -> Int {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int(text), id > 0 else {
            throw APIError.badRequest("Mã đơn vị «\(text)» không hợp lệ.", field: "id")
        }
        return id
    }

    /// `nam` and `thang` (pages) or `year` and `to_month` (API): January to that month of the year.
    func period(yearKey: String, monthKey: String, currentYear: Int) throws -> Period? {
        let year = try integer(yearKey, in: YearPlausibility(currentYear: currentYear).targetYears, what: "Năm")
        let month = try integer(monthKey, in: 1...12, what: "Tháng")
        guard let year else {
            if month != nil { throw APIError.badRequest("Có tháng mà thiếu năm.", field: yearKey) }
            return nil
        }
        return try Period.yearToDate(year, through: month ?? 12)
    }
}

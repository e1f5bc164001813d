import ArgumentParser
import ChiTieuCore
import ChiTieuReport
import ChiTieuStore
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Đánh giá mọi chỉ tiêu của một đơn vị trong một kỳ.",
        discussion: """
            Kỳ là từ tháng 1 đến --to-month của năm --year (9 tháng, 6 tháng, cả năm).
            Ví dụ: chitieu status --unit "Kông Chro" --year 2024 --to-month 9
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Tên đơn vị, ví dụ \"Kông Chro\", \"thị xã An Khê\", \"Chư Sê, Gia Lai\".")
    var unit: String

    @Option(help: "Năm đánh giá.")
    var year: Int

    @Option(name: .customLong("to-month"), help: "Đánh giá lũy kế từ tháng 1 đến tháng này (1–12).")
    var toMonth: Int = 12

    @Flag(help: "In kết quả dạng JSON.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let period = try Period.yearToDate(year, through: toMonth)
            try await store.withRepository { repository in
                _ = try await repository.storedCatalogue(location: repository.database.location)
                let unit = try await Terminal.unit(unit, on: period.endDay, in: repository)
                let review = UnitReview(repository: repository)
                let overview = try await review.overview(of: unit, period: period)
                let conference = try await repository.conferences(unitID: unit.id).last { $0.period == period }
                let committee = try await repository.committee(of: unit)
                let untargeted = try await review.otherResults(of: overview)
                if json {
                    print(
                        try OverviewJSON(overview: overview, conference: conference, otherResults: untargeted).encoded()
                    )
                } else {
                    print(
                        StatusText(
                            overview: overview, conference: conference, committee: committee, untargeted: untargeted
                        ).render())
                }
            }
        }
    }
}

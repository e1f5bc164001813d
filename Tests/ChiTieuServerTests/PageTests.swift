import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChiTieuServer

@Suite("Pages: every view renders in Vietnamese, forms validate and keep history")
struct PageTests {
    @Test func homeListsTheUnitTree() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("Huyện Kông Chro"))
            #expect(page.text.contains("<html lang=\"vi\">"))
        }
    }

    @Test func overviewPutsTargetsAtRiskFirst() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)?nam=2024&thang=9").text
            #expect(page.contains("70,76%"))
            #expect(page.contains("4.790,86"))
            #expect(page.contains("Có nguy cơ không đạt"))
            let table = try #require(page.range(of: "<tbody>")).upperBound
            let risk = try #require(page.range(of: "<tr class=\"st-at-risk\"", range: table..<page.endIndex))
            let onTrack = try #require(page.range(of: "<tr class=\"st-on-track\"", range: table..<page.endIndex))
            #expect(risk.lowerBound < onTrack.lowerBound)
            #expect(page.contains("Trong tổng 9 chỉ tiêu"))
        }
    }

    @Test func pickerRedirectsToTheChosenView() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let response = try await client.get(
                "/chon?trang=so-sanh&don-vi=\(id)&nam=2023&thang=12&chi-tieu=budget_revenue")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/don-vi/\(id)/so-sanh?nam=2023&thang=12&chi-tieu=budget_revenue")
            #expect(try await client.get("/chon?don-vi=").status == .badRequest)
        }
    }

    @Test func indicatorPageDrawsTheChartAndTheSources() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)/chi-tieu/total_production_value?nam=2024&thang=9").text
            #expect(page.contains("<svg"))
            #expect(page.contains("Cùng kỳ năm 2023"))
            #expect(page.contains("Kế hoạch năm 2024"))
            #expect(page.contains("tăng bình quân hằng năm từ 8 trở lên %"))
            #expect(try await client.get("/don-vi/\(id)/chi-tieu/khong_co").status == .notFound)
        }
    }

    @Test func entryGridSavesAndKeepsTheOldVersion() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let grid = try await client.get("/don-vi/\(id)/nhap-so-lieu?nam=2024&thang=9").text
            #expect(grid.contains("name=\"gia_tri[total_production_value]\""))
            let saved = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [
                    ("nam", "2024"), ("thang", "9"), ("gia_tri[total_production_value]", "4.812,3"),
                    ("uoc[total_production_value]", "1"), ("gia_tri[budget_revenue]", ""),
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/don-vi/\(id)/nhap-so-lieu?nam=2024&thang=9&da-luu=1")
            let (_, versions) = try await client.getJSON(
                "/api/v1/units/\(id)/results/total_production_value/versions?year=2024&to_month=9")
            #expect((versions["items"] as? [[String: Any]])?.map { $0["value"] as? Double } == [4790.86, 4812.3])
            let after = try await client.get("/don-vi/\(id)/nhap-so-lieu?nam=2024&thang=9&da-luu=1").text
            #expect(after.contains("Đã lưu 1 số liệu."))
            #expect(after.contains("4.812,3 (ước) (lần 2)"))
        }
    }

    @Test func entryGridShowsErrorsNextToTheCellAndStoresNothing() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let refused = try await client.postForm(
                "/don-vi/\(id)/nhap-so-lieu",
                [
                    ("nam", "2024"), ("thang", "9"), ("gia_tri[total_production_value]", "4.900"),
                    ("gia_tri[health_insurance_coverage]", "4,5,6"),
                ])
            #expect(refused.status == .unprocessableContent)
            let page = refused.text
            #expect(page.contains("Có 1 ô chưa đúng, chưa lưu gì."))
            #expect(
                page.contains(
                    "value=\"4,5,6\" aria-label=\"Tỷ lệ dân số tham gia bảo hiểm y tế\" aria-invalid=\"true\""))
            #expect(page.contains("value=\"4.900\""))
            let (_, versions) = try await client.getJSON(
                "/api/v1/units/\(id)/results/total_production_value/versions?year=2024&to_month=9")
            #expect((versions["items"] as? [Any])?.count == 1)
        }
    }

    @Test func planPageEditsATargetAndRefusesABadOne() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let target = try #require(
            try await fixture.repository.targets(unitIDs: [id], years: 2024...2024).first {
                $0.indicatorCode == "budget_revenue" && $0.isAnnual
            })
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)/ke-hoach?nam=2024").text
            #expect(page.contains("name=\"gia_tri[t\(target.id)]\" value=\"24,8\""))
            let saved = try await client.postForm(
                "/don-vi/\(id)/ke-hoach", [("nam", "2024"), ("gia_tri[t\(target.id)]", "26,5")])
            #expect(saved.status == .seeOther)
            let (_, targets) = try await client.getJSON("/api/v1/units/\(id)/targets?year=2024")
            let revenue = (targets["items"] as? [[String: Any]])?.first {
                $0["indicator"] as? String == "budget_revenue" && $0["scope"] as? String == "year"
            }
            #expect(revenue?["value"] as? Double == 26.5)
            let refused = try await client.postForm(
                "/don-vi/\(id)/ke-hoach", [("nam", "2024"), ("moi[chi_tieu]", "forest_cover"), ("moi[gia_tri]", "120")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Chưa lưu gì vì:"))
        }
    }

    @Test func comparePageRanksUnitsWithABarChart() async throws {
        let fixture = try await ServerFixture.demo()
        let gialai = try #require(
            try await fixture.repository.units(named: .init("Gia Lai")).first { $0.validTo != nil }
        ).id
        try await fixture.test { client in
            let page = try await client.get(
                "/don-vi/\(gialai)/so-sanh?nam=2024&thang=9&chi-tieu=total_production_value"
            ).text
            #expect(page.contains("class=\"chart bars\""))
            #expect(page.contains("<td class=\"n rank\">1</td><td class=\"lead\"><a href=\"/don-vi/"))
            #expect(page.contains("Huyện Kông Chro"))
        }
    }

    @Test func reportPageOffersDownloads() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        try await fixture.test { client in
            let page = try await client.get("/don-vi/\(id)/bao-cao?nam=2024&thang=9").text
            #expect(page.contains("bao-cao.docx?nam=2024&amp;thang=9"))
            // the page heading once, not again inside the report where the opening has no heading
            #expect(page.components(separatedBy: "Báo cáo 9 tháng năm 2024 — Huyện Kông Chro").count == 3)
            #expect(page.contains("bằng 70,76% kế hoạch") || page.contains("đạt 70,76% kế hoạch"))
            let xlsx = try await client.get("/don-vi/\(id)/bao-cao.xlsx?nam=2024&thang=9")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType]?.contains("spreadsheetml") == true)
            #expect(xlsx.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(try await client.get("/don-vi/\(id)/bao-cao.pdf").status == .notFound)
            #expect(try await client.get("/api/v1/units/\(id)/report?format=xlsx&year=2024&to_month=9").status == .ok)
        }
    }

    @Test func importPageMarksTheSentencesAndStores() async throws {
        let fixture = try await ServerFixture.demo()
        let id = try await fixture.unitID("Kông Chro")
        let text =
            "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.950 tỷ đồng, bằng 73,11% kế hoạch."
        try await fixture.test { client in
            #expect(try await client.get("/nhap-van-ban").text.contains("enctype=\"multipart/form-data\""))
            let preview = try await client.postForm("/nhap-van-ban", [("van_ban", text), ("ten", "Bản tin thử")])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("<mark><sup>1</sup>"))
            #expect(preview.text.contains("<option value=\"\(id)\" selected>"))
            #expect(preview.text.contains("name=\"ma[r1]\""))
            let stored = try await client.postForm(
                "/nhap-van-ban/luu",
                [
                    ("van_ban", text), ("ten", "Bản tin thử"), ("don_vi", "\(id)"), ("nam", "2024"), ("thang", "9"),
                    ("chi_tieu[r1]", "tổng giá trị sản xuất"), ("ma[r1]", "total_production_value"), ("ghi_de", "1"),
                ])
            #expect(stored.status == .ok)
            #expect(stored.text.contains("Xem tổng quan đơn vị"))
            let (_, results) = try await client.getJSON(
                "/api/v1/units/\(id)/results?year=2024&indicator=total_production_value")
            #expect(item(results["items"], "period", "9 tháng năm 2024")?["value"] as? Double == 4950)
        }
    }

    @Test func uploadedFileIsReadLikePastedText() async throws {
        let fixture = try await ServerFixture.demo()
        let boundary = "ranh-gioi-thu"
        let file = "Năm 2023, huyện Kông Chro có tổng giá trị sản xuất đạt 6.400 tỷ đồng."
        let body = [
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"ten\"\r\n\r\n\r\n",
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"bao-cao.txt\"\r\nContent-Type: text/plain\r\n\r\n\(file)\r\n",
            "--\(boundary)--\r\n",
        ].joined()
        try await fixture.test { client in
            do {
                let response = try await client.execute(
                    uri: "/nhap-van-ban", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body)
                )
                #expect(response.status == .ok)
                #expect(response.text.contains("«bao-cao.txt»"))
                #expect(response.text.contains("6.400 tỷ đồng"))
            }
            let latin1 = ByteBuffer(
                bytes: Array("--b\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"x.txt\"\r\n\r\n".utf8) + [
                    0xE0, 0xFF, 0x41,
                ] + Array("\r\n--b--\r\n".utf8))
            do {
                let response = try await client.execute(
                    uri: "/nhap-van-ban", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"],
                    body: latin1
                )
                #expect(response.status == .badRequest)
                #expect(response.text.contains("không phải văn bản UTF-8"))
            }
        }
    }

    @Test func unknownPagesAnswerInVietnamese() async throws {
        let fixture = try await ServerFixture.demo()
        try await fixture.test { client in
            let missing = try await client.get("/khong-co-trang-nay")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Không tìm thấy trang hoặc tài nguyên này."))
            #expect(try await client.get("/don-vi/424242").status == .notFound)
            #expect(try await client.get("/don-vi/5?nam=2024&thang=0").status == .badRequest)
        }
    }
}

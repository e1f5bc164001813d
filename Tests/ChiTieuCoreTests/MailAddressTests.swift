import ChiTieuCore
import Testing

@Suite struct MailAddressTests {
    @Test func keepsTheLocalPartAndLowersTheDomain() throws {
        #expect(
            try MailAddress("  VanPhong.HU+giai-trinh@KongChro.GiaLai.gov.vn ").value
                == "VanPhong.HU+giai-trinh@kongchro.gialai.gov.vn")
        #expect(try MailAddress("canbo@localhost").domain == "localhost")
    }

    @Test(arguments: [
        ("", "Địa chỉ thư điện tử trống."),
        ("vanphong", "Địa chỉ thư điện tử «vanphong» không hợp lệ: phải có đúng một dấu @."),
        (
            "văn.phòng@gialai.gov.vn",
            "Địa chỉ thư điện tử «văn.phòng@gialai.gov.vn» không hợp lệ: phần trước @ chỉ gồm chữ Latinh không dấu, chữ số và . _ - +."
        ),
        (
            "a..b@gialai.gov.vn",
            "Địa chỉ thư điện tử «a..b@gialai.gov.vn» không hợp lệ: phần trước @ chỉ gồm chữ Latinh không dấu, chữ số và . _ - +."
        ),
        ("a@gialai..vn", "Địa chỉ thư điện tử «a@gialai..vn» không hợp lệ: tên miền sau @ không hợp lệ."),
        ("a@-gialai.vn", "Địa chỉ thư điện tử «a@-gialai.vn» không hợp lệ: tên miền sau @ không hợp lệ."),
        (
            "a b@gialai.vn",
            "Địa chỉ thư điện tử «a b@gialai.vn» không hợp lệ: phần trước @ chỉ gồm chữ Latinh không dấu, chữ số và . _ - +."
        ),
        (
            "a@gialai.vn\r\nBcc: boss",
            "Địa chỉ thư điện tử «a@gialai.vn\r\nBcc: boss» không hợp lệ: tên miền sau @ không hợp lệ."
        ),
    ])
    func refusesWithTheReason(text: String, message: String) {
        #expect(throws: MailAddressError.self) { try MailAddress(text) }
        do {
            _ = try MailAddress(text)
        } catch {
            #expect(error.message == message)
        }
    }
}

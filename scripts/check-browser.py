#!/usr/bin/env python3
"""Loads every page of a running chitieu demo server in headless Chromium (scripts/browser.py),
fails on any console error, failed request, overflowing or clipped text, exercises the
data-entry script, and saves screenshots.

    scripts/check-browser.py BASE_URL OUT_DIR
"""
import json, urllib.parse, os, sys, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser

BASE, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
b = Browser(BASE, OUT)
problems = b.problems

units = json.load(urllib.request.urlopen(BASE + "/api/v1/units"))["items"]
kong = next(u for u in units if u["name"] == "Kông Chro")["id"]
province = next(u for u in units if u["name"] == "Gia Lai" and u.get("valid_to"))["id"]
found = json.load(urllib.request.urlopen(BASE + "/api/v1/units?search=" + urllib.parse.quote("Gia Lai")))["items"]
new_province = next(u for u in found if u["name"] == "Gia Lai" and u.get("valid_from"))["id"]
pages = [
    ("01-don-vi", "/", "Chọn đơn vị"),
    ("02-tong-quan", f"/don-vi/{kong}?nam=2024&thang=9", "70,76%"),
    ("03-chi-tieu", f"/don-vi/{kong}/chi-tieu/total_production_value?nam=2024&thang=9", "Cùng kỳ năm 2023"),
    ("04-nhap-so-lieu", f"/don-vi/{kong}/nhap-so-lieu?nam=2024&thang=9", "Lưu số liệu"),
    ("05-ke-hoach", f"/don-vi/{kong}/ke-hoach?nam=2024", "Chỉ tiêu nghị quyết"),
    ("06-so-sanh", f"/don-vi/{province}/so-sanh?nam=2024&thang=9&chi-tieu=total_production_value", "Huyện Kông Chro"),
    ("07-bao-cao", f"/don-vi/{kong}/bao-cao?nam=2024&thang=9", "Tải về"),
    ("08-nhap-van-ban", "/nhap-van-ban", "Đọc số liệu"),
    ("09-khong-co", "/khong-co-trang-nay", "Không tìm thấy"),
    ("10-dang-nhap", "/dang-nhap", "Mật khẩu"),
    ("17-tim-don-vi", "/tim-don-vi?q=Kông+Chro", "Huyện Kông Chro"),
    ("18-danh-muc", "/danh-muc", "Tổng giá trị sản xuất"),
    ("19-canh-bao", f"/don-vi/{province}/canh-bao?nam=2024&thang=9", "Kết nạp đảng viên mới"),
    ("33-toan-canh", f"/don-vi/{province}/toan-canh?nam=2024&thang=9", "Huyện Kông Chro"),
    ("34-tien-do-bao-cao", f"/don-vi/{province}/tien-do-bao-cao?nam=2024&thang=9", "Đã báo cáo"),
]
try:
    for width, height, suffix in ((1366, 768, ""), (390, 844, "-dien-thoai")):
        b.size(width, height)
        for name, path, text in pages:
            before = len(problems)
            b.check_page(name + suffix, path, text)
            if name == "09-khong-co":  # the 404 itself is the expected answer
                problems[before:] = [p for p in problems[before:] if "404" not in p]
            b.shoot(name + suffix)

    # The units at a glance sort by a column when its header is pressed: the share, shown worst
    # first (the unassessed last), turns best first; a unit's name sorts in Vietnamese order.
    b.size(1366, 768)
    b.go(f"/don-vi/{province}/toan-canh?nam=2024&thang=9")
    shares = "return [...document.querySelectorAll('table.glance tbody tr')].map(r => parseFloat(r.cells[1].dataset.sort))"
    worst_first = [x for x in b.run(shares) if x is not None]
    b.run("document.querySelectorAll('table.glance thead th button')[1].click()")
    best_first = [x for x in b.run(shares) if x is not None]
    if not worst_first or worst_first != sorted(worst_first) or best_first != sorted(worst_first, reverse=True):
        problems.append(f"glance: the share column does not sort ({worst_first} → {best_first})")
    b.run("document.querySelectorAll('table.glance thead th button')[0].click()")
    names = b.run("return [...document.querySelectorAll('table.glance tbody tr')].map(r => r.cells[0].innerText)")
    ordered = b.run("return arguments[0].slice().sort((a, b) => a.localeCompare(b, 'vi'))", names)
    if names != ordered:
        problems.append(f"glance: the unit column does not sort by name: {names}")
    b.shoot("33-toan-canh-xep-theo-ten")

    # Sign in (the demo is read-only without an account), then the pages that need it.
    b.sign_in(os.environ.get("CHECK_USER", ""), os.environ.get("CHECK_PASSWORD", ""))
    b.shoot("12-da-dang-nhap")
    # Signed in (the demo's forms are disabled for visitors): the entry grid: a number typed the wrong way gets a message next to the cell, before saving.
    b.size(1366, 768)
    b.go(f"/don-vi/{kong}/nhap-so-lieu?nam=2024&thang=9")
    css = "input[name='gia_tri[total_production_value]']"
    cell = b.type(css, "4790.86")
    message = b.run("return arguments[0].parentElement.querySelector('.field-error').textContent", {"element-6066-11e4-a52e-4f735466cecf": cell})
    if "Dùng dấu phẩy" not in message:
        problems.append(f"entry grid: no inline message for 4790.86 (got «{message}»)")
    b.type(css, "4.790,86", clear=True)
    message = b.run("return arguments[0].parentElement.querySelector('.field-error').textContent", {"element-6066-11e4-a52e-4f735466cecf": cell})
    if message:
        problems.append(f"entry grid: 4.790,86 refused in the browser: «{message}»")
    b.shoot("13-nhap-so-lieu-kiem-tra")

    signed_in_pages = [
        ("11-lich-su", f"/don-vi/{kong}/lich-su?nam=2024&thang=9", "Lịch sử thay đổi"),
        ("15-tai-khoan", "/tai-khoan", "Đổi mật khẩu"),
        ("16-nguoi-dung", "/quan-tri/nguoi-dung", "Kết thúc mọi phiên"),
        ("20-canh-bao-lanh-dao", f"/don-vi/{province}/canh-bao?nam=2024&thang=9", "Yêu cầu giải trình"),
        ("21-giai-trinh", f"/don-vi/{kong}/giai-trinh?nam=2024", "Giải trình"),
        ("22-nhiem-vu", f"/don-vi/{new_province}/nhiem-vu?nam=2026", "Thêm nhiệm vụ theo kết luận hội nghị"),
        ("29-viec-cho", "/viec-cho", "Việc chờ"),
        ("35-danh-muc-them", "/danh-muc", "Tổng hợp từ đơn vị cấp dưới"),
    ]
    for width, height, suffix in ((1366, 768, ""), (390, 844, "-dien-thoai")):
        b.size(width, height)
        for name, path, text in signed_in_pages:
            b.check_page(name + suffix, path, text)
            b.shoot(name + suffix)
    # The import page: paste a sentence, read it, see it marked.
    b.size(1366, 768)
    b.go("/nhap-van-ban")
    b.type("textarea[name='van_ban']",
           "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.900 tỷ đồng, bằng 72,37% kế hoạch.")
    b.click("main form button[type=submit]")
    if b.run("return document.querySelectorAll('mark').length") < 1:
        problems.append("import: the pasted sentence was not marked")
    for entry in b.logs():
        if entry["level"] == "SEVERE":
            problems.append(f"import: console {entry['message']}")
    b.shoot("14-nhap-van-ban-doc")

    # A district clerk saves a grid: every value saved shows as saved, a yearly indicator's
    # mid-year figure too (with why it is not judged yet).
    b.click("header form button[type=submit]")
    b.sign_in(os.environ.get("CHECK_EDITOR", ""), os.environ.get("CHECK_PASSWORD", ""))
    typed = {"total_production_value": "4.812,3", "budget_revenue": "36,1", "poverty_rate": "9,5",
             "health_insurance_coverage": "94,1", "forest_cover": "55,2"}
    b.go(f"/don-vi/{kong}/nhap-so-lieu?nam=2024&thang=9")
    for code, value in typed.items():
        b.type(f"input[name='gia_tri[{code}]']", value, clear=True)
    b.click("main form button[type=submit]")
    if "Đã lưu 5 số liệu" not in b.text():
        problems.append(f"entry grid: the editor's save was not confirmed: {b.text()[:300]}")
    stored = b.run("""return Object.fromEntries([...document.querySelectorAll('table tbody tr')].map(r => {
        const input = r.querySelector('input[name^="gia_tri["]');
        const cell = r.querySelector('td[data-label="Đã có"]');
        return [input ? input.name.slice(8, -1) : '', cell ? cell.innerText : ''];
    }))""")
    for code, value in typed.items():
        if not str(stored.get(code, "")).startswith(value):
            problems.append(f"entry grid: {code} saved as {value} shows «{stored.get(code)}» in «Đã có»")
    if "chỉ đánh giá khi có số cả năm" not in str(stored.get("poverty_rate", "")):
        problems.append("entry grid: the yearly indicator's 9-month figure does not say why it is not judged")
    b.shoot("17-nhap-lieu-da-luu")
    b.size(390, 844)
    b.shoot("17-nhap-lieu-da-luu-dien-thoai")
    b.size(1366, 768)

    # The same clerk hands in the office's own workbook (written by openpyxl): the preview says
    # how each column was read and lists the rows; storing them says what was saved.
    workbook = os.environ.get("CHECK_WORKBOOK")
    if workbook:
        b.go("/nhap-so-excel")
        b.type("input[name='tep']", workbook)
        b.click("main form button[type=submit]")
        page = b.text()
        for expected in ("cột E: Ước thực hiện 9 tháng → ước thực hiện 9 tháng năm 2024",
                         "Sẽ ghi 3 dòng kế hoạch, 2 dòng kết quả.", "ước 4.812,5; 71,08% KH; tăng 4,29%"):
            if expected not in page:
                problems.append(f"workbook import: the preview lacks «{expected}»: {page[:400]}")
        b.shoot("30-nhap-so-excel-xem-truoc")
        b.click("form[action='/nhap-so-excel/luu'] button[type=submit]")
        if "Đã ghi" not in b.text():
            problems.append(f"workbook import: storing was not confirmed: {b.text()[:300]}")
        b.shoot("31-nhap-so-excel-da-luu")
    report = os.environ.get("CHECK_REPORT")
    if report:
        b.go("/nhap-van-ban")
        b.type("input[name='tep']", report)
        b.click("main form button[type=submit]")
        marks = b.run("return [...document.querySelectorAll('mark')].map(m => m.innerText)")
        if not any("Tổng mức bán lẻ hàng hóa | tỷ đồng | 850 | 622" in m for m in marks):
            problems.append(f"Word report: the table's row is not marked: {marks}")
        b.shoot("32-nhap-van-ban-word")

    # The unit picker navigates without pressing the button.
    b.go(f"/don-vi/{kong}?nam=2024&thang=9")
    b.run("const s = document.querySelector('select[name=thang]'); s.value = '12'; s.dispatchEvent(new Event('change'));")
    b.wait_for("return location.search.includes('thang=12')", "the picker to navigate", timeout=5)
    if "thang=12" not in b.url():
        problems.append(f"picker: choosing «Cả năm» did not navigate (at {b.url()})")

    # The follow-up path with mail (when check-browser.sh started a mail sink): the province
    # leader asks Kông Chro to explain an at-risk target, the district's editor answers, the
    # leader returns it, the editor answers again, the leader accepts; the sink must receive
    # four mails: to the editor, the leader, the editor, the leader.
    mail_dir = os.environ.get("CHECK_MAIL_DIR")
    if mail_dir:
        leader, editor = os.environ["CHECK_LEADER"], os.environ.get("CHECK_EDITOR", "")
        password = os.environ.get("CHECK_PASSWORD", "")

        def as_user(name):
            b.go("/")
            if "Đăng xuất" in b.text():
                b.click("header form button[type=submit]")
            b.sign_in(name, password)

        def submit(marker_js, button="button[type=submit]:not([formaction])", fill=None):
            found = b.run("const f = (" + marker_js + "); if (!f) return false; f.setAttribute('data-walk', '1');"
                          " f.closest('details') && (f.closest('details').open = true); return true;")
            if not found:
                problems.append(f"follow-up walk: no form for {marker_js} at {b.url()}")
                return False
            for css, text in (fill or {}).items():
                b.type(f"form[data-walk='1'] {css}", text, clear=True)
            b.click(f"form[data-walk='1'] {button}")
            return True

        threads = f"/don-vi/{kong}/giai-trinh?nam=2024"
        answer = {"textarea[name='tinh_hinh']": "Giá trị sản xuất 9 tháng đạt 70,76% kế hoạch.",
                  "textarea[name='nguyen_nhan_chu_quan']": "Chậm giải ngân vốn đầu tư.",
                  "textarea[name='giai_phap']": "Đôn đốc các dự án trọng điểm."}
        as_user(leader)
        b.go(f"/don-vi/{province}/canh-bao?nam=2024&thang=9")
        submit(f"document.querySelector(\"form[action^='/don-vi/{kong}/giai-trinh']\")",
               fill={"textarea[name='noi_dung']": "Làm rõ nguyên nhân chỉ tiêu đạt thấp so với tiến độ."})
        b.shoot("26-giai-trinh-da-yeu-cau")
        as_user(editor)
        b.go("/viec-cho")
        if "Giải trình đến lượt anh/chị (1)" not in b.text():
            problems.append(f"follow-up walk: the editor's list of waiting work lacks the request: {b.text()[:300]}")
        b.shoot("29-viec-cho-nhap-lieu")
        b.go(threads)
        submit("document.querySelector(\"textarea[name='tinh_hinh']\")?.form", fill=answer)
        b.shoot("27-giai-trinh-da-tra-loi")
        as_user(leader)
        b.go(threads)
        submit("document.querySelector(\"textarea[name='nhan_xet']\")?.form", button="button[formaction]",
               fill={"textarea[name='nhan_xet']": "Nêu rõ các dự án chậm giải ngân."})
        as_user(editor)
        b.go(threads)
        submit("document.querySelector(\"textarea[name='tinh_hinh']\")?.form", fill=answer)
        as_user(leader)
        b.go(threads)
        submit("document.querySelector(\"textarea[name='nhan_xet']\")?.form")
        if "Đã chấp nhận" not in b.text():
            problems.append(f"follow-up walk: the request is not shown as accepted: {b.text()[:300]}")
        b.shoot("28-giai-trinh-da-chap-nhan")
        deadline = time.time() + 30
        while time.time() < deadline and len([f for f in os.listdir(mail_dir) if f.endswith(".eml")]) < 4:
            time.sleep(0.5)
        mails = sorted(f for f in os.listdir(mail_dir) if f.endswith(".eml"))
        recipients = [open(os.path.join(mail_dir, f), encoding="utf-8").readline().split(":", 1)[1].strip() for f in mails]
        expected = [os.environ["CHECK_EDITOR_MAIL"], os.environ["CHECK_LEADER_MAIL"]] * 2
        if recipients != expected:
            problems.append(f"follow-up walk: the mail sink received {recipients}, expected {expected}")
finally:
    b.close()

shots = sorted(f for f in os.listdir(OUT) if f.endswith(".png"))
print(f"{len(shots)} screenshots in {OUT}")
if problems:
    print("Browser check FAILED:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print(f"Browser check passed: {len(pages)} pages at 1366×768 and 390×844, entry validation, import, picker.")

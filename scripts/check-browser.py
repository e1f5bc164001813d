#!/usr/bin/env python3
"""Loads every page of a running chitieu server in headless Chromium through chromedriver
(W3C WebDriver over plain HTTP, no extra Python packages), fails on any console error or
failed request, exercises the data-entry script, and saves screenshots.

    scripts/check-browser.py BASE_URL OUT_DIR
"""
import base64, json, os, re, socket, subprocess, sys, time, urllib.request

BASE, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
os.makedirs(OUT, exist_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORT = free_port()
driver = subprocess.Popen(["chromedriver", f"--port={PORT}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
WD = f"http://127.0.0.1:{PORT}"


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(WD + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{method} {path}: {error.read().decode()[:400]}")


for _ in range(100):
    try:
        call("GET", "/status")
        break
    except Exception:
        time.sleep(0.1)

chrome = os.environ.get("CHROMIUM", "/usr/bin/chromium")
session = call("POST", "/session", {"capabilities": {"alwaysMatch": {
    "browserName": "chrome",
    "goog:chromeOptions": {"binary": chrome, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN"]},
    "goog:loggingPrefs": {"browser": "ALL"},
}}})["sessionId"]
S = f"/session/{session}"
problems = []


def logs():
    return call("POST", S + "/se/log", {"type": "browser"})


def run(script, *args):
    return call("POST", S + "/execute/sync", {"script": script, "args": list(args)})


def size(width, height):
    call("POST", S + "/window/rect", {"width": width, "height": height})


def shoot(name):
    # the whole page: grow the window to the document's height first
    height = run("return Math.max(document.body.scrollHeight, 600)")
    rect = call("GET", S + "/window/rect")
    size(rect["width"], min(height + 140, 6000))
    with open(os.path.join(OUT, name + ".png"), "wb") as f:
        f.write(base64.b64decode(call("GET", S + "/screenshot")))
    size(rect["width"], rect["height"])


def check_page(name, path, must_contain):
    logs()  # drop what earlier pages left
    call("POST", S + "/url", {"url": BASE + path})
    state = run("return document.readyState")
    text = run("return document.body.innerText")
    title = run("return document.title")
    failed = run("""return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name)""")
    for entry in logs():
        if entry["level"] in ("SEVERE", "WARNING"):
            problems.append(f"{name}: console {entry['level']}: {entry['message']}")
    for url in failed or []:
        problems.append(f"{name}: failed request {url}")
    if state != "complete":
        problems.append(f"{name}: page did not finish loading ({state})")
    if must_contain not in text:
        problems.append(f"{name}: «{must_contain}» not on the page (title «{title}»)")
    assets = run("return [document.styleSheets.length, getComputedStyle(document.querySelector('header.top')).backgroundColor]")
    if assets[0] < 1 or assets[1] in ("rgba(0, 0, 0, 0)", "transparent"):
        problems.append(f"{name}: stylesheet not applied")
    overflow = run("return document.documentElement.scrollWidth - window.innerWidth")
    return overflow


health = json.load(urllib.request.urlopen(BASE + "/health"))
units = json.load(urllib.request.urlopen(BASE + "/api/v1/units"))["items"]
kong = next(u for u in units if u["name"] == "Kông Chro")["id"]
province = next(u for u in units if u["name"] == "Gia Lai" and u.get("valid_to"))["id"]
pages = [
    ("01-don-vi", "/", "Chọn đơn vị"),
    ("02-tong-quan", f"/don-vi/{kong}?nam=2024&thang=9", "70,76%"),
    ("03-chi-tieu", f"/don-vi/{kong}/chi-tieu/total_production_value?nam=2024&thang=9", "Cùng kỳ năm 2023"),
    ("04-nhap-so-lieu", f"/don-vi/{kong}/nhap-so-lieu?nam=2024&thang=9", "Lưu số liệu"),
    ("05-ke-hoach", f"/don-vi/{kong}/ke-hoach?nam=2024", "Chỉ tiêu nghị quyết"),
    ("06-so-sanh", f"/don-vi/{province}/so-sanh?nam=2024&thang=9&chi-tieu=total_production_value", "Hạng"),
    ("07-bao-cao", f"/don-vi/{kong}/bao-cao?nam=2024&thang=9", "Tải về"),
    ("08-nhap-van-ban", "/nhap-van-ban", "Đọc số liệu"),
    ("09-khong-co", "/khong-co-trang-nay", "Không tìm thấy"),
    ("10-dang-nhap", "/dang-nhap", "Mật khẩu"),
]
try:
    for width, height, suffix in ((1366, 768, ""), (390, 844, "-dien-thoai")):
        size(width, height)
        for name, path, text in pages:
            before = len(problems)
            overflow = check_page(name + suffix, path, text)
            if name == "09-khong-co":  # the 404 itself is the expected answer
                problems[before:] = [p for p in problems[before:] if "404" not in p]
            if overflow > 2:
                problems.append(f"{name}{suffix}: page wider than the window by {overflow}px")
            shoot(name + suffix)

    # The entry grid: a number typed the wrong way gets a message next to the cell, before saving.
    size(1366, 768)
    call("POST", S + "/url", {"url": BASE + f"/don-vi/{kong}/nhap-so-lieu?nam=2024&thang=9"})
    cell = call("POST", S + "/element", {"using": "css selector", "value": "input[name='gia_tri[total_production_value]']"})
    element = list(cell.values())[0]
    call("POST", S + f"/element/{element}/value", {"text": "4790.86"})
    message = run("return arguments[0].parentElement.querySelector('.field-error').textContent", cell)
    if "Dùng dấu phẩy" not in message:
        problems.append(f"entry grid: no inline message for 4790.86 (got «{message}»)")
    call("POST", S + f"/element/{element}/clear", {})
    call("POST", S + f"/element/{element}/value", {"text": "4.790,86"})
    message = run("return arguments[0].parentElement.querySelector('.field-error').textContent", cell)
    if message:
        problems.append(f"entry grid: 4.790,86 refused in the browser: «{message}»")
    shoot("13-nhap-so-lieu-kiem-tra")

    # Sign in (the demo is read-only without an account), then the import page: paste a
    # sentence, read it, see it marked.
    call("POST", S + "/url", {"url": BASE + "/dang-nhap"})
    for field, value in (("ten", os.environ.get("CHECK_USER", "")), ("mat_khau", os.environ.get("CHECK_PASSWORD", ""))):
        box = call("POST", S + "/element", {"using": "css selector", "value": f"input[name='{field}']"})
        call("POST", S + f"/element/{list(box.values())[0]}/value", {"text": value})
    button = call("POST", S + "/element", {"using": "css selector", "value": "form.sign-in button[type=submit]"})
    call("POST", S + f"/element/{list(button.values())[0]}/click", {})
    time.sleep(0.5)
    if "Đăng xuất" not in run("return document.body.innerText"):
        problems.append("sign-in: the account could not sign in")
    shoot("12-da-dang-nhap")
    # The audit trail, the account page and the users page need a sign-in.
    signed_in_pages = [
        ("11-lich-su", f"/don-vi/{kong}/lich-su?nam=2024&thang=9", "Lịch sử thay đổi"),
        ("15-tai-khoan", "/tai-khoan", "Đổi mật khẩu"),
        ("16-nguoi-dung", "/quan-tri/nguoi-dung", "Kết thúc mọi phiên"),
    ]
    for width, height, suffix in ((1366, 768, ""), (390, 844, "-dien-thoai")):
        size(width, height)
        for name, path, text in signed_in_pages:
            if check_page(name + suffix, path, text) > 2:
                problems.append(f"{name}{suffix}: page wider than the window")
            shoot(name + suffix)
    size(1366, 768)
    call("POST", S + "/url", {"url": BASE + "/nhap-van-ban"})
    area = call("POST", S + "/element", {"using": "css selector", "value": "textarea[name='van_ban']"})
    call("POST", S + f"/element/{list(area.values())[0]}/value", {"text":
        "Trong 9 tháng năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt 4.900 tỷ đồng, bằng 72,37% kế hoạch."})
    button = call("POST", S + "/element", {"using": "css selector", "value": "main form button[type=submit]"})
    call("POST", S + f"/element/{list(button.values())[0]}/click", {})
    time.sleep(0.5)
    marks = run("return document.querySelectorAll('mark').length")
    if marks < 1:
        problems.append("import: the pasted sentence was not marked")
    for entry in logs():
        if entry["level"] == "SEVERE":
            problems.append(f"import: console {entry['message']}")
    shoot("14-nhap-van-ban-doc")

    # The unit picker navigates without pressing the button.
    call("POST", S + "/url", {"url": BASE + f"/don-vi/{kong}?nam=2024&thang=9"})
    run("const s = document.querySelector('select[name=thang]'); s.value = '12'; s.dispatchEvent(new Event('change'));")
    time.sleep(0.5)
    url = call("GET", S + "/url")
    if "thang=12" not in url:
        problems.append(f"picker: choosing «Cả năm» did not navigate (at {url})")
finally:
    try:
        call("DELETE", S)
    finally:
        driver.terminate()

shots = sorted(f for f in os.listdir(OUT) if f.endswith(".png"))
print(f"{len(shots)} screenshots in {OUT}")
if problems:
    print("Browser check FAILED:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print(f"Browser check passed: {len(pages)} pages at 1366×768 and 390×844, entry validation, import, picker.")

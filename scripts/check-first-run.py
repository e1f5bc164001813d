#!/usr/bin/env python3
"""Walks the first run of a new office in headless Chromium, on a server whose database has
only `chitieu init` and one administrator: sign in → find the unit in the registry → its plan
page: two targets → the target-set page: the plan's title and numbers → the entry grid: two
results → the overview with its tally over the set. Fails on any
step that does not lead on, on console errors, overflowing or clipped text; saves screenshots
at laptop and phone widths.

    CHECK_USER=… CHECK_PASSWORD=… scripts/check-first-run.py BASE_URL OUT_DIR YEAR
"""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser

BASE, OUT, YEAR = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
SET_TITLE = f"Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm {YEAR}"
b = Browser(BASE, OUT)
problems = b.problems


def both_widths(name, path, text):
    for width, height, suffix in ((1366, 768, ""), (390, 844, "-dien-thoai")):
        b.size(width, height)
        b.check_page(name + suffix, path, text)
        b.shoot(name + suffix)
    b.size(1366, 768)


def submit(css="main form button[type=submit]"):
    b.click(css)


try:
    b.size(1366, 768)
    b.go("/")
    if "/dang-nhap" not in b.url():
        problems.append(f"first run: / did not lead to the sign-in page (at {b.url()})")
    b.shoot("20-lan-dau-dang-nhap")
    b.sign_in(os.environ["CHECK_USER"], os.environ["CHECK_PASSWORD"])
    both_widths("21-lan-dau-trang-chu", "/", "Bắt đầu bằng cách tìm đơn vị")

    # Find the commune in the registry, as a clerk would type it: without diacritics.
    b.go("/")
    b.type("form.find input[name=q]", "kong chro")
    submit("form.find button[type=submit]")
    b.check_loaded("22-tim-don-vi", "Xã Kông Chro")
    b.shoot("22-tim-don-vi")
    rows = b.run("return [...document.querySelectorAll('table.units tbody tr')].map(r => r.innerText)")
    target = next((i for i, r in enumerate(rows) if r.startswith("Xã Kông Chro") and "từ 1/7/2025" in r), None)
    if target is None:
        raise SystemExit(f"first run: xã Kông Chro of 2025 not among the results: {rows}")
    b.click(f"table.units tbody tr:nth-child({target + 1}) a[href*='ke-hoach']")
    plan_url = b.url()
    unit = re.search(r"/don-vi/(\d+)/ke-hoach", plan_url)
    if not unit:
        raise SystemExit(f"first run: the result's plan link led to {plan_url}")
    unit = unit.group(1)

    # Two targets of the annual plan, one at a time as the form takes them.
    for code, value in (("total_production_value", "1.250"), ("budget_revenue", "12,5")):
        b.click(f"select[name='moi[chi_tieu]'] option[value='{code}']", navigates=False)
        b.type("input[name='moi[gia_tri]']", value)
        submit("main form button[type=submit]")
        if "Đã lưu" not in b.text():
            problems.append(f"plan: saving {code} = {value} showed no confirmation: {b.text()[:300]}")
    b.check_loaded("23-ke-hoach-dau-tien", "Tổng giá trị sản xuất")
    b.shoot("23-ke-hoach-dau-tien")

    # The plan's targets as the numbered set of its document.
    b.click("a[href*='bo-chi-tieu']")
    if "/bo-chi-tieu" not in b.url():
        problems.append(f"plan: the target-set link led to {b.url()}")
    b.type("input[name=ten]", SET_TITLE, clear=True)
    submit("main form button[type=submit]")
    if "Đã lưu bộ chỉ tiêu" not in b.text():
        problems.append(f"target set: saving showed no confirmation: {b.text()[:300]}")
    both_widths("23b-bo-chi-tieu", f"/don-vi/{unit}/bo-chi-tieu?nam={YEAR}", SET_TITLE)

    # The first results, nine months.
    b.go(f"/don-vi/{unit}/nhap-so-lieu?nam={YEAR}&thang=9")
    b.type("input[name='gia_tri[total_production_value]']", "905,3")
    b.type("input[name='gia_tri[budget_revenue]']", "10,1")
    submit("main form button[type=submit]")
    if "Đã lưu" not in b.text():
        problems.append(f"entry: the first results were not saved: {b.text()[:300]}")
    b.shoot("24-so-lieu-dau-tien")

    both_widths("25-tong-quan-dau-tien", f"/don-vi/{unit}?nam={YEAR}&thang=9", f"Trong tổng 2 chỉ tiêu của {SET_TITLE}")
    b.go("/")
    if "Xã Kông Chro" not in b.text():
        problems.append("home: the unit just started on is not listed")
    b.shoot("26-trang-chu-sau")
finally:
    b.close()

if problems:
    print("First-run check FAILED:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print("First-run check passed: sign-in, registry search, two targets, their target set, two results, overview with the set's tally, at 1366 and 390 px.")

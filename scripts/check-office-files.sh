#!/usr/bin/env bash
# Writes the demo report of Kông Chro (9 months of 2024) as XLSX and DOCX with the CLI and
# opens both with openpyxl and Python's zip/XML readers (scripts/check-office-files.py); then
# reads what other programs wrote: workbooks (openpyxl), a Word report (python-docx), a PDF
# (headless Chromium), through `chitieu import` and `chitieu extract`.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet openpyxl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product chitieu >/dev/null
bin=$(swift build --show-bin-path)/chitieu
"$bin" demo --db "$work/demo.sqlite" >/dev/null
"$bin" report --db "$work/demo.sqlite" --unit "Kông Chro" --year 2024 --to-month 9 --format xlsx --out "$work/bao-cao.xlsx"
"$bin" report --db "$work/demo.sqlite" --unit "Kông Chro" --year 2024 --to-month 9 --format docx --out "$work/bao-cao.docx"
python3 scripts/check-office-files.py "$work/bao-cao.xlsx" "$work/bao-cao.docx"

# Files other programs wrote, read by chitieu: an office's workbook (openpyxl), a Word report
# (python-docx) and the same report printed to PDF by headless Chromium.
python3 -c "import docx" 2>/dev/null || python3 -m pip install --quiet python-docx
mkdir -p "$work/in"
python3 scripts/make-office-workbooks.py "$work/in" 1000
python3 scripts/make-office-documents.py "$work/in"
"$bin" import "$work/in/bieu-9-thang.xlsx" --db "$work/demo.sqlite" >"$work/import.log"
grep -q "cột E: Ước thực hiện 9 tháng → ước thực hiện 9 tháng năm 2024" "$work/import.log" \
  || { echo "workbook import: the column reading is missing:"; cat "$work/import.log"; exit 1; }
grep -q "^Đã ghi" "$work/import.log" || { echo "workbook import: nothing stored:"; cat "$work/import.log"; exit 1; }
"$bin" export --db "$work/demo.sqlite" --unit "huyện Kông Chro" --format json | python3 -c '
import json, sys
rows = json.load(sys.stdin)["observations"]
hit = [o for o in rows if o["indicator"] == "total_production_value" and o["value"] == 4812.5]
assert hit and hit[0]["source"] == "bieu-9-thang.xlsx", hit
print("bieu-9-thang.xlsx (openpyxl): stored 4.812,5 tỷ đồng for 9 months of 2024, source kept")'
if "$bin" import "$work/in/bieu-cong-thuc.xlsx" --db "$work/demo.sqlite" >/dev/null 2>"$work/err.log"; then
  echo "workbook import: a formula without its value was accepted"; exit 1
fi
grep -q "ô E9: công thức =D9\*0.71 chưa có kết quả lưu" "$work/err.log" || { cat "$work/err.log"; exit 1; }
echo "bieu-cong-thuc.xlsx: refused, naming cell E9"
"$bin" import "$work/bao-cao.xlsx" --db "$work/demo.sqlite" --dry-run | tail -1
check_report() {
  python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
found = {o["indicator"]: o for o in d["observations"]}
production = found.get("Tổng giá trị sản xuất")
assert production and production["value"] == 4812.5 and production["percent_of_plan"] == 71.08, found
assert d["period"] == {"year": 2024, "from_month": 1, "to_month": 9}, d["period"]
if sys.argv[1] == "docx":
    retail = found.get("Tổng mức bán lẻ hàng hóa")
    assert retail and retail["value"] == 622 and retail["percent_of_plan"] == 73.18, found
print(sys.argv[2] + ": " + ", ".join(k + " " + str(v["value"]) for k, v in found.items()))' "$1" "$2"
}
"$bin" extract "$work/in/bao-cao-9-thang.docx" | check_report docx "bao-cao-9-thang.docx (python-docx)"
if command -v chromium >/dev/null 2>&1; then
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/in/bao-cao-9-thang.pdf" "file://$work/in/bao-cao-9-thang.html" >/dev/null 2>&1
  "$bin" extract "$work/in/bao-cao-9-thang.pdf" | check_report pdf "bao-cao-9-thang.pdf (Chromium)"
else
  echo "SKIPPED: the PDF report (chromium not installed)"
fi

# Files LibreOffice wrote (the second program): a «biểu» saved as .xlsx and as an Excel 97–2003
# .xls (which chitieu reads through LibreOffice), the report saved as .docx and .doc; and a
# workbook saved with a password (msoffcrypto-tool encrypts as Excel does), refused.
if command -v soffice >/dev/null 2>&1; then
  lo() { (cd "$work/in" && timeout 180 soffice --headless "$@" >/dev/null 2>&1); }
  lo --infilter="HTML (StarCalc)" --convert-to xlsx --outdir lo bieu-6-thang.html
  lo --convert-to xls --outdir lo lo/bieu-6-thang.xlsx
  lo --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" --outdir lo bao-cao-9-thang.html
  lo --convert-to doc --outdir lo lo/bao-cao-9-thang.docx
  "$bin" import "$work/in/lo/bieu-6-thang.xlsx" --db "$work/demo.sqlite" --dry-run >"$work/import.log"
  grep -q "tiêu đề cột ở dòng 4–5" "$work/import.log" && grep -q "Tệp hợp lệ: 2 dòng kế hoạch, 2 dòng kết quả" "$work/import.log" \
    || { echo "LibreOffice workbook:"; cat "$work/import.log"; exit 1; }
  echo "bieu-6-thang.xlsx (LibreOffice): two-row header read, 2 plans and 2 results"
  "$bin" import "$work/in/lo/bieu-6-thang.xls" --db "$work/demo.sqlite" >"$work/import.log"
  "$bin" export --db "$work/demo.sqlite" --unit "huyện Kông Chro" --format json | python3 -c '
import json, sys
rows = json.load(sys.stdin)["observations"]
hit = [o for o in rows if o["indicator"] == "total_production_value" and o["value"] == 3120.4]
assert hit and hit[0]["source"] == "bieu-6-thang.xls" and hit[0]["period"]["to_month"] == 6, hit
print("bieu-6-thang.xls (LibreOffice, Excel 97–2003): converted, stored 3.120,4 tỷ đồng for 6 months")'
  "$bin" extract "$work/in/lo/bao-cao-9-thang.docx" | check_report pdf "bao-cao-9-thang.docx (LibreOffice from HTML)"
  "$bin" extract "$work/in/lo/bao-cao-9-thang.doc" | check_report pdf "bao-cao-9-thang.doc (LibreOffice, Word 97–2003)"
  python3 -c "import msoffcrypto" 2>/dev/null || python3 -m pip install --quiet msoffcrypto-tool
  python3 -c '
import sys
from msoffcrypto.format.ooxml import OOXMLFile
with open(sys.argv[1], "rb") as plain, open(sys.argv[2], "wb") as out:
    OOXMLFile(plain).encrypt("1234", out)' "$work/in/bieu-9-thang.xlsx" "$work/in/mat-khau.xlsx"
  if "$bin" import "$work/in/mat-khau.xlsx" --db "$work/demo.sqlite" 2>"$work/err.log"; then
    echo "a workbook with a password was accepted"; exit 1
  fi
  grep -q "đã đặt mật khẩu" "$work/err.log" || { cat "$work/err.log"; exit 1; }
  echo "mat-khau.xlsx (password): refused, saying so"
else
  echo "SKIPPED: files written by LibreOffice (not installed)"
fi

# The workbook printed as an office prints it: LibreOffice turns it into PDF; one A4 landscape
# page for the demo's targets, and each row's figures on its line (no column on another page).
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  (cd "$work" && timeout 180 soffice --headless --convert-to pdf bao-cao.xlsx >/dev/null 2>&1)
  pages=$(pdfinfo "$work/bao-cao.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" = "1" ] || { echo "printed workbook: $pages pages, expected 1"; exit 1; }
  pdftotext -layout "$work/bao-cao.pdf" - | grep "Tổng giá trị sản xuất" | head -1 | grep -q "4.790,86.*70,76%" \
    || { echo "printed workbook: the production row is not on one line:"; pdftotext -layout "$work/bao-cao.pdf" - | head -20; exit 1; }
  pdftotext -layout "$work/bao-cao.pdf" - | grep -q "THỦ TRƯỞNG ĐƠN VỊ" || { echo "printed workbook: no signature block"; exit 1; }
  echo "bao-cao.xlsx printed by LibreOffice: 1 page, A4 landscape, each row on its line, signature block"
  (cd "$work" && timeout 180 soffice --headless --convert-to pdf bao-cao.docx >/dev/null 2>&1)
  pages=$(pdfinfo "$work/bao-cao.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" -ge 2 ] || { echo "printed report: $pages pages, expected the body and the appendix"; exit 1; }
  first=$(pdftotext -f 1 -l 1 -layout "$work/bao-cao.pdf" -)
  echo "$first" | grep -q "Số .*-BC/HU" || { echo "printed report: no number and symbol on page 1"; exit 1; }
  echo "$first" | grep -q "PHỤ LỤC" && { echo "printed report: the appendix is not on its own page"; exit 1; }
  second=$(pdftotext -f 2 -l "$pages" -layout "$work/bao-cao.pdf" - | sed -n '/PHỤ LỤC/,$p')
  echo "$second" | grep "Tổng giá trị sản xuất" | head -1 | grep -q "4.790,86.*70,76" \
    || { echo "printed report: the appendix's production row is not on one line:"; echo "$second" | head; exit 1; }
  echo "bao-cao.docx printed by LibreOffice: $pages pages, number and symbol on the first, the appendix table on its own page"
else
  echo "SKIPPED: printing the workbook (LibreOffice or poppler-utils not installed)"
fi

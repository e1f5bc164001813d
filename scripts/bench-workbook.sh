#!/usr/bin/env bash
# Reading benchmark, run by hand (not by .ci/run): a workbook of ROWS result rows written by
# openpyxl (scripts/make-office-workbooks.py), read and checked by `chitieu import --dry-run`
# (release build: unzip, XML, every row validated against the registry and catalogue, nothing
# stored), against openpyxl reading the same file in read-only mode, in the same run. Prints
# seconds, rows/s and peak memory of both.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
swift build -c release --static-swift-stdlib --product chitieu 2>&1 | tail -1
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/chitieu"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/make-office-workbooks.py "$work" "$rows"
"$bin" demo --db "$work/demo.sqlite" >/dev/null
echo "workbook: $rows rows, $(($(stat -c %s "$work/bang-lon.xlsx") / 1024)) KiB"
measure() {
  local label="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r seconds kilobytes <"$work/time"
  python3 -c "print(f'$label: {$seconds:.2f} s, {$rows / max($seconds, 0.01):,.0f} rows/s, peak {$kilobytes / 1024:.0f} MiB')"
}
measure "chitieu import --dry-run" "$bin" import "$work/bang-lon.xlsx" --db "$work/demo.sqlite" --dry-run
measure "openpyxl read-only" python3 -c "
import openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(sum(1 for _ in book.active.iter_rows(values_only=True)))" "$work/bang-lon.xlsx"

# A workbook of about 50 MB (600.000 rows of random figures, 6,6 million cells): past the
# reader's cell limit, it must be refused quickly and in bounded memory, nothing stored.
python3 - "$work/so-50mb.xlsx" <<'PY'
import random, sys
import openpyxl
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Lớn")
sheet.append(["Loại", "Đơn vị", "Chỉ tiêu", "Năm", "Từ tháng", "Đến tháng", "Giá trị"] + [f"Cột {i}" for i in range(4)])
rng = random.Random(7)
for n in range(600000):
    sheet.append(["kết quả", "huyện Kông Chro", "retail_sales", 2024, 1, 12] + [rng.random() * 1e6 for _ in range(5)])
book.save(sys.argv[1])
PY
echo "workbook: $(($(stat -c %s "$work/so-50mb.xlsx") / 1024 / 1024)) MiB"
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" import "$work/so-50mb.xlsx" --db "$work/demo.sqlite" --dry-run >"$work/out" 2>&1 \
  && { echo "the 50 MB workbook was not refused"; exit 1; }
# time's first line says the command failed, as it must; the figures are on the last
read -r seconds kilobytes < <(tail -1 "$work/time")
echo "chitieu import of the 50 MB workbook: refused in $seconds s, peak $((kilobytes / 1024)) MiB: $(head -c 300 "$work/out")"

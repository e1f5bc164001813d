#!/usr/bin/env bash
# Writes the demo report of Kông Chro (9 months of 2024) as XLSX and DOCX with the CLI and
# opens both with openpyxl and Python's zip/XML readers (scripts/check-office-files.py).
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

#!/usr/bin/env bash
# Import benchmark, run by hand (not by .ci/run): the 131.040-row results table of
# scripts/check-kill-import.sh, stored by `chitieu import` (release build: every row checked
# against the registry and catalogue, versions, audit, one transaction) into a demo database,
# against `sqlite3 .import` of the same CSV into a bare table, in the same run. Prints seconds,
# rows/s and peak memory of both; then the same on PostgreSQL when it is installed (the demo
# database there, against psql's \copy of the CSV into a bare table). The import reads and writes
# the file 5.000 rows at a time; LONG=1 also imports a table 3,6 times as long (468.000 rows),
# to compare peak memory. Usage: bench-import.sh [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product chitieu 2>&1 | tail -1
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/chitieu"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/make-results-table.py "$work/big.csv" >/dev/null
rows=$(($(wc -l <"$work/big.csv") - 1))
"$bin" demo --db "$work/demo.sqlite" >/dev/null
measure() {
  local label="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r seconds kilobytes < <(tail -1 "$work/time")
  python3 -c "print(f'$label: {$seconds:.2f} s, {$rows / max($seconds, 0.01):,.0f} rows/s, peak {$kilobytes / 1024:.0f} MiB')"
}
echo "$rows rows, $(($(stat -c %s "$work/big.csv") / 1024)) KiB of CSV"
measure "chitieu import ${1:-}" "$bin" import "$work/big.csv" --db "$work/demo.sqlite" ${1:-}
measure "sqlite3 .import" sqlite3 "$work/bare.sqlite" ".mode csv" ".import $work/big.csv results"
if [ -n "${LONG:-}" ]; then
  short=$rows
  rows=$(python3 scripts/make-results-table.py "$work/long.csv" 1900)
  "$bin" demo --db "$work/long.sqlite" >/dev/null
  measure "chitieu import, $rows rows ${1:-}" "$bin" import "$work/long.csv" --db "$work/long.sqlite" ${1:-}
  measure "sqlite3 .import, $rows rows" sqlite3 "$work/bare-long.sqlite" ".mode csv" ".import $work/long.csv results"
  rows=$short
fi

if [ -z "${SKIP_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export work bin rows
  scripts/with-postgres.sh bash -c '
    set -euo pipefail
    source <(sed -n "/^measure()/,/^}/p" scripts/bench-import.sh)
    url="$CHITIEU_TEST_POSTGRES_URL"
    DATABASE_URL="$url" "$bin" demo >/dev/null
    DATABASE_URL="$url" measure "chitieu import on PostgreSQL ${1:-}" "$bin" import "$work/big.csv" ${1:-}
    psql "$url" -qc "CREATE TABLE bare_results (kind TEXT, unit TEXT, indicator TEXT, year TEXT, from_month TEXT, to_month TEXT, value TEXT)"
    measure "psql \\copy" psql "$url" -qc "\\copy bare_results FROM $work/big.csv WITH (FORMAT csv, HEADER true)"
  ' bench "${1:-}"
fi

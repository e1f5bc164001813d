#!/usr/bin/env bash
# National-scale benchmark, by hand (not in CI; 10–20 minutes): `chitieu demo --national` fills
# a new database with the registry's 3.321 communes, their plans and monthly results for 40
# indicators and the legacy communes' 2024 results (release build), on SQLite and, when
# PostgreSQL is installed, on PostgreSQL. In the same run the same rows, as CSV, are loaded by
# `sqlite3 .import` and by PostgreSQL's COPY. Then the release server answers, cold (first
# request of a freshly started server, one unit after another) and warm (the same request
# again): the overview of one commune, of the largest province (its figures rolled up from all
# its communes) and the compare page across that province. Prints p50/p99 and the database size.
# Usage: bash scripts/bench-national.sh [years] (default 3); SKIP_POSTGRES=1 for SQLite only.
set -euo pipefail
cd "$(dirname "$0")/.."
years="${1:-3}"
swift build -c release --static-swift-stdlib --product chitieu 2>&1 | tail -1
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/chitieu"
work="$(mktemp -d)"
chmod 755 "$work"
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

timed() { # label command…: prints seconds and peak memory
  local label="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r seconds kilobytes < <(tail -1 "$work/time")
  echo "$label: $seconds s, peak $((kilobytes / 1024)) MiB"
}

serve() { # starts the server on whatever DATABASE_URL / --db says; sets $port and $server
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$bin" serve "$@" --public-read --log-level warning --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$work/server.log"
  exit 1
}

measure_requests() { # label, then the server arguments
  local label="$1"
  shift
  python3 scripts/bench-national-requests.py "$label" "$work/units.json" "$work/cold" --cold-start-only
  for round in 1 2 3 4 5; do
    serve "$@"
    python3 scripts/bench-national-requests.py "$label" "$work/units.json" "$work/cold" --cold "$port"
    kill $server && wait $server 2>/dev/null || true
  done
  serve "$@"
  python3 scripts/bench-national-requests.py "$label" "$work/units.json" "$work/cold" --warm "$port"
  kill $server && wait $server 2>/dev/null || true
  server=""
}

echo "== SQLite"
db="$work/national.sqlite"
timed "chitieu demo --national --years $years" "$bin" demo --national --years "$years" --db "$db"
tail -2 "$work/out"
rows=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM observations) + (SELECT COUNT(*) FROM targets)")
sqlite3 -csv "$db" "SELECT * FROM observations" >"$work/observations.csv"
sqlite3 -csv "$db" "SELECT * FROM targets" >"$work/targets.csv"
sqlite3 "$db" ".schema observations" ".schema targets" >"$work/schema.sql"
sqlite3 "$work/bare.sqlite" <"$work/schema.sql"
timed "sqlite3 .import of the same $rows rows (same tables and indexes)" \
  sqlite3 "$work/bare.sqlite" "PRAGMA foreign_keys=OFF" ".mode csv" ".import $work/observations.csv observations" \
  ".import $work/targets.csv targets"
echo "database size: $(($(stat -c %s "$db") / 1048576)) MiB for $rows rows; CSV $(($(cat "$work"/*.csv | wc -c) / 1048576)) MiB"
export NATIONAL_DB="$db"
python3 scripts/bench-national-requests.py units "$db" "$work/units.json"
measure_requests "SQLite" --db "$db"

if [ -z "${SKIP_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== PostgreSQL"
  export work bin years
  scripts/with-postgres.sh bash -c '
    set -euo pipefail
    source <(sed -n "/^timed()/,/^}/p; /^serve()/,/^}/p; /^measure_requests()/,/^}/p" scripts/bench-national.sh)
    url="$CHITIEU_TEST_POSTGRES_URL"
    DATABASE_URL="$url" timed "chitieu demo --national --years $years" "$bin" demo --national --years "$years"
    tail -2 "$work/out"
    psql "$url" -qc "CREATE TABLE copy_observations (LIKE observations INCLUDING ALL)" \
      -c "CREATE TABLE copy_targets (LIKE targets INCLUDING ALL)"
    timed "COPY of the same rows (same columns, indexes and constraints but foreign keys)" psql "$url" -q \
      -c "\\copy copy_observations FROM $work/observations.csv WITH (FORMAT csv)" \
      -c "\\copy copy_targets FROM $work/targets.csv WITH (FORMAT csv)"
    # the store keeps its foreign keys while loading: the same COPY with them, to see their cost
    psql "$url" -qc "CREATE TABLE fk_observations (LIKE observations INCLUDING ALL)" \
      -c "CREATE TABLE fk_targets (LIKE targets INCLUDING ALL)" \
      -c "ALTER TABLE fk_observations ADD FOREIGN KEY (unit_id) REFERENCES units(id), ADD FOREIGN KEY (indicator_code) REFERENCES indicators(code)" \
      -c "ALTER TABLE fk_targets ADD FOREIGN KEY (unit_id) REFERENCES units(id), ADD FOREIGN KEY (indicator_code) REFERENCES indicators(code)"
    timed "COPY of the same rows with the foreign keys too" psql "$url" -q \
      -c "\\copy fk_observations FROM $work/observations.csv WITH (FORMAT csv)" \
      -c "\\copy fk_targets FROM $work/targets.csv WITH (FORMAT csv)"
    psql "$url" -qc "DROP TABLE copy_observations, copy_targets, fk_observations, fk_targets"
    psql "$url" -Atc "SELECT pg_size_pretty(pg_total_relation_size('"'"'observations'"'"') + pg_total_relation_size('"'"'targets'"'"')) || '"'"' for observations and targets; whole database '"'"' || pg_size_pretty(pg_database_size(current_database()))"
    DATABASE_URL="$url" measure_requests "PostgreSQL"
    server=""
  '
fi

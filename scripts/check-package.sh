#!/usr/bin/env bash
# The README's «Triển khai» path, as far as a container can walk it:
#  1. scripts/package.sh builds the tarball; its size is printed.
#  2. It is unpacked into a clean directory and run with a minimal environment (no toolchain
#     on PATH, LD_LIBRARY_PATH unset): --version, init, demo, serve and a page; `ldd` must show
#     only system libraries. Time from unpacking to the first page is printed.
#  3. systemd-analyze verify on the shipped units (CI has no running systemd).
#  4. install.sh into DESTDIR; the service is started the way its unit says (ExecStartPre,
#     ExecStart, the env file) on a database as the previous schema left it, with a release's
#     rows: the migrations run once, the rows are kept (counts printed), a second start applies
#     nothing; a database of a newer release is refused with a clear message.
#  5. nginx from Debian's packages with a self-signed certificate, the shipped site in front of
#     the service: scripts/check-package.py signs in over HTTPS and checks the cookie, the
#     per-address limit, security headers and the upload limit.
#  6. The backup script makes dated copies and keeps the newest N; under with-postgres.sh also
#     its pg_dump branch.
# Prints the figures; exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAILED: $*"
  [ -f "$work/service.log" ] && { echo "service log (last lines):"; tail -5 "$work/service.log"; }
  exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL PID LOG
  for _ in $(seq 1 150); do
    kill -0 "$2" 2>/dev/null || { cat "$3"; fail "the server exited"; }
    curl -fsk "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  cat "$3"; fail "no answer from $1"
}

# 1. The tarball.
tarball="$(scripts/package.sh "$work/dist" 2>"$work/package.log" | tail -1)" || { tail -30 "$work/package.log"; fail "package.sh"; }
[ -f "$tarball" ] || fail "package.sh made no tarball"
echo "tarball: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB"

# 2. A machine without Swift: a minimal environment and a clean directory.
clean=(env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8)
mkdir -p "$work/home" "$work/unpacked"
"${clean[@]}" sh -c 'command -v swift' >/dev/null 2>&1 && fail "swift is on the minimal PATH"
started=$(date +%s.%N)
tar -C "$work/unpacked" -xzf "$tarball"
dir="$(echo "$work"/unpacked/chitieu-*)"
bin="$dir/bin/chitieu"
"${clean[@]}" "$bin" --version | grep -Eq '^chitieu [0-9]+\.[0-9]+\.[0-9]+ \(lược đồ cơ sở dữ liệu [0-9]+\)$' \
  || fail "--version: $("${clean[@]}" "$bin" --version)"
"${clean[@]}" "$bin" init --db "$work/clean.sqlite" >/dev/null
"${clean[@]}" "$bin" demo --db "$work/clean.sqlite" >/dev/null
port="$(free_port)"
(cd "$work/home" && exec "${clean[@]}" "$bin" serve --db "$work/clean.sqlite" --demo --port "$port" \
  >"$work/clean.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$port/health" "${pids[-1]}" "$work/clean.log"
first="$(curl -fs "http://127.0.0.1:$port/")"
[[ "$first" == *'lang="vi"'* ]] || fail "the first page is not chitieu's"
first_page=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
echo "unpack to first page: ${first_page} s (unpack, init, demo, serve)"
server_pid="${pids[-1]}"
echo "service memory idle after one page: $(($(ps -o rss= -p "$server_pid") / 1024)) MiB RSS"
if command -v wrk >/dev/null 2>&1; then
  unit=$("${clean[@]}" "$bin" units --db "$work/clean.sqlite" --search 630 --json \
    | python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin) if u["code"]=="630"))')
  load="$(wrk -t2 -c16 -d10s "http://127.0.0.1:$port/don-vi/$unit" | grep -E 'Requests/sec|Latency|Non-2xx' | xargs)"
  echo "load (wrk, 16 connections, 10 s, a district's overview): $load"
  echo "service memory after the load: $(($(ps -o rss= -p "$server_pid") / 1024)) MiB RSS"
  [[ "$load" == *Non-2xx* ]] && fail "the load got errors: $load"
elif [ "${CI:-}" = "true" ]; then
  fail "wrk is not installed (CI=true: a check that cannot run fails)"
else
  echo "SKIPPED: memory under load (wrk not installed)"
fi
kill "${pids[-1]}"
grep -q 'status=200' "$work/clean.log" || fail "no request line in the log: $(cat "$work/clean.log")"
# Resources are read beside the binary, not from this checkout's .build/ (SwiftPM's fallback,
# absent on a real server): a copy whose bundles say something else must say it.
cp -R "$dir" "$work/probe"
sed -i 's/"version": "2025.2"/"version": "thu-goi-1"/' "$work/probe/bin/chitieu_ChiTieuStore.resources/catalogue.json"
probe="$("${clean[@]}" "$work/probe/bin/chitieu" init --db "$work/probe.sqlite")"
[[ "$probe" == *'phiên bản thu-goi-1'* ]] || fail "the binary did not read the catalogue beside it: $probe"
rm -rf "$work/probe"
libraries="$(ldd "$bin")"
echo "$libraries" | grep -q 'not found' && fail "ldd: missing library: $libraries"
foreign="$(echo "$libraries" | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -Ev '^/(usr/)?lib(64)?/' || true)"
[ -z "$foreign" ] || fail "ldd: libraries outside the system's: $foreign"
echo "$libraries" | grep -qi swift && fail "ldd: a Swift library is linked dynamically: $libraries"
echo "ldd: $(echo "$libraries" | awk '{print $1}' | xargs | sed 's/ /, /g')"

# 3. The units, as systemd would read them, with the paths of this unpacked copy.
mkdir -p "$work/units"
for unit in "$dir"/systemd/*; do
  sed -e "s#/opt/chitieu#$dir#g" "$unit" >"$work/units/$(basename "$unit")"
done
# Anything it prints (an unknown key, a command that is not there) is a fault, even at exit 0.
faults="$(systemd-analyze verify "$work"/units/* 2>&1)" || fail "systemd-analyze verify: $faults"
[ -z "$faults" ] || fail "systemd-analyze verify: $faults"
echo "systemd-analyze verify: no faults in $(ls "$work/units" | xargs)"

# 4. Installed with install.sh; started the way the unit says, on an older database.
dest="$work/root"
state="$work/state"
mkdir -p "$state"
DESTDIR="$dest" "$dir/install.sh" >/dev/null
ibin="$dest/opt/chitieu/bin/chitieu"
for file in opt/chitieu/bin/chitieu etc/chitieu/chitieu.env etc/systemd/system/chitieu.service \
  etc/systemd/system/chitieu-backup.timer opt/chitieu/share/chitieu-backup usr/local/bin/chitieu-admin; do
  [ -e "$dest/$file" ] || [ -L "$dest/$file" ] || fail "install.sh did not install /$file"
done
sed -i "s#/var/lib/chitieu#$state#g" "$dest/etc/chitieu/chitieu.env"
# What systemd would give the service: nothing but the unit's and the env file's variables.
mapfile -t settings < <(grep -E '^[A-Z_]+=' "$dest/etc/chitieu/chitieu.env")
service_env=("${clean[@]}" "${settings[@]}")
unit_line() { sed -n "s/^$1=//p" "$dest/etc/systemd/system/chitieu.service" | sed "s#/opt/chitieu#$dest/opt/chitieu#g"; }
read -r -a start_pre <<<"$(unit_line ExecStartPre)"
read -r -a start_main <<<"$(unit_line ExecStart)"
app_port="$(free_port)"
for i in "${!start_main[@]}"; do [ "${start_main[$i]}" = "8080" ] && start_main[$i]="$app_port"; done
schema=$("$ibin" --version | sed -E 's/.*dữ liệu ([0-9]+)\)$/\1/')
"${service_env[@]}" "$ibin" migrate --create-older $((schema - 1)) >/dev/null
python3 - "$state/chitieu.sqlite" <<'PY'
# Rows as the previous release wrote them: an own unit, an own indicator, a plan, a result.
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO units (kind, name, name_key, folded_key) VALUES ('xã', 'Ia Thử', 'ia thử', 'ia thu')")
db.execute("""INSERT INTO indicators (code, name, measure_unit, kind, direction, field, frequency, position)
              VALUES ('rieng_nuoc_sach', 'Số hộ dùng nước sạch', 'hộ', 'level', 'higher', 'van_hoa_xa_hoi', 'yearly', 900)""")
db.execute("""INSERT INTO targets (unit_id, indicator_code, is_annual, first_year, last_year, measure, comparator,
              value, issuer, issuer_key, updated_at) VALUES (1, 'rieng_nuoc_sach', 1, 2025, 2025, 'value', '>=', 1200,
              'HĐND xã', 'hđnd xã', '2025-01-05T00:00:00Z')""")
db.execute("""INSERT INTO observations (unit_id, indicator_code, year, from_month, to_month, version, value,
              estimated, recorded_at) VALUES (1, 'rieng_nuoc_sach', 2025, 1, 9, 1, 1130, 0, '2025-10-01T00:00:00Z')""")
db.commit()
PY
count_rows() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
counts = {
    "units named Ia Thử": "SELECT count(*) FROM units WHERE name = 'Ia Thử'",
    "own indicators": "SELECT count(*) FROM indicators WHERE code = 'rieng_nuoc_sach'",
    "targets": "SELECT count(*) FROM targets",
    "results": "SELECT count(*) FROM observations",
    "schema steps": "SELECT count(*) FROM schema_migrations",
    "last step applied at": "SELECT max(applied_at) FROM schema_migrations",
}
print(", ".join(f"{label} {db.execute(sql).fetchone()[0]}" for label, sql in counts.items()))
PY
}
before="$(count_rows "$state/chitieu.sqlite")"
(cd "$state" && "${service_env[@]}" "${start_pre[@]}") >"$work/start1.log" 2>&1 || { cat "$work/start1.log"; fail "first start"; }
grep -q "các bước: $schema)" "$work/start1.log" || fail "the first start did not upgrade: $(cat "$work/start1.log")"
after="$(count_rows "$state/chitieu.sqlite")"
# The newer tarball installed over the older one: the settings stay, the start applies nothing new.
DESTDIR="$dest" "$dir/install.sh" >/dev/null
grep -q "$state" "$dest/etc/chitieu/chitieu.env" || fail "reinstalling replaced the settings"
(cd "$state" && "${service_env[@]}" "${start_pre[@]}") >"$work/start2.log" 2>&1 || { cat "$work/start2.log"; fail "second start"; }
grep -q "các bước" "$work/start2.log" && fail "the second start upgraded again: $(cat "$work/start2.log")"
again="$(count_rows "$state/chitieu.sqlite")"
echo "upgrade from schema $((schema - 1)): before: $before"
echo "                        after: $after"
[ "${before%%, targets*}" = "${after%%, targets*}" ] && [ "$(echo "$before" | grep -o 'targets [0-9]*, results [0-9]*')" = \
  "$(echo "$after" | grep -o 'targets [0-9]*, results [0-9]*')" ] || fail "the upgrade lost rows"
[ "$after" = "$again" ] || fail "a second start changed the database: $again"
cp "$state/chitieu.sqlite" "$work/newer.sqlite"
python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute(\"INSERT INTO schema_migrations VALUES (999, 'later', '2030-01-01T00:00:00Z')\"); d.commit()" "$work/newer.sqlite"
if "${clean[@]}" CHITIEU_DB="$work/newer.sqlite" "${start_pre[@]}" >"$work/newer.log" 2>&1; then fail "a newer database was opened"; fi
grep -q "mới hơn phiên bản $schema" "$work/newer.log" || fail "downgrade message: $(cat "$work/newer.log")"
echo "downgrade refused: $(grep -o 'Cơ sở dữ liệu ở phiên bản.*' "$work/newer.log")"
echo 'mat-khau-quan-tri-1' | "${service_env[@]}" "$ibin" user add quantri --role admin --password-stdin >/dev/null
(cd "$state" && exec "${service_env[@]}" "${start_main[@]}" >"$work/service.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/health" "${pids[-1]}" "$work/service.log"

# 5. nginx in front, with the shipped site.
tls="$work/tls"
ngx="$work/nginx"
mkdir -p "$tls" "$ngx"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$tls/privkey.pem" \
  -out "$tls/fullchain.pem" >/dev/null 2>&1
http_port="$(free_port)"
https_port="$(free_port)"
sed -e '/listen \[::\]/d' -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" -e "s#/etc/ssl/chitieu#$tls#g" \
  -e "s#127.0.0.1:8080#127.0.0.1:$app_port#" -e "s#/opt/chitieu#$dest/opt/chitieu#g" \
  "$dest/opt/chitieu/share/nginx-chitieu.conf" >"$ngx/site.conf"
grep -q "$https_port" "$ngx/site.conf" && grep -q "$app_port" "$ngx/site.conf" || fail "the nginx site changed shape"
# As root nginx would hand requests to "nobody", who cannot write this directory.
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat >"$ngx/nginx.conf" <<NGINX
$user_line
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log $ngx/access.log;
  client_body_temp_path $ngx/body;
  proxy_temp_path $ngx/proxy;
  fastcgi_temp_path $ngx/fastcgi;
  uwsgi_temp_path $ngx/uwsgi;
  scgi_temp_path $ngx/scgi;
  include $ngx/site.conf;
}
NGINX
nginx -t -p "$ngx" -c "$ngx/nginx.conf" >"$ngx/test.log" 2>&1 || { cat "$ngx/test.log"; fail "nginx -t"; }
nginx -p "$ngx" -c "$ngx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_for "https://127.0.0.1:$https_port/health" "${pids[-1]}" "$ngx/error.log"
python3 scripts/check-package.py "$https_port" "$http_port" quantri 'mat-khau-quan-tri-1' || fail "HTTPS checks"
grep -q 'mat-khau-quan-tri-1' "$work/service.log" "$ngx/access.log" && fail "a password reached a log"
grep -q 'client=127.0.0.3' "$work/service.log" || fail "the log has no forwarded client address"
echo "service log: $(wc -l <"$work/service.log") lines, e.g. $(grep 'status=' "$work/service.log" | tail -1)"

# 6. Backups: dated copies while the service runs, the newest N kept.
backups="$work/backups"
mkdir -p "$backups"
for day in 01 02 03; do echo old >"$backups/chitieu-2020-01-$day-000000.sqlite"; done
echo keep >"$backups/truoc-nang-cap.sqlite"
"${service_env[@]}" CHITIEU_BIN="$ibin" CHITIEU_BACKUP_DIR="$backups" CHITIEU_BACKUP_KEEP=2 \
  "$dest/opt/chitieu/share/chitieu-backup" >"$work/backup.log"
left="$(ls "$backups" | xargs)"
newest="$(ls "$backups" | grep -v 2020 | grep -v truoc)"
[ "$(ls "$backups" | wc -l)" -eq 3 ] && [[ "$left" == *"chitieu-2020-01-03-000000.sqlite"* ]] \
  && [[ "$left" == *truoc-nang-cap.sqlite* ]] || fail "backup rotation left: $left"
python3 -c "import sqlite3,sys; n=sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM observations\").fetchone()[0]; assert n==1, n" \
  "$backups/$newest" || fail "the backup does not hold the results"
echo "backup: $(head -1 "$work/backup.log") Kept: $left"
# The PostgreSQL branch, when run under scripts/with-postgres.sh: pg_dump's custom format.
if [ -n "${CHITIEU_TEST_POSTGRES_URL:-}" ]; then
  "${clean[@]}" DATABASE_URL="$CHITIEU_TEST_POSTGRES_URL" "$ibin" init >/dev/null
  mkdir -p "$work/pg-backups"
  "${clean[@]}" DATABASE_URL="$CHITIEU_TEST_POSTGRES_URL" CHITIEU_BACKUP_DIR="$work/pg-backups" CHITIEU_BACKUP_KEEP=1 \
    "$dest/opt/chitieu/share/chitieu-backup" >"$work/pg-backup.log" || fail "PostgreSQL backup: $(cat "$work/pg-backup.log")"
  dump="$(ls "$work"/pg-backups/chitieu-*.dump)"
  listing="$(pg_restore --list "$dump")"
  [[ "$listing" == *"TABLE public observations"* ]] || fail "the dump has no results table"
  echo "PostgreSQL backup: $(basename "$dump"), $(du -k "$dump" | cut -f1) KiB, pg_restore --list reads it"
else
  echo "SKIPPED: the backup script's PostgreSQL branch (run under scripts/with-postgres.sh for it)"
fi
echo "package check passed"

#!/usr/bin/env bash
# Load benchmark on loopback, by hand (not in CI): the demo server (release build, fresh SQLite
# file) and, in the same run, nginx serving the same bytes as a file, both under wrk for a
# bounded time. Prints requests/s and latency percentiles for the overview JSON as an anonymous
# reader and as a signed-in one, for the overview page, and for the uncached tally.
# Goal (issue 11): at least half of nginx's requests/s and p99 under 10 ms, anonymous and
# signed-in. Needs the Debian packages wrk and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64}"
for tool in wrk nginx; do command -v $tool >/dev/null || { echo "$tool not installed (apt-get install $tool)"; exit 2; }; done
swift build -c release --static-swift-stdlib --product chitieu >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/chitieu"
work="$(mktemp -d)"
chmod 755 "$work"
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.sqlite" >/dev/null
echo 'mat-khau-nguoi-doc-1' | "$bin" user add nguoidoc --role viewer --unit "huyện Kông Chro" --password-stdin \
  --db "$work/demo.sqlite" >/dev/null
source scripts/demo-server.bash
start_demo_server
base="http://127.0.0.1:$port"
unit=$(curl -fs "$base/api/v1/units" | python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin)["items"] if u["name"]=="Kông Chro" and u.get("code")=="630"))')
jar="$work/cookies"
curl -fs -c "$jar" -o /dev/null "$base/dang-nhap"
csrf=$(awk '$6=="chitieu_csrf"{print $7}' "$jar")
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "ten=nguoidoc" \
  --data-urlencode "mat_khau=mat-khau-nguoi-doc-1" "$base/dang-nhap"
session=$(awk '$6=="chitieu_phien"{print $7}' "$jar")
[ -n "$session" ] || { echo "could not sign in"; exit 1; }

# nginx on the same bytes, as a static file
json="/api/v1/units/$unit/overview?year=2024&to_month=9"
mkdir -p "$work/www" "$work/nginx"
curl -fs "$base$json" >"$work/www/overview.json"
nginx_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { root $work/www; default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5

echo "machine: $(nproc) cores; wrk -t2 -c$connections -d$duration; server: release build, SQLite demo data"
echo "overview JSON: $(wc -c <"$work/www/overview.json") bytes"
run() {
  local label=$1 url=$2; shift 2
  echo
  echo "== $label"
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" |
    grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in"
}
curl -fs -o /dev/null "$base$json"
run "nginx, the same bytes as a file" "http://127.0.0.1:$nginx_port/overview.json"
run "chitieu, overview JSON, anonymous reader" "$base$json"
run "chitieu, overview JSON, signed-in reader" "$base$json" -H "Cookie: chitieu_phien=$session"
run "chitieu, overview page, anonymous reader" "$base/don-vi/$unit?nam=2024&thang=9"
# the tally is computed afresh on every request: it shows what the cache saves
run "chitieu, tally (not cached)" "$base/api/v1/units/$unit/tally?year=2024&to_month=9"
echo
echo "server RSS after the run: $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"

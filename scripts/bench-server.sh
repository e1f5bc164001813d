#!/usr/bin/env bash
# Load benchmark: the demo server (release build, fresh SQLite file) on loopback, wrk for a
# bounded time against the overview page and its JSON. Prints requests/s and latency
# percentiles. Goal on a 2-core machine: overview JSON >= 5,000 req/s, p99 < 20 ms at 64
# connections. Needs the Debian package wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64}"
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install wrk)"; exit 2; }
swift build -c release --product chitieu >/dev/null
bin="$(swift build -c release --show-bin-path)/chitieu"
work="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/demo-server.bash
start_demo_server
unit=$(curl -fs "http://127.0.0.1:$port/api/v1/units" | python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin)["items"] if u["name"]=="Kông Chro"))')
echo "machine: $(nproc) cores; wrk -t2 -c$connections -d$duration; server: release build, SQLite demo data"
# the tally is computed afresh on every request: it shows what the cache saves
for path in "/api/v1/units/$unit/overview?year=2024&to_month=9" "/don-vi/$unit?nam=2024&thang=9" \
  "/api/v1/units/$unit/tally?year=2024&to_month=9"; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path"
  echo
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path" |
    grep -E "Requests/sec|Transfer/sec|50%|75%|90%|99%|Non-2xx|Socket errors|requests in"
done
echo
echo "server RSS after the run: $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"

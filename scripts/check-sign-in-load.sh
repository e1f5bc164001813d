#!/usr/bin/env bash
# A burst of 200 parallel wrong passwords for one name against `chitieu serve` on loopback:
# at most 5 reach the password check (401), every other one is refused at once (429), none
# fails (5xx), and a signed-in reader reading a unit's page meanwhile keeps p99 under 100 ms
# (the page stays cached: signing in changes nothing it shows).
# Prints the figures; exits non-zero when a goal is missed. Under CI (CI=true, a debug build on a
# shared 2-core machine) the reader's bound is 500 ms: before the fix it waited 5,6 s. The
# counts must hold on every run; a p99 over the bound (the reader shares the CI machine with the
# 200 guessing threads) is measured once more on a fresh server and database before it fails,
# and both figures are printed. The reader runs in its own process on one kept-alive connection:
# in the guessers' process, a connection per page, it waited for Python's GIL behind 200
# threads, and CI measured that wait (p99 0,7 s while the server's log had 3 ms) instead of the
# server.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product chitieu >/dev/null
bin="$(swift build --show-bin-path)/chitieu"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.sqlite" >/dev/null
echo 'mat-khau-quan-tri-1' | "$bin" user add quantri --role admin --password-stdin --db "$work/demo.sqlite" >/dev/null
echo 'mat-khau-nguoi-doc-1' | "$bin" user add nguoidoc --role viewer --unit "huyện Kông Chro" --password-stdin \
  --db "$work/demo.sqlite" >/dev/null
unit=$("$bin" units --db "$work/demo.sqlite" --search 630 --json | python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin) if u["code"]=="630"))')
"$bin" backup "$work/fresh.sqlite" --db "$work/demo.sqlite" >/dev/null
source scripts/demo-server.bash
cat >"$work/load.py" <<'PY'
import http.client, http.cookiejar, multiprocessing, sys, threading, time, urllib.error, urllib.parse, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
bound = 500 if sys.argv[2] == "true" else 100

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def browser():
    jar = http.cookiejar.CookieJar()
    return jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

def csrf(jar, opener):
    opener.open(base + "/dang-nhap").read()
    return next(c.value for c in jar if c.name == "chitieu_csrf")

def sign_in(opener, token, name, password):
    body = urllib.parse.urlencode({"_csrf": token, "ten": name, "mat_khau": password}).encode()
    try:
        return opener.open(base + "/dang-nhap", data=body).status
    except urllib.error.HTTPError as e:
        return e.code

def read_meanwhile(ready, done, results):
    # One kept-alive connection, as a browser reads: a new connection per page measured the
    # machine's scheduling of 200 guessing threads' connects as much as the server.
    jar, reader = browser()
    status = sign_in(reader, csrf(jar, reader), "nguoidoc", "mat-khau-nguoi-doc-1")
    assert status == 303, f"the reader could not sign in: {status}"
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    page = "/don-vi/" + sys.argv[3] + "?nam=2024&thang=9"
    connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
    def read():
        connection.request("GET", page, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, f"the reader's page answered {response.status}"
    read()
    ready.set()
    latencies = []
    while not done.is_set():
        start = time.perf_counter()
        read()
        latencies.append((time.perf_counter() - start) * 1000)
    results.put(latencies)

ready, done, results = multiprocessing.Event(), multiprocessing.Event(), multiprocessing.Queue()
watcher = multiprocessing.Process(target=read_meanwhile, args=(ready, done, results))
watcher.start()
if not ready.wait(30):
    sys.exit("the reader could not read the unit page within 30 s")

ajar, attacker = browser()
token = csrf(ajar, attacker)
statuses = []
lock = threading.Lock()
def guess(n):
    s = sign_in(attacker, token, "quantri", f"doan-sai-{n}")
    with lock:
        statuses.append(s)

started = time.perf_counter()
threads = [threading.Thread(target=guess, args=(n,)) for n in range(200)]
for t in threads: t.start()
for t in threads: t.join()
burst = time.perf_counter() - started
time.sleep(0.5)
done.set()
latencies = results.get(timeout=30)
watcher.join()

latencies.sort()
p50 = latencies[len(latencies) // 2]
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
checked = statuses.count(401)
refused = statuses.count(429)
failed = [s for s in statuses if s >= 500]
print(f"200 wrong passwords in {burst:.2f} s: {checked} checked (401), {refused} refused at once (429), "
      f"{len(failed)} server errors")
print(f"signed-in reader meanwhile: {len(latencies)} pages, p50 {p50:.1f} ms, p99 {p99:.1f} ms")
print("slowest reader pages (ms):", ", ".join(str(round(x)) for x in latencies[-5:]))
ok = checked <= 5 and refused + checked == 200 and not failed and p99 < bound
print(f"reader p99 bound: {bound} ms")
counts_ok = checked <= 5 and refused + checked == 200 and not failed
print("sign-in load check:", "passed" if ok else "FAILED" if not counts_ok else "reader p99 over the bound")
sys.exit(0 if ok else 1 if not counts_ok else 3)
PY
for attempt in 1 2; do
  rm -f "$work"/demo.sqlite*
  cp "$work/fresh.sqlite" "$work/demo.sqlite"
  start_demo_server
  rc=0
  timeout 180 python3 "$work/load.py" "$port" "${CI:-}" "$unit" || rc=$?
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
  if [ "$rc" -eq 3 ] && [ "$attempt" -eq 1 ]; then
    echo "measuring once more on a fresh server and database"
    continue
  fi
  [ "$rc" -eq 3 ] && echo "sign-in load check: FAILED (reader p99 over the bound twice)"
  exit "$rc"
done

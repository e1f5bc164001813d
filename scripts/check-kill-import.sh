#!/usr/bin/env bash
# A `kill -9` in the middle of a large import leaves no partial import behind.
#  1. chitieu import of a CSV with ~150,000 results, killed at several moments;
#  2. chitieu serve killed while it stores a large text posted to /api/v1/imports.
# After every kill the database opens, passes PRAGMA integrity_check, and holds either all of
# the import or none of it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product chitieu >/dev/null
bin="$(swift build --show-bin-path)/chitieu"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill -9 $server 2>/dev/null; rm -rf "$work"' EXIT
db="$work/demo.sqlite"
"$bin" demo --db "$db" >/dev/null

count() { python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed"
print(c.execute("SELECT COUNT(*) FROM observations").fetchone()[0], c.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])
PY
}

rows=$(python3 scripts/make-results-table.py "$work/big.csv")
echo "$rows rows in the CSV"
before="$(count)"
echo "before: observations, audit rows = $before"
# First, on a copy, the import uninterrupted: it must succeed and store every row (else the kills
# below would interrupt an import that fails anyway), and its duration places the kills.
cp "$db" "$work/copy.sqlite"
start=$(date +%s.%N)
"$bin" import "$work/big.csv" --db "$work/copy.sqlite" >"$work/import.log" 2>&1 \
  || { echo "FAILED: the import itself fails:"; head -c 600 "$work/import.log"; exit 1; }
took=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
stored=$(python3 -c "import sqlite3; print(sqlite3.connect('$work/copy.sqlite').execute('SELECT COUNT(*) FROM observations').fetchone()[0])")
[ $(( stored - ${before%% *} )) = "$rows" ] || { echo "FAILED: the uninterrupted import stored $stored rows"; exit 1; }
echo "uninterrupted import: $rows rows in $took s"
# kills at 10%, 35%, 60%, 85% and 97% of that time: the parse, the checks, the write transaction;
# each on the database as it was before (an import that committed would make the next one's rows
# all unchanged, and so none stored)
cp "$db" "$work/base.sqlite"
for fraction in 0.10 0.35 0.60 0.85 0.97; do
  delay=$(python3 -c "print(round($took * $fraction, 2))")
  cp "$work/base.sqlite" "$db"
  rm -f "$db-wal" "$db-shm"
  "$bin" import "$work/big.csv" --db "$db" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    after="$(count)"
    echo "chitieu import killed after ${delay}s: $after"
    if [ "$after" != "$before" ]; then
      # killed after its commit (while closing): then all of it must be there
      added=$(( ${after%% *} - ${before%% *} ))
      [ "$added" = "$rows" ] || { echo "FAILED: a killed import left $added of $rows rows behind"; exit 1; }
      echo "  (it had committed whole: $added rows)"
    fi
  else
    # It ended before the kill: it must have succeeded and stored all of it.
    wait "$pid" || { echo "FAILED: the import ended with an error before the kill"; exit 1; }
    after="$(count)"
    added=$(( ${after%% *} - ${before%% *} ))
    [ "$added" = "$rows" ] || { echo "FAILED: a finished import stored $added of $rows rows"; exit 1; }
    echo "chitieu import finished within ${delay}s: $after (all $added rows stored)"
  fi
done

# The server, killed while it reads and stores a large posted text, on a fresh demo database.
db="$work/server.sqlite"
"$bin" demo --db "$db" >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
echo "pw-kiem-tra-dai" | "$bin" user add kiemtra --role admin --password-stdin --db "$db" >/dev/null
python3 - "$work/text.json" <<'PY'
import json, sys
sentence = ("Trong 6 tháng đầu năm 2024, huyện Kông Chro có tổng giá trị sản xuất ước đạt {v}.{w:03d},5 tỷ đồng, "
            "bằng 51,2% kế hoạch, tăng 4,1% so với cùng kỳ. Thu ngân sách nhà nước trên địa bàn đạt {u},7 tỷ đồng. ")
text = "".join(sentence.format(v=1 + i % 9, w=i % 1000, u=10 + i % 50) for i in range(30000))
text = text.encode()[: 5 * 1000 * 1000].decode(errors="ignore")  # just under the 5 MB the server takes
json.dump({"text": text, "document": "văn bản lớn"}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
# the extraction takes most of the ~15 s (debug build); the later kills come near the save
for delay in 1 7 13 14; do
  "$bin" serve --db "$db" --port "$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  jar="$work/cookies"
  rm -f "$jar"
  curl -s -c "$jar" -o /dev/null "http://127.0.0.1:$port/dang-nhap"
  csrf=$(awk '$6=="chitieu_csrf"{print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "ten=kiemtra" \
    --data-urlencode "mat_khau=pw-kiem-tra-dai" "http://127.0.0.1:$port/dang-nhap"
  session=$(awk '$6=="chitieu_phien"{print $7}' "$jar")
  # the database keeps only the SHA-256 of the session token
  token=$(python3 -c "import hashlib,sqlite3; d=hashlib.sha256(b'$session').hexdigest(); print(sqlite3.connect('$db').execute('SELECT csrf_token FROM sessions WHERE token=?',(d,)).fetchone()[0])")
  [ -n "$session" ] && [ -n "$token" ] || { echo "FAILED: could not sign in to the server"; exit 1; }
  before="$(count)"
  curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $token" -H "Content-Type: application/json" \
    --data-binary @"$work/text.json" "http://127.0.0.1:$port/api/v1/imports" &
  request=$!
  sleep "$delay"
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  server=""
  wait "$request" 2>/dev/null || true
  after="$(count)"
  echo "chitieu serve killed ${delay}s into a 5 MB import: before $before, after $after"
  case "$after" in
    "$before") ;;
    *) python3 - "$db" "$before" "$after" <<'PY'
import sqlite3, sys
db, before, after = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
c = sqlite3.connect(db)
latest = c.execute("SELECT COUNT(*) FROM observations WHERE source_document = 'văn bản lớn'").fetchone()[0]
# the import stores one figure per indicator and period: all of them or none
assert latest in (0, 2), f"partial import: {latest} rows from the document"
print(f"  the import had committed whole ({latest} results from the document)")
PY
    ;;
  esac
done
# The same request, not interrupted, is accepted and stored: the kills above hit real work.
"$bin" serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
start=$(date +%s.%N)
status=$(curl -s -o "$work/answer.json" -w "%{http_code}" -b "$jar" -H "X-CSRF-Token: $token" \
  -H "Content-Type: application/json" --data-binary @"$work/text.json" "http://127.0.0.1:$port/api/v1/imports")
echo "uninterrupted 5 MB import: HTTP $status in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s, now $(count)"
case "$status" in 200 | 201) ;; *) false ;; esac || { echo "FAILED: the import itself is refused"; head -c 400 "$work/answer.json"; exit 1; }
# A 200 with nothing stored would pass the kills above for nothing: the figures must be there.
python3 - "$db" "$work/answer.json" <<'PY' || exit 1
import json, sqlite3, sys
stored = sqlite3.connect(sys.argv[1]).execute(
    "SELECT COUNT(*) FROM observations WHERE source_document = 'văn bản lớn'").fetchone()[0]
answer = json.load(open(sys.argv[2]))
if stored == 0 or not answer.get("stored"):
    print(f"FAILED: the uninterrupted import answered but stored {stored} results: {str(answer)[:300]}")
    sys.exit(1)
print(f"  stored {stored} results from the document")
PY
echo "kill -9 check passed: no partial import after any kill."

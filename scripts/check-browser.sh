#!/usr/bin/env bash
# Starts the demo server on a fresh SQLite file and a free loopback port, loads every page in
# headless Chromium (scripts/check-browser.py) and stops the server. Screenshots go to
# ${1:-out/screenshots}. Needs the Debian packages chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/screenshots}"
command -v chromedriver >/dev/null || { echo "chromedriver not installed (apt-get install chromium chromium-driver)"; exit 2; }
swift build --product chitieu >/dev/null
bin="$(swift build --show-bin-path)/chitieu"
work="$(mktemp -d)"
export CHECK_USER=kiemtra CHECK_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
"$bin" demo --db "$work/demo.sqlite" >/dev/null
echo "$CHECK_PASSWORD" | "$bin" user add "$CHECK_USER" --role admin --password-stdin --db "$work/demo.sqlite" >/dev/null
export CHECK_EDITOR=nhaplieu CHECK_EDITOR_MAIL=nhaplieu@kongchro.gialai.gov.vn
echo "$CHECK_PASSWORD" | "$bin" user add "$CHECK_EDITOR" --role editor --unit "huyện Kông Chro" --password-stdin \
  --email "$CHECK_EDITOR_MAIL" --db "$work/demo.sqlite" >/dev/null
# An office's workbook, written by another program (openpyxl), for the workbook import walk.
mkdir -p "$work/wb" && python3 scripts/make-office-workbooks.py "$work/wb" 10 && export CHECK_WORKBOOK="$work/wb/bieu-9-thang.xlsx"
# A Word report with an appended table (python-docx, from PyPI), for the text import walk.
if python3 -c "import docx" 2>/dev/null; then
  python3 scripts/make-office-documents.py "$work/wb" && export CHECK_REPORT="$work/wb/bao-cao-9-thang.docx"
fi
server=""
sink=""
trap 'kill $server $sink 2>/dev/null || true; wait $server $sink 2>/dev/null || true; rm -rf "$work"' EXIT
# The follow-up walk's mails go to a real SMTP server on loopback (aiosmtpd, from PyPI).
if python3 -c "import aiosmtpd" 2>/dev/null; then
  export CHECK_LEADER=lanhdao CHECK_LEADER_MAIL=lanhdao@gialai.gov.vn CHECK_MAIL_DIR="$work/mail"
  echo "$CHECK_PASSWORD" | "$bin" user add "$CHECK_LEADER" --role viewer --unit 64 --password-stdin \
    --email "$CHECK_LEADER_MAIL" --db "$work/demo.sqlite" >/dev/null
  python3 scripts/mail-sink.py "$CHECK_MAIL_DIR" >"$work/sink.out" &
  sink=$!
  for _ in $(seq 1 50); do grep -q READY "$work/sink.out" 2>/dev/null && break; sleep 0.2; done
  export CHITIEU_SMTP_URL="smtp://127.0.0.1:$(cut -d' ' -f2 "$work/sink.out")" CHITIEU_MAIL_INTERVAL=1
else
  echo "SKIPPED: the follow-up walk with mail (python3 has no aiosmtpd: pip install aiosmtpd)"
  [ "${CI:-}" = "true" ] && { echo "FAILED: CI=true needs aiosmtpd"; exit 1; }
fi
source scripts/demo-server.bash
start_demo_server
python3 scripts/check-browser.py "http://127.0.0.1:$port" "$out"
unset CHITIEU_SMTP_URL

# The first run of a new office: a database with only `init` and one administrator.
kill $server 2>/dev/null || true; wait $server 2>/dev/null || true
"$bin" init --db "$work/new.sqlite" >/dev/null
echo "$CHECK_PASSWORD" | "$bin" user add "$CHECK_USER" --role admin --password-stdin --db "$work/new.sqlite" >/dev/null
start_server "$work/new.sqlite"
python3 scripts/check-first-run.py "http://127.0.0.1:$port" "$out" "$(date -u -d "+7 hours" +%Y)"

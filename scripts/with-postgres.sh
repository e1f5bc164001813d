#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on loopback (Debian's postgresql
# package), then stops it and removes its files. The command sees
#   CHITIEU_TEST_POSTGRES_URL=postgres://chitieu@127.0.0.1:PORT/chitieu?sslmode=disable
# Usage: scripts/with-postgres.sh swift test
set -euo pipefail
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server not installed (apt-get install postgresql)"; exit 2; }
data="$(mktemp -d /tmp/chitieu-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
  chown postgres "$data"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
"${as_owner[@]}" "$bindir/initdb" -D "$data/db" -U chitieu --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A port found free may be taken before the server binds it: then try another (up to five).
started=false
for _attempt in 1 2 3 4 5; do
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  if "${as_owner[@]}" "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" start >/dev/null; then
    started=true
    break
  fi
done
$started || { echo "PostgreSQL did not start:"; cat "$data/server.log"; exit 1; }
"${as_owner[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U chitieu chitieu
export CHITIEU_TEST_POSTGRES_URL="postgres://chitieu@127.0.0.1:$port/chitieu?sslmode=disable"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"

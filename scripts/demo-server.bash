# Sourced by the check scripts: starts `chitieu serve` on a free loopback port and waits until
# it answers /health. Needs $bin and $work; sets $port and $server; the caller's EXIT trap
# should kill $server.
start_server() {
  local db="$1"
  shift
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$bin" serve --db "$db" --port "$port" "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the server did not start:"; cat "$work/server.log"; return 1
}

# The demo on $work/demo.sqlite.
start_demo_server() {
  start_server "$work/demo.sqlite" --demo "$@"
}

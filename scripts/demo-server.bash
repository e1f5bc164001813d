# Sourced by the check scripts: starts `chitieu serve` on a free loopback port and waits until
# it answers /health. Needs $bin and $work; sets $port and $server; the caller's EXIT trap
# should kill $server. A port found free can be taken by another program before the server
# binds it: then the server exits, and another port is tried (up to five). An answer counts
# only while our server is still running, so another program on the port is never mistaken
# for it.
start_server() {
  local db="$1"
  shift
  for _attempt in 1 2 3 4 5; do
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    "$bin" serve --db "$db" --port "$port" "$@" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
      kill -0 "$server" 2>/dev/null || break
      if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && kill -0 "$server" 2>/dev/null; then
        return 0
      fi
      sleep 0.2
    done
    if kill -0 "$server" 2>/dev/null; then break; fi
    echo "port $port was taken before the server could bind it; trying another"
  done
  echo "the server did not start:"; cat "$work/server.log"; return 1
}

# The demo on $work/demo.sqlite.
start_demo_server() {
  start_server "$work/demo.sqlite" --demo "$@"
}

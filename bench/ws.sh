#!/usr/bin/env bash
#
# WebSocket against TCP on one build (issue 16's figures): F1 with every member on IRCv3 WebSocket
# against F1 over plain TCP, runs interleaved tcp, ws, ws, tcp, tcp, ws..., each daemon freshly
# started with the benchmark settings of compare.sh (one event loop, flood control off, no
# auto-join); then scenario C with N idle WebSocket users (and N TCP users, interleaved) for the
# daemon's resident memory. Prints every run, the medians and the WS/TCP ratio.
#
# Usage: bench/ws.sh HOME [--reps 3] [--duration 10] [--idle 5000] [--hold 10] [--conf shipped|bench]
#   HOME             an unpacked release (its bin/chat-server.sh and bin/chat-bench.sh are used)
#   --reps 0         skips the F1 runs
#   --idle 0         skips the idle-connection runs
#   --conf shipped   HOME's own conf/chat-server.properties, only ports, flood and limits changed
#   --jfr DIR        also records a JFR profile of every daemon into DIR
# Ports: BENCH_PORT_BASE (default 16821) for IRC, the next one for HTTP/WebSocket.
# Every process started here is ended by its pid on exit.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
HOME_DIR="$(cd "$1" && pwd -P)"
shift
REPS=3
DURATION=10
IDLE=5000
HOLD=10
CONF=bench
JFR=""
while (($#)); do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --hold) HOLD="$2"; shift 2 ;;
    --conf) CONF="$2"; shift 2 ;;
    --jfr) JFR="$(mkdir -p "$2" && cd "$2" && pwd -P)"; shift 2 ;;
    *) echo "ws.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$REPS" =~ ^[0-9]+$ && "$REPS" -le 20 ]] || { echo "ws.sh: --reps must be 0-20" >&2; exit 2; }
[[ "$IDLE" =~ ^[0-9]+$ ]] || { echo "ws.sh: --idle must be a number" >&2; exit 2; }
PORT="${BENCH_PORT_BASE:-16821}"
HTTP_PORT=$((PORT + 1))
TMP="$(mktemp -d /tmp/chat-ws.XXXXXX)"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

write_conf() { # file
  if [[ "$CONF" == shipped ]]; then
    grep -v '^\(port\|bind\|http\.port\|http\.bind\|flood\.\|limits\.exempt\|admin\.enabled\)=' \
      "$HOME_DIR/conf/chat-server.properties" >"$1" || true
  else
    printf 'worker.threads=1\nroom.default.autojoin=false\n' >"$1"
  fi
  printf 'bind=127.0.0.1\nport=%s\nhttp.port=%s\nadmin.enabled=false\nmotd.file=%s/none\nmax.clients=20000\nmax.unregistered=20000\n' \
    "$PORT" "$HTTP_PORT" "$TMP" >>"$1"
  printf 'data.dir=%s/run/data\n' "$TMP" >>"$1"
  printf 'flood.rate=0\nflood.exempt=127.0.0.1\nlimits.exempt=127.0.0.1\n' >>"$1"
}

field() { # name json
  grep -o "\"$1\":[0-9.-]*" <<<"$2" | head -n 1 | cut -d: -f2
}

run_one() { # transport scenario label [extra chat-bench options...]
  local transport="$1" scenario="$2" label="$3" dir="$TMP/run" json port jfr_opts=""
  shift 3
  rm -rf "$dir" && mkdir -p "$dir"
  write_conf "$dir/chat-server.properties"
  [[ -n "$JFR" ]] && jfr_opts="-XX:StartFlightRecording=settings=profile,filename=$JFR/$label-$(date -u +%H%M%S).jfr"
  CHAT_CONF="$dir/chat-server.properties" CHAT_LOG_DIR="$dir/logs" CHAT_RUN_DIR="$dir/run" \
    JAVA_OPTS="$jfr_opts" "$HOME_DIR/bin/chat-server.sh" run >"$dir/out.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do # 30 s at most
    ss -Hltn "sport = :$HTTP_PORT" 2>/dev/null | grep -q . && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/out.log" >&2; exit 1; }
    sleep 0.1
  done
  port="$PORT"
  [[ "$transport" == ws ]] && port="$HTTP_PORT"
  json="$("$HOME_DIR/bin/chat-bench.sh" --transport "$transport" --port "$port" --scenario "$scenario" \
    --server-pid "$SERVER_PID" --json --quiet "$@" 2>>"$TMP/bench.err" || true)"
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  local d p99 cpu rss ready ok
  d="$(field deliveries_per_s "$json")"
  p99="$(field latency_p99_ms "$json")"
  cpu="$(field server_cpu_cores "$json")"
  rss="$(field server_rss_mb "$json")"
  ready="$(field ready "$json")"
  ok="$(grep -o '"ok":[a-z]*' <<<"$json" | cut -d: -f2)"
  printf '%-7s %s load=%s deliveries/s=%s p99_ms=%s server_cpu=%s rss_mb=%s ready=%s ok=%s\n' "$label" \
    "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1 /proc/loadavg)" "${d:-?}" "${p99:-?}" "${cpu:-?}" "${rss:-?}" \
    "${ready:-?}" "${ok:-?}"
  [[ "$ok" == true ]] || printf '        first error: %s\n' "$(grep -o '"first_error":"[^"]*"' <<<"$json" | cut -d: -f2- || echo none)"
  printf '%s %s %s\n' "$label" "${d:-0}" "${rss:-0}" >>"$TMP/all"
}

median() { # label column
  awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$TMP/all" | sort -n | awk \
    '{v[NR]=$1} END {if (NR == 0) {print 0; exit} m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; print m}'
}

echo "ws.sh: $HOME_DIR, conf $CONF, F1 ${DURATION}s x $REPS per transport, C $IDLE idle for ${HOLD}s; $(nproc) cores"
for rep in $(seq 1 "$REPS"); do
  if ((rep % 2)); then order="tcp ws"; else order="ws tcp"; fi
  for t in $order; do run_one "$t" F1 "F1-$t" --duration "$DURATION"; done
done
if ((REPS > 0)); then
  tcp="$(median F1-tcp 2)"
  ws="$(median F1-ws 2)"
  awk -v t="$tcp" -v w="$ws" -v n="$REPS" 'BEGIN {printf "F1 median deliveries/s: tcp %.0f, ws %.0f (n=%d each): ws/tcp = %.2f\n", t, w, n, (t > 0 ? w / t : 0)}'
fi
if ((IDLE > 0)); then
  for t in ws tcp; do run_one "$t" C "C-$t" --connections "$IDLE" --duration "$HOLD"; done
  echo "C: $IDLE idle users, daemon RSS: ws $(median C-ws 3) MB, tcp $(median C-tcp 3) MB"
fi

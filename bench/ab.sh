#!/usr/bin/env bash
#
# A/B: one chat-bench scenario against two builds of Chatroom (two unpacked release folders),
# runs interleaved A, B, B, A, A, B..., each daemon freshly started with the benchmark settings of
# compare.sh (one event loop, flood control off, no auto-join). Prints every run and the medians.
# The generator is A's bin/chat-bench.sh for both, so only the daemon differs.
#
# Usage: bench/ab.sh A_HOME B_HOME [--scenario F1] [--reps 3] [--duration 10] [--conf shipped|bench]
#   --conf shipped   use each build's own conf/chat-server.properties, only port, flood and
#                    limits changed (the shipped-defaults measurement of issue 18)
# Port: BENCH_PORT_BASE (default 16811). Every process started here is ended by pid on exit.
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
A="$(cd "$1" && pwd -P)"
B="$(cd "$2" && pwd -P)"
shift 2
SCENARIO=F1
REPS=3
DURATION=10
CONF=bench
while (($#)); do
  case "$1" in
    --scenario) SCENARIO="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conf) CONF="$2"; shift 2 ;;
    *) echo "ab.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$REPS" =~ ^[1-9][0-9]*$ && "$REPS" -le 20 ]] || { echo "ab.sh: --reps must be 1-20" >&2; exit 2; }
PORT="${BENCH_PORT_BASE:-16811}"
TMP="$(mktemp -d /tmp/chat-ab.XXXXXX)"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -KILL "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

write_conf() { # home file
  if [[ "$CONF" == shipped ]]; then
    grep -v '^\(port\|bind\|flood\.\|limits\.exempt\|admin\.enabled\)=' "$1/conf/chat-server.properties" >"$2" || true
  else
    printf 'worker.threads=1\nroom.default.autojoin=false\n' >"$2"
  fi
  printf 'bind=127.0.0.1\nport=%s\nadmin.enabled=false\nmotd.file=%s/none\nmax.clients=20000\n' "$PORT" "$TMP" >>"$2"
  printf 'flood.rate=0\nflood.exempt=127.0.0.1\nlimits.exempt=127.0.0.1\n' >>"$2"
}

run_one() { # label home
  local label="$1" home="$2" dir="$TMP/$1" json
  rm -rf "$dir" && mkdir -p "$dir"
  write_conf "$home" "$dir/chat-server.properties"
  CHAT_CONF="$dir/chat-server.properties" CHAT_LOG_DIR="$dir/logs" CHAT_RUN_DIR="$dir/run" \
    "$home/bin/chat-server.sh" run >"$dir/out.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do # 30 s at most
    ss -Hltn "sport = :$PORT" 2>/dev/null | grep -q . && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/out.log" >&2; exit 1; }
    sleep 0.1
  done
  json="$("$A/bin/chat-bench.sh" --port "$PORT" --scenario "$SCENARIO" --duration "$DURATION" \
    --server-pid "$SERVER_PID" --json --quiet 2>>"$TMP/bench.err" || true)"
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  local d p99 cpu
  d="$(grep -o '"deliveries_per_s":[0-9.]*' <<<"$json" | cut -d: -f2)"
  p99="$(grep -o '"latency_p99_ms":[0-9.]*' <<<"$json" | cut -d: -f2)"
  cpu="$(grep -o '"server_cpu_cores":[0-9.]*' <<<"$json" | cut -d: -f2)"
  printf '%s %s deliveries/s=%s p99_ms=%s cpu=%s\n' "$label" "$(date -u +%H:%M:%S)" "${d:-?}" "${p99:-?}" "${cpu:-?}"
  printf '%s %s\n' "$label" "${d:-0}" >>"$TMP/all"
}

for rep in $(seq 1 "$REPS"); do
  if ((rep % 2)); then run_one A "$A"; run_one B "$B"; else run_one B "$B"; run_one A "$A"; fi
done
for label in A B; do
  sort -n <<<"$(awk -v l="$label" '$1 == l {print $2}' "$TMP/all")" | awk -v l="$label" \
    '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%s median deliveries/s: %.0f (n=%d)\n", l, m, NR}'
done

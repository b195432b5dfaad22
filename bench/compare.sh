#!/usr/bin/env bash
#
# Runs the issue-9 scenarios (F1, F2, C, and F1S = F1 with one stalled reader) with chat-bench
# against Chatroom, ngIRCd and InspIRCd on loopback: each server freshly started for each run,
# servers alternating, 3 repetitions each.
# Prints the medians (min-max) and the Chatroom/peer ratios, writes results and a chart.
#
# Usage: bench/compare.sh [options]
#   --reps N            repetitions per server and scenario (default 3)
#   --scenarios "F1 F1S F2 C"   which scenarios (default all four; F1S = F1 plus one member that
#                       stops reading, to see whether a slow consumer changes the others' p99)
#   --servers "chatroom chatroom-shipped ngircd inspircd"   which servers (default all four;
#                       chatroom = the tuned benchmark config below, chatroom-shipped = the
#                       zip's own conf/chat-server.properties with only ports, flood control,
#                       limits and the data folder changed: what users run, issue 18's target 1)
#   --duration S        measured seconds of F1/F2 and hold of C (default 10)
#   --out DIR           where results go (default bench/results/YYYYmmdd-HHMMSS)
#   --build             build the project first even if it looks built
#   --jfr               record a JFR profile of Chatroom during each of its runs (into --out)
#
# Needs root for apt-get (ngircd, inspircd installed when missing) and for running InspIRCd as
# user irc with setpriv. The peers' benchmark settings come from shared/bench-peers/ next to
# this checkout (override with BENCH_PEERS_DIR). Ports: BENCH_PORT_BASE (default 16801) and the
# next two. Every process this script starts is ended by its pid on exit (trap).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
PEERS="${BENCH_PEERS_DIR:-$ROOT/../shared/bench-peers}"
PORT_BASE="${BENCH_PORT_BASE:-16801}"
REPS=3
SCENARIOS="F1 F1S F2 C"
SERVERS="chatroom chatroom-shipped ngircd inspircd"
DURATION=10
OUT=""
BUILD=""
JFR=""

die() {
  printf 'compare.sh: %s\n' "$*" >&2
  exit 1
}
say() { printf 'compare.sh: %s\n' "$*" >&2; }

while (($#)); do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --servers) SERVERS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --build) BUILD=yes; shift ;;
    --jfr) JFR=yes; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) printf 'compare.sh: unknown option %s (try --help)\n' "$1" >&2; exit 2 ;;
  esac
done
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --reps $REPS is not a positive number" >&2; exit 2; }
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --duration $DURATION is not a positive number" >&2; exit 2; }
OUT="${OUT:-$ROOT/bench/results/$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd -P)"

# --- everything started here is ended here, by pid --------------------------------------------
PIDS=()
TMP=""
cleanup() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [[ -n "$TMP" ]] && rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- peers: install when missing, without leaving their system services listening ------------
install_peers() {
  local need=()
  [[ " $SERVERS " == *" ngircd "* && ! -x /usr/sbin/ngircd ]] && need+=(ngircd)
  [[ " $SERVERS " == *" inspircd "* && ! -x /usr/sbin/inspircd ]] && need+=(inspircd)
  ((${#need[@]})) || return 0
  (($(id -u) == 0)) || die "${need[*]} missing and not root: apt-get install ${need[*]} first"
  say "installing ${need[*]} with apt-get"
  local policy=/usr/sbin/policy-rc.d made_policy=""
  if [[ ! -e "$policy" ]]; then # keep the packages' services from starting on 6667
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=yes
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [[ -n "$made_policy" ]] && rm -f "$policy"
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now "${need[@]}" >/dev/null 2>&1 || true
  fi
}

# --- Chatroom: built jars and the classpath file the distribution module writes --------------
build_chatroom() {
  [[ -d "$ROOT/lib" && -z "$BUILD" ]] && return 0 # an unpacked release: nothing to build
  if [[ -n "$BUILD" || ! -s "$ROOT/distribution/target/classpath.txt" ]]; then
    say "building Chatroom (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
}

port_of() {
  case "$1" in
    chatroom) echo "$PORT_BASE" ;;
    ngircd) echo $((PORT_BASE + 1)) ;;
    inspircd) echo $((PORT_BASE + 2)) ;;
    chatroom-shipped) echo $((PORT_BASE + 3)) ;;
  esac
}

listening() { # port
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# Starts server $1; sets SERVER_PID; waits (bounded) until it listens.
start_server() {
  local name="$1" port dir
  port="$(port_of "$name")"
  listening "$port" && die "port $port is already in use; set BENCH_PORT_BASE"
  dir="$TMP/$name"
  STARTED_NS="$(date +%s%N)"
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 755 "$dir"
  case "$name" in
    chatroom)
      # flood control and per-address limits off (the generator runs on loopback, exempt here);
      # one event loop, as the peers have: the generator needs the machine's other core; no
      # auto-join of #lobby, which the peers do not have either (its join storm is O(N^2))
      cat >"$dir/chat-server.properties" <<EOF
bind=127.0.0.1
port=$port
admin.enabled=false
motd.file=$dir/no-motd.txt
max.clients=20000
flood.rate=0
flood.exempt=127.0.0.1
limits.exempt=127.0.0.1
worker.threads=1
room.default.autojoin=false
EOF
      local jfr_opts=""
      [[ -n "$JFR" ]] && jfr_opts="-XX:StartFlightRecording=filename=$OUT/chatroom-$RUN_ID.jfr,settings=profile"
      CHAT_CONF="$dir/chat-server.properties" CHAT_LOG_DIR="$dir/logs" CHAT_RUN_DIR="$dir/run" \
        JAVA_OPTS="$jfr_opts" "$ROOT/bin/chat-server.sh" run >"$dir/out.log" 2>&1 &
      SERVER_PID=$!
      ;;
    chatroom-shipped)
      # the shipped file, minus what the benchmark must change; the HTTP and metrics listeners
      # stay on (they are shipped on) but on ports of their own, and the database is per run
      grep -v '^\(port\|bind\|flood\.[a-z.]*\|limits\.exempt\|admin\.enabled\|http\.port\|metrics\.port\|data\.dir\|motd\.file\)=' \
        "$ROOT/conf/chat-server.properties" >"$dir/chat-server.properties"
      cat >>"$dir/chat-server.properties" <<EOF
bind=127.0.0.1
port=$port
admin.enabled=false
http.port=$((PORT_BASE + 4))
metrics.port=$((PORT_BASE + 5))
data.dir=$dir/data
motd.file=$ROOT/conf/motd.txt
flood.rate=0
flood.exempt=127.0.0.1
limits.exempt=127.0.0.1
EOF
      local jfr_opts=""
      [[ -n "$JFR" ]] && jfr_opts="-XX:StartFlightRecording=filename=$OUT/chatroom-shipped-$RUN_ID.jfr,settings=profile"
      CHAT_CONF="$dir/chat-server.properties" CHAT_LOG_DIR="$dir/logs" CHAT_RUN_DIR="$dir/run" \
        JAVA_OPTS="$jfr_opts" "$ROOT/bin/chat-server.sh" run >"$dir/out.log" 2>&1 &
      SERVER_PID=$!
      ;;
    ngircd)
      sed -e "s/^\([[:space:]]*Ports[[:space:]]*=\).*/\1 $port/" \
        -e "s#^\([[:space:]]*IncludeDir[[:space:]]*=\).*#\1 $dir/conf.d#" "$PEERS/ngircd.conf" >"$dir/ngircd.conf"
      mkdir -p "$dir/conf.d"
      /usr/sbin/ngircd --nodaemon --config "$dir/ngircd.conf" >"$dir/out.log" 2>&1 &
      SERVER_PID=$!
      ;;
    inspircd)
      sed -e "s/port=\"[0-9]*\" type=\"clients\"/port=\"$port\" type=\"clients\"/" \
        -e "s#/tmp/bench-inspircd.motd#$dir/motd#" -e "s#/tmp/bench-inspircd.log#$dir/inspircd.log#" \
        "$PEERS/inspircd.conf" >"$dir/inspircd.conf"
      echo "benchmark" >"$dir/motd"
      touch "$dir/inspircd.log"
      chown irc:irc "$dir/inspircd.log"
      chmod 644 "$dir/inspircd.conf" "$dir/motd"
      setpriv --reuid=irc --regid=irc --clear-groups -- \
        /usr/sbin/inspircd --nofork --nopid --config "$dir/inspircd.conf" >"$dir/out.log" 2>&1 &
      SERVER_PID=$!
      ;;
    *) die "unknown server $name (chatroom, chatroom-shipped, ngircd, inspircd)" ;;
  esac
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 300); do # 30 s at most
    if listening "$port"; then
      STARTUP_MS=$((($(date +%s%N) - STARTED_NS) / 1000000)) # launch to listening, 0.1 s polling
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$dir/out.log" >&2; die "$name exited at start"; }
    sleep 0.1
  done
  tail -n 20 "$dir/out.log" >&2
  die "$name is not listening on $port after 30 s"
}

stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do # 10 s at most
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  local keep=() pid
  for pid in "${PIDS[@]}"; do
    [[ "$pid" != "$SERVER_PID" ]] && keep+=("$pid")
  done
  PIDS=(${keep[@]+"${keep[@]}"})
}

# Runs one scenario against the running server and appends its JSON (server and rep added).
bench() { # server scenario rep
  local name="$1" scenario="$2" rep="$3" port json rc=0 extra=()
  port="$(port_of "$name")"
  [[ "$scenario" == F1S ]] && extra=(--stalled 1)
  # setup bound generous: ngIRCd takes tens of seconds to seat 1,000 members on a busy machine
  json="$("$ROOT/bin/chat-bench.sh" --port "$port" --scenario "${scenario%S}" --duration "$DURATION" \
    --setup-timeout 180 \
    --server-pid "$SERVER_PID" --nick-prefix "c$rep${scenario,,}" --json ${extra[@]+"${extra[@]}"} \
    2>>"$OUT/bench-stderr.log")" || rc=$?
  if [[ "$json" == "{"* ]]; then
    [[ "$scenario" == F1S ]] && json="${json/\"scenario\":\"F1\"/\"scenario\":\"F1S\"}"
    printf '{"server":"%s","rep":%d,"startup_ms":%d,%s\n' "$name" "$rep" "$STARTUP_MS" "${json#\{}" \
      >>"$OUT/results.jsonl"
    say "  $(printf '%s' "$json" | grep -o '"\(ready\|time_to_all_ready_s\|deliveries_per_s\|latency_p50_ms\|latency_p99_ms\|lost\|server_cpu_cores\|server_rss_mb\)":[^,]*' | tr '\n' ' ')"
  fi
  ((rc == 0)) || say "  $name $scenario rep $rep: chat-bench exit $rc (see results.jsonl / bench-stderr.log)"
}

# After C's 10,000 connections: wait (at most 60 s) until the kernel has let their sockets go.
# Back to back, the next C run's connects overflowed the listen queue (123,897 SYN drops in one
# batch) and failed for every server, ngIRCd included.
settle_after_c() {
  local waited=0 lingering
  while ((waited < 60)); do
    lingering="$(ss -Htan state time-wait state fin-wait-1 state fin-wait-2 state last-ack 2>/dev/null | wc -l)"
    ((lingering < 1000)) && return 0
    sleep 1
    waited=$((waited + 1))
  done
  say "  $lingering sockets still closing after 60 s; going on"
}

# ---------------------------------------------------------------------------------------------
[[ -f "$PEERS/ngircd.conf" && -f "$PEERS/inspircd.conf" ]] || [[ " $SERVERS " != *" ngircd "* && " $SERVERS " != *" inspircd "* ]] \
  || die "no peer configs in $PEERS (set BENCH_PEERS_DIR to the bench-peers folder)"
command -v ss >/dev/null 2>&1 || die "ss (iproute2) is needed to see when a server listens"
install_peers
build_chatroom
hard="$(ulimit -Hn)"
ulimit -Sn "$hard" 2>/dev/null || true
say "open-file limit $(ulimit -Sn) (10,000 connections need more than 10,000 on each side)"
TMP="$(mktemp -d /tmp/chat-compare.XXXXXX)"
chmod 755 "$TMP"
: >"$OUT/results.jsonl"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "ngircd: $(/usr/sbin/ngircd --version 2>/dev/null | head -n 1 || echo n/a)"
  echo "inspircd: $(dpkg-query -W -f '${Version}' inspircd 2>/dev/null || echo n/a)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "reps: $REPS, duration: ${DURATION}s, scenarios: $SCENARIOS, servers: $SERVERS"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

read -r -a server_list <<<"$SERVERS"
n=${#server_list[@]}
for rep in $(seq 1 "$REPS"); do
  for scenario in $SCENARIOS; do
    # alternate: each repetition starts with the next server
    for k in $(seq 0 $((n - 1))); do
      name="${server_list[$(((k + rep - 1) % n))]}"
      RUN_ID="$scenario-$rep"
      say "rep $rep/$REPS $scenario $name"
      start_server "$name"
      bench "$name" "$scenario" "$rep"
      stop_server
      if [[ "$scenario" == C ]]; then settle_after_c; fi
    done
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
# shellcheck source=bin/chat-env.sh
CHAT_PROG=compare.sh . "$ROOT/bin/chat-env.sh"
chat_require_java
chat_require_classpath chat-bench
"$JAVA" -cp "$CHAT_CLASSPATH" org.chatroom.bench.report.CompareReport "$OUT/results.jsonl" "$OUT/chart.png" \
  | tee "$OUT/summary.md"
say "results in $OUT (results.jsonl, summary.md, chart.png, machine.txt)"

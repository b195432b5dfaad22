#!/usr/bin/env bash
#
# Several daemons against one (issue 17's figures): a throwaway Redis and PostgreSQL (initdb in a
# temp folder, as nobody when run as root, trust logins on 127.0.0.1 only; the daemons use its
# database "postgres") and NODES daemons of an
# unpacked release with cluster.enabled=true; chat-bench F1 with its senders on node 1 and every other
# member spread over nodes 2..NODES, flat-out (deliveries/s); then the latency pair at one fixed rate:
# single-node F1 (one daemon, cluster off, same database) against the cluster, to show what the hop
# through Redis adds to p50 and p99. Every daemon and Redis are fresh per run (benchmark settings of
# compare.sh: one event loop each, flood control off, no auto-join, no replay). Prints every run,
# the medians and the extra latency.
#
# Usage: bench/cluster.sh HOME [--nodes 3] [--reps 3] [--duration 10] [--clients 200] [--senders 10]
#                              [--rate 2000] [--spread others|all] [--jfr DIR] [--logs DIR] [--set K=V]
#   HOME           an unpacked release (its bin/chat-server.sh and bin/chat-bench.sh are used)
#   --nodes N      2 or 3 daemons (senders on node 1, the others on nodes 2..N)
#   --rate N       messages/s of the latency pair (single node and cluster at the same load); 0 skips it
#   --spread all   the members over every node, node 1 included (default: others = nodes 2..N only)
#   --warmup S     seconds of sending before the flat-out runs measure (default 2, chat-bench's): fresh JVMs
#                  are still compiling then, three of them on two cores more so
#   --reps 0       only starts everything once and checks one short run (a smoke test of this script)
#   --jfr DIR      a JFR recording (settings=profile, jcmd) of every daemon in each flat-out run, from about the
#                  end of chat-bench's warm-up for --duration: DIR/F1-repR-nodeN.jfr (needs jcmd)
#   --logs DIR     keeps every daemon's log of every run: DIR/RUN-LABEL-nodeN.log (RUN counts from 1)
#   --set K=V      one more line for every daemon's properties (repeatable), e.g. cluster.redis.shared.loops=true
# Needs redis-server and PostgreSQL's initdb/pg_ctl (on PATH or /usr/lib/postgresql/N/bin).
# Ports: BENCH_PORT_BASE (default 16831) and the next NODES-1 for the daemons, +10 Redis, +11 PostgreSQL.
# Every process started here is ended by its pid on exit.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
HOME_DIR="$(cd "$1" && pwd -P)"
shift
NODES=3
REPS=3
DURATION=10
CLIENTS=200
SENDERS=10
RATE=2000
SPREAD=others
WARMUP=2
JFR_DIR=""
JFR_TAG="" # set for the flat-out runs only
LOG_DIR=""
RUN_NO=0
EXTRA=()
while (($#)); do
  case "$1" in
    --nodes) NODES="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --senders) SENDERS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --spread) SPREAD="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --jfr) mkdir -p "$2"; JFR_DIR="$(cd "$2" && pwd -P)"; shift 2 ;;
    --logs) mkdir -p "$2"; LOG_DIR="$(cd "$2" && pwd -P)"; shift 2 ;;
    --set) [[ "$2" == *=* ]] || { echo "cluster.sh: --set needs KEY=VALUE" >&2; exit 2; }; EXTRA+=("$2"); shift 2 ;;
    *) echo "cluster.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$NODES" =~ ^[23]$ ]] || { echo "cluster.sh: --nodes must be 2 or 3" >&2; exit 2; }
[[ "$SPREAD" == others || "$SPREAD" == all ]] || { echo "cluster.sh: --spread must be others or all" >&2; exit 2; }
[[ "$REPS" =~ ^[0-9]+$ && "$REPS" -le 20 ]] || { echo "cluster.sh: --reps must be 0-20" >&2; exit 2; }
for n in "$WARMUP" "$DURATION" "$CLIENTS" "$SENDERS" "$RATE"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "cluster.sh: $n is not a whole number" >&2; exit 2; }
done
command -v redis-server >/dev/null || { echo "cluster.sh: redis-server is not installed (apt-get install redis-server)" >&2; exit 2; }
PG_BIN=""
if command -v initdb >/dev/null; then
  PG_BIN="$(dirname "$(readlink -f "$(command -v initdb)")")"
else
  PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
fi
[[ -n "$PG_BIN" && -x "$PG_BIN/pg_ctl" ]] || { echo "cluster.sh: PostgreSQL's initdb/pg_ctl are not installed (apt-get install postgresql)" >&2; exit 2; }

BASE="${BENCH_PORT_BASE:-16831}"
REDIS_PORT=$((BASE + 10))
PG_PORT=$((BASE + 11))
TMP="$(mktemp -d /tmp/chat-cluster.XXXXXX)"
chmod 755 "$TMP"
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then # PostgreSQL refuses to run as root
  AS_PG=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
fi
REDIS_PID=""
PIDS=()
cleanup() {
  for pid in ${PIDS[@]+"${PIDS[@]}"} $REDIS_PID; do
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -f "$TMP/pg/data/postmaster.pid" ]]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m immediate -w stop >/dev/null 2>&1 \
      || kill -KILL "$(head -n 1 "$TMP/pg/data/postmaster.pid")" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

start_postgres() {
  mkdir -p "$TMP/pg"
  [[ ${#AS_PG[@]} -eq 0 ]] || chown nobody "$TMP/pg"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$TMP/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$TMP/pg/initdb.log" 2>&1 || { cat "$TMP/pg/initdb.log" >&2; exit 1; }
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $TMP/pg -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null \
    || { cat "$TMP/pg/server.log" >&2; exit 1; }
}

start_redis() {
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$TMP" \
    --protected-mode no --loglevel warning >"$TMP/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 100); do # 10 s at most
    ss -Hltn "sport = :$REDIS_PORT" 2>/dev/null | grep -q . && return 0
    kill -0 "$REDIS_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$TMP/redis.log" >&2
  exit 1
}

stop_pid() { # pid: TERM, up to 10 s, then KILL
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

start_daemon() { # index cluster(true|false)
  local i="$1" dir="$TMP/node$1" port=$((BASE + $1 - 1))
  rm -rf "$dir" && mkdir -p "$dir"
  {
    printf 'worker.threads=1\nroom.default.autojoin=false\nhistory.replay.lines=0\n'
    printf 'bind=127.0.0.1\nport=%s\nhttp.enabled=false\nadmin.enabled=false\nmotd.file=%s/none\n' "$port" "$TMP"
    printf 'max.clients=20000\nmax.unregistered=20000\ndata.dir=%s/data\n' "$dir"
    printf 'flood.rate=0\nflood.exempt=127.0.0.1\nlimits.exempt=127.0.0.1\n'
    printf 'store.url=jdbc:postgresql://127.0.0.1:%s/postgres\nstore.user=postgres\n' "$PG_PORT"
    printf 'cluster.enabled=%s\ncluster.redis.uri=redis://127.0.0.1:%s\ncluster.node.id=node%s\n' "$2" "$REDIS_PORT" "$i"
    [[ ${#EXTRA[@]} -eq 0 ]] || printf '%s\n' "${EXTRA[@]}"
  } >"$dir/chat-server.properties"
  local cds="${CHAT_CDS:-on}"
  if [[ -n "$JFR_DIR" ]]; then
    # JDK 17.0.15 crashed (SIGSEGV in KlassFactory::check_shared_class_file_load_hook) when a recording
    # started while classes were loaded from the daemon's CDS archive
    cds=off
  fi
  # from its own folder: a crash report (hs_err_pid*) lands there, not in the caller's
  (cd "$dir" && CHAT_CONF="$dir/chat-server.properties" CHAT_LOG_DIR="$dir/logs" CHAT_RUN_DIR="$dir/run" \
    CHAT_CDS="$cds" exec "$HOME_DIR/bin/chat-server.sh" run >"$dir/out.log" 2>&1) &
  PIDS+=("$!")
}

await_daemons() { # every daemon started listens, or the script stops with the log of the one that died
  local i pid
  for i in $(seq 1 "${#PIDS[@]}"); do
    pid="${PIDS[$((i - 1))]}"
    for _ in $(seq 1 600); do # 60 s at most
      ss -Hltn "sport = :$((BASE + i - 1))" 2>/dev/null | grep -q . && break
      kill -0 "$pid" 2>/dev/null || { cat "$TMP/node$i/out.log" >&2; exit 1; }
      sleep 0.1
    done
  done
}

stop_all() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do stop_pid "$pid"; done
  PIDS=()
  [[ -z "$REDIS_PID" ]] || stop_pid "$REDIS_PID"
  REDIS_PID=""
}

field() { # name json
  grep -o "\"$1\":[0-9.-]*" <<<"$2" | head -n 1 | cut -d: -f2
}

run_one() { # label nodes(1 = single daemon, cluster off) [extra chat-bench options...]
  local label="$1" nodes="$2" json i targets=""
  shift 2
  if ((nodes == 1)); then
    start_daemon 1 false
  else
    start_redis
    for i in $(seq 1 "$nodes"); do start_daemon "$i" true; done
  fi
  await_daemons
  if [[ -n "$JFR_DIR" && -n "$JFR_TAG" ]]; then # from chat-bench's start, connecting and 2 s warm-up: about 4 s
    for i in $(seq 1 "$nodes"); do
      jcmd "${PIDS[$((i - 1))]}" JFR.start name=bench settings=profile delay=$((WARMUP + 2))s duration="${DURATION}s" \
        filename="$JFR_DIR/$JFR_TAG-node$i.jfr" >/dev/null 2>&1 &
    done
  fi
  local first=2
  [[ "$SPREAD" == all ]] && first=1
  for i in $(seq "$first" "$nodes"); do targets="$targets${targets:+,}127.0.0.1:$((BASE + i - 1))"; done
  [[ -n "$targets" ]] || targets="127.0.0.1:$BASE"
  json="$("$HOME_DIR/bin/chat-bench.sh" --scenario F1 --sender-target "127.0.0.1:$BASE" --receiver-targets "$targets" \
    --clients "$CLIENTS" --senders "$SENDERS" --json --quiet "$@" 2>>"$TMP/bench.err" || true)"
  stop_all
  RUN_NO=$((RUN_NO + 1))
  if [[ -n "$LOG_DIR" ]]; then
    for i in $(seq 1 "$nodes"); do cp "$TMP/node$i/logs/chat-server.log" "$LOG_DIR/$RUN_NO-$label-node$i.log" 2>/dev/null || true; done
  fi
  local d p50 p99 lost ok
  d="$(field deliveries_per_s "$json")"
  p50="$(field latency_p50_ms "$json")"
  p99="$(field latency_p99_ms "$json")"
  lost="$(field lost "$json")"
  ok="$(grep -o '"ok":[a-z]*' <<<"$json" | cut -d: -f2)"
  printf '%-13s %s load=%s deliveries/s=%s p50_ms=%s p99_ms=%s lost=%s ok=%s\n' "$label" "$(date -u +%H:%M:%S)" \
    "$(cut -d' ' -f1 /proc/loadavg)" "${d:-?}" "${p50:-?}" "${p99:-?}" "${lost:-?}" "${ok:-?}"
  [[ "$ok" == true ]] || printf '              %s\n' "$(grep 'run not clean' "$TMP/bench.err" | tail -n 1 || echo 'no result')"
  printf '%s %s %s %s\n' "$label" "${d:-0}" "${p50:-0}" "${p99:-0}" >>"$TMP/all"
}

median() { # label column
  awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$TMP/all" | sort -n | awk \
    '{v[NR]=$1} END {if (NR == 0) {print 0; exit} m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; print m}'
}

start_postgres
echo "cluster.sh: $HOME_DIR, $NODES nodes, F1 $CLIENTS clients / $SENDERS senders, ${DURATION}s x $REPS; latency at $RATE msg/s; $(nproc) cores"
if ((REPS == 0)); then
  run_one "smoke" "$NODES" --duration 2 --warmup 1
  exit 0
fi
for rep in $(seq 1 "$REPS"); do
  JFR_TAG="F1-rep$rep"
  run_one "cluster-F1" "$NODES" --duration "$DURATION" --warmup "$WARMUP"
  JFR_TAG=""
  run_one "single-F1" 1 --duration "$DURATION" --warmup "$WARMUP" # the same machine and database, one daemon: the yardstick
  if ((RATE > 0)); then # interleaved, so that a drift of the machine hits both sides
    if ((rep % 2)); then order="1 $NODES"; else order="$NODES 1"; fi
    for n in $order; do
      if ((n == 1)); then run_one "single-rate" 1 --rate "$RATE" --in-flight 1000 --duration "$DURATION"
      else run_one "cluster-rate" "$n" --rate "$RATE" --in-flight 1000 --duration "$DURATION"; fi
    done
  fi
done
if [[ "$SPREAD" == all ]]; then where="the members over nodes 1-$NODES"; else where="the others on nodes 2-$NODES"; fi
echo "F1 flat-out, senders on node 1, $where: median deliveries/s $(median cluster-F1 2) (n=$REPS);" \
  "one daemon alone: $(median single-F1 2)"
if ((RATE > 0)); then
  awk -v s50="$(median single-rate 3)" -v s99="$(median single-rate 4)" -v c50="$(median cluster-rate 3)" \
    -v c99="$(median cluster-rate 4)" -v r="$RATE" 'BEGIN {
      printf "F1 at %d msg/s, median latency: single node p50 %.2f ms p99 %.2f ms; cluster p50 %.2f ms p99 %.2f ms;", r, s50, s99, c50, c99
      printf " the second node adds p50 %+.2f ms, p99 %+.2f ms\n", c50 - s50, c99 - s99 }'
fi

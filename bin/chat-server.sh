#!/usr/bin/env bash
#
# Starts, stops and inspects the Chatroom daemon.
#
#   chat-server.sh start [daemon options]    run in the background; wait until it listens or fails
#   chat-server.sh stop                      SIGTERM, wait up to CHAT_STOP_TIMEOUT seconds (30)
#   chat-server.sh status                    0 running, 1 dead but pid file left, 3 not running
#   chat-server.sh restart [daemon options]  stop, then start
#   chat-server.sh reload                    SIGHUP: re-read the configuration; prints what the log says
#   chat-server.sh run [daemon options]      foreground (systemd, containers): exec java
#   chat-server.sh print-cmd [daemon opts]   print the java command line and exit
#   chat-server.sh --version | --hash-password | --generate-keystore   the daemon's one-shot commands
#
# Daemon options (--port N, --bind ADDR, -o key=value, --config FILE, ...) are passed through.
#
# Environment (each applied only when unset; conf/chat-env.sh may set them):
#   CHAT_CONF          config file                 (default $CHAT_CONF_DIR/chat-server.properties)
#   CHAT_HEAP_OPTS     heap flags                  (default "-Xms64m -Xmx512m")
#   CHAT_DIRECT_OPTS   direct-memory flags         (default -XX:MaxDirectMemorySize= the heap's -Xmx)
#   CHAT_GC_OPTS       collector flags             (default "-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40")
#   CHAT_SERVER_OPTS   more JVM flags for the daemon
#   JAVA_OPTS          JVM flags appended last
#   CHAT_START_TIMEOUT seconds start waits until the daemon listens (default 60)
#   CHAT_CDS           class-data sharing archive of the daemon's classes: on (default) or off
#   CHAT_CDS_DIR       where the archive is kept (default $CHAT_HOME/cds; must be writable to make one)
#   CHAT_OUT_MAX_BYTES size at which logs/chat-server.out moves to .out.1 (default 10485760)
#   CHAT_STOP_TIMEOUT  seconds stop waits after SIGTERM (default 30)
#   JAVA_HOME          Java 17 or newer; else java on PATH
set -euo pipefail

CHAT_PROG=chat-server
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

MAIN_CLASS=org.chatroom.server.Main
CHAT_CONF="${CHAT_CONF:-$CHAT_CONF_DIR/chat-server.properties}"
[[ "$CHAT_CONF" == /* ]] || CHAT_CONF="$PWD/$CHAT_CONF"
# Heap: a registered client costs about 8 KB of heap (measured: 2,000 clients in #lobby, 18 MB
# of old generation); message buffers live in Netty's direct memory, not the heap. So 10,000
# clients need ~80 MB live. -Xms64m keeps the resident size small at start; -Xmx512m is a
# ceiling for bursts, not a target.
# Serial GC: the smallest footprint (measured with 1,000 clients: 131 MB RSS, G1 175 MB), no
# concurrent GC threads competing with the event loops on small machines, and it gives memory
# back after a full collection. With a live set under 100 MB its young pauses are a few ms, which
# a chat server does not notice. Bigger installs: CHAT_GC_OPTS=-XX:+UseG1GC CHAT_HEAP_OPTS=-Xmx2g.
# Free-ratio 20-40 % instead of the JVM's 40-70 %: the heap grows to 1.25x what users hold, not 1.67x
# (10,000 idle users, issue 18: 176 MB RSS instead of 197 MB); the cost is a full collection a little
# more often, which with a live set this size takes tens of milliseconds.
CHAT_HEAP_OPTS="${CHAT_HEAP_OPTS--Xms64m -Xmx512m}"
# Direct memory: Netty's output buffers live there, outside the heap. The JVM's default limit is
# the heap's size; saying it explicitly keeps it visible in print-cmd and lets CHAT_DIRECT_OPTS
# change it (the server's output budget must stay well under it).
if [[ -z "${CHAT_DIRECT_OPTS+set}" ]]; then
  CHAT_DIRECT_OPTS="-XX:MaxDirectMemorySize=512m"
  if [[ " $CHAT_HEAP_OPTS " =~ [[:space:]]-Xmx([0-9]+[kKmMgGtT]?)[[:space:]] ]]; then
    CHAT_DIRECT_OPTS="-XX:MaxDirectMemorySize=${BASH_REMATCH[1]}"
  fi
fi
CHAT_GC_OPTS="${CHAT_GC_OPTS--XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}"
CHAT_SERVER_OPTS="${CHAT_SERVER_OPTS:-}"
CHAT_START_TIMEOUT="${CHAT_START_TIMEOUT:-60}"
CHAT_STOP_TIMEOUT="${CHAT_STOP_TIMEOUT:-30}"
CHAT_OUT_MAX_BYTES="${CHAT_OUT_MAX_BYTES:-10485760}"
CHAT_CDS="${CHAT_CDS:-on}"
CHAT_CDS_DIR="${CHAT_CDS_DIR:-$CHAT_HOME/cds}"
CDS_LOCK="" # set when this start makes the archive (the daemon writes it when it exits cleanly)
PID_FILE="$CHAT_RUN_DIR/chat-server.pid"
OUT_FILE="$CHAT_LOG_DIR/chat-server.out"
READY_FILE="$CHAT_RUN_DIR/chat-server.listening"
LOG_FILE="$CHAT_LOG_DIR/chat-server.log"

usage() {
  cat <<EOF
Usage: chat-server.sh start|stop|status|restart|reload|run|print-cmd [daemon options]
  start      start in the background, wait until it listens (or fails), report the port
  stop       stop with SIGTERM, wait up to \$CHAT_STOP_TIMEOUT s (now $CHAT_STOP_TIMEOUT)
  status     exit 0 running (prints pid and address), 1 dead with a pid file, 3 not running
  restart    stop, then start
  reload     re-read the configuration (SIGHUP), print the result the daemon logs
  run        run in the foreground (for systemd and containers)
  print-cmd  print the java command line
  --version, --hash-password, --generate-keystore
             the daemon's one-shot commands (a hash for server.password, a TLS keystore)
Daemon options are passed through, e.g. --port 6697, --bind 127.0.0.1, -o key=value;
'chat-server.sh run --help' lists them. Config: $CHAT_CONF
EOF
}

say() { printf '%s: %s\n' "$CHAT_PROG" "$*"; }
err() { printf '%s: %s\n' "$CHAT_PROG" "$*" >&2; }

for knob in CHAT_START_TIMEOUT CHAT_STOP_TIMEOUT CHAT_OUT_MAX_BYTES; do
  if ! [[ "${!knob}" =~ ^[0-9]+$ ]]; then
    err "$knob=${!knob} is not a whole number"
    exit 2
  fi
done

# Is $1 the pid of a live Chatroom daemon? (Guards against a recycled pid in a stale file.)
is_daemon() {
  local pid="$1" args
  if [[ -d /proc ]]; then
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    args="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
  else
    kill -0 "$pid" 2>/dev/null || return 1
    args="$(ps -p "$pid" -o args= 2>/dev/null)" || return 1
  fi
  [[ "$args" == *"$MAIN_CLASS"* ]]
}

# Sets PID from the pid file; returns 1 when there is no pid file.
read_pid() {
  PID=""
  [[ -f "$PID_FILE" ]] || return 1
  PID="$(tr -dc '0-9' <"$PID_FILE")"
  return 0
}

# What the daemon's ready file (written once it listens, removed at shutdown) says it listens on:
# "0.0.0.0:6667", or "0.0.0.0:6667 and 0.0.0.0:6697 (TLS)" with a TLS listener.
listening_address() {
  [[ -s "$READY_FILE" ]] || return 1
  local line
  IFS= read -r line <"$READY_FILE" || [[ -n "$line" ]] || return 1
  printf '%s\n' "$line"
}

# Copies its input to $1, moving the file to $1.1 whenever it would pass $2 bytes, so the daemon's
# console file stays bounded for as long as the daemon runs. Ignores HUP and INT: it outlives the
# terminal and a Ctrl-C of this script, as the daemon does.
bounded_copy() {
  trap '' HUP INT
  local file="$1" max="$2" line size
  export LC_ALL=C # ${#line} counts bytes
  size="$(wc -c <"$file" 2>/dev/null || echo 0)"
  size="${size//[^0-9]/}"
  # -n: a "line" without an end (a dump of binary junk) is cut into pieces, never held whole in memory
  while IFS= read -r -n 8192 line || [[ -n "$line" ]]; do
    if ((size > 0 && size + ${#line} + 1 > max)); then
      mv -f "$file" "$file.1"
      : >"$file" # at once, so the file is missing for as short a time as can be
      size=0
    fi
    printf '%s\n' "$line" >>"$file"
    size=$((size + ${#line} + 1))
  done
}

# Does the caller pass its own --config (or -c) / --home? Then ours is left out: Commons CLI
# would take the first of two.
has_option() {
  local long="$1" short="${2:-}" arg
  shift 2
  for arg in "$@"; do
    [[ "$arg" == "$long" || "$arg" == "$long="* ]] && return 0
    [[ -n "$short" && "$arg" == "$short"* ]] && return 0
  done
  return 1
}

# Class-data sharing (issue 18): the daemon's classes, parsed and verified once, mapped from an
# archive at each start (about half of the time to listening). A JDK 17 archive is valid only for
# the JDK, the jars and their absolute paths it was made with, so it cannot ship in the zip: the
# first daemon start of an install makes it (-XX:ArchiveClassesAtExit, written when the daemon
# stops cleanly), later ones use it; a new JDK or changed jars make a new one. JDK 19+ does the same
# by itself (-XX:+AutoCreateSharedArchive). $1 = "make" to allow making one, "show" for print-cmd.
# Sets CDS to the flags (empty when off, when the folder is not writable, or while another daemon
# of this install is making the archive).
cds_opts() {
  CDS=()
  [[ "$CHAT_CDS" == on ]] || return 0
  local key archive entry fresh=1 quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  key="$(printf '%s %s' "$(readlink -f "$JAVA")" "$CHAT_CLASSPATH" | cksum | cut -d' ' -f1)"
  archive="$CHAT_CDS_DIR/chat-server-$JAVA_MAJOR-$key.jsa"
  if ((JAVA_MAJOR >= 19)); then
    [[ "$1" == show ]] || mkdir -p "$CHAT_CDS_DIR" 2>/dev/null && [[ -w "$CHAT_CDS_DIR" ]] || return 0
    CDS=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$archive" "${quiet[@]}")
    return 0
  fi
  if [[ -s "$archive" ]]; then
    local modules
    modules="$(dirname "$(dirname "$(readlink -f "$JAVA")")")/lib/modules"
    [[ ! "$modules" -nt "$archive" ]] || fresh=0
    local -a entries
    IFS=':' read -r -a entries <<<"$CHAT_CLASSPATH"
    for entry in ${entries[@]+"${entries[@]}"}; do
      [[ ! "$entry" -nt "$archive" ]] || fresh=0
    done
    if ((fresh)); then
      [[ "$1" != make ]] || rm -f "$archive.making" 2>/dev/null || true # its maker is done
      CDS=("-XX:SharedArchiveFile=$archive" "${quiet[@]}")
      return 0
    fi
  fi
  [[ "$1" != show ]] || { CDS=("-XX:ArchiveClassesAtExit=$archive" "${quiet[@]}"); return 0; }
  [[ "$1" == make ]] || return 0
  mkdir -p "$CHAT_CDS_DIR" 2>/dev/null && [[ -w "$CHAT_CDS_DIR" ]] || return 0
  local lock="$archive.making" holder=""
  if [[ -f "$lock" ]]; then
    holder="$(tr -dc '0-9' <"$lock")"
    if [[ -n "$holder" ]] && is_daemon "$holder"; then
      return 0 # that daemon writes it when it stops; this one runs without
    fi
    rm -f "$lock" "$archive" # its maker died before writing it whole
  fi
  (set -o noclobber && printf '%s\n' "$$" >"$lock") 2>/dev/null || return 0
  rm -f "$archive"
  CDS_LOCK="$lock"
  CDS=("-XX:ArchiveClassesAtExit=$archive" "${quiet[@]}")
}

# Sets CMD to the java command line, daemon options "$@" last. CDS_USE: make, show or empty (none).
build_cmd() {
  chat_require_java
  chat_require_classpath chat-server
  local heap direct gc server java
  read -r -a heap <<<"$CHAT_HEAP_OPTS" || true
  read -r -a direct <<<"$CHAT_DIRECT_OPTS" || true
  read -r -a gc <<<"$CHAT_GC_OPTS" || true
  read -r -a server <<<"$CHAT_SERVER_OPTS" || true
  read -r -a java <<<"$JAVA_OPTS" || true
  cds_opts "${CDS_USE:-}"
  CMD=("$JAVA"
    ${CDS[@]+"${CDS[@]}"}
    ${heap[@]+"${heap[@]}"}
    ${direct[@]+"${direct[@]}"}
    ${gc[@]+"${gc[@]}"}
    -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$CHAT_LOG_DIR" -XX:+ExitOnOutOfMemoryError
    "-XX:ErrorFile=$CHAT_LOG_DIR/hs_err_pid%p.log"
    --enable-native-access=ALL-UNNAMED
    "-Dlog4j2.configurationFile=$CHAT_CONF_DIR/log4j2.xml"
    "-Dchat.log.dir=$CHAT_LOG_DIR"
    ${server[@]+"${server[@]}"}
    ${java[@]+"${java[@]}"}
    -cp "$CHAT_CLASSPATH" "$MAIN_CLASS")
  has_option --home "" "$@" || CMD+=(--home "$CHAT_HOME")
  has_option --config -c "$@" || CMD+=(--config "$CHAT_CONF")
  CMD+=("$@")
}

cmd_start() {
  if read_pid; then
    if [[ -n "$PID" ]] && is_daemon "$PID"; then
      err "already running as pid $PID ($PID_FILE); not started"
      return 1
    fi
    say "removing stale pid file $PID_FILE (pid ${PID:-?} is not running)"
    rm -f "$PID_FILE"
  fi
  build_cmd "$@"
  # Everything the daemon logs goes to chat-server.log; its console keeps only what that cannot hold.
  CMD=("${CMD[0]}" -Dchat.log.console=off "${CMD[@]:1}")
  has_option --ready-file "" "$@" || CMD+=(--ready-file "$READY_FILE")
  # A clean stop (stop, or chat-admin shutdown) removes the pid file itself: only a crash leaves one.
  CMD+=(--pid-file "$PID_FILE")
  mkdir -p "$CHAT_LOG_DIR"
  if [[ ! -d "$CHAT_RUN_DIR" ]]; then # private: it also holds the admin socket
    mkdir -p "$(dirname "$CHAT_RUN_DIR")"
    mkdir -m 700 "$CHAT_RUN_DIR"
  fi
  local dir
  for dir in "$CHAT_LOG_DIR" "$CHAT_RUN_DIR"; do
    [[ -w "$dir" ]] || chat_die "cannot write to $dir (run as the user that owns the install)"
  done
  # Claim the pid file atomically (noclobber) so that two starts at once cannot both launch.
  if ! (set -o noclobber && printf '%s\n' "$$" >"$PID_FILE") 2>/dev/null; then
    err "another start is under way ($PID_FILE appeared); not started"
    return 1
  fi
  [[ ! -f "$OUT_FILE" ]] || mv -f "$OUT_FILE" "$OUT_FILE.1" # keep the previous run's output
  rm -f "$READY_FILE"
  chat_raise_nofile
  printf '%s: started by chat-server.sh at %s; the log is %s, this file keeps the JVM'"'"'s own output\n' \
    "$CHAT_PROG" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$LOG_FILE" >"$OUT_FILE"
  # The console goes through a FIFO to bounded_copy, a child of this script, so that a failed start
  # can wait for its last lines. setsid (where there is one) detaches the daemon from the terminal
  # instead of nohup, which would leave SIGHUP ignored, and SIGHUP is how the daemon reloads.
  local fifo="$CHAT_RUN_DIR/chat-server.out.fifo"
  rm -f "$fifo"
  mkfifo -m 600 "$fifo"
  # its stdout and stderr must not be ours: a caller reading our output ($(...)) would wait for it
  bounded_copy "$OUT_FILE" "$CHAT_OUT_MAX_BYTES" <"$fifo" >/dev/null 2>&1 &
  local copier=$!
  local detach=()
  if command -v setsid >/dev/null 2>&1; then
    detach=(setsid)
  fi
  ${detach[@]+"${detach[@]}"} "${CMD[@]}" >"$fifo" 2>&1 </dev/null &
  local pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  [[ -z "$CDS_LOCK" ]] || printf '%s\n' "$pid" >"$CDS_LOCK"
  local deadline=$((SECONDS + CHAT_START_TIMEOUT)) address
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      local rc=0
      wait "$pid" || rc=$?
      if read_pid && [[ "$PID" == "$pid" ]]; then
        rm -f "$PID_FILE"
      fi
      wait "$copier" 2>/dev/null || true # its last lines are in the file now
      rm -f "$fifo"
      ((rc != 0)) || rc=1
      # The daemon says what was wrong in one "chat-server: ..." line (the log has it too): show
      # that line alone; only a death without one gets the tail of its output.
      local reason
      reason="$(grep "^$CHAT_PROG: " "$OUT_FILE" | tail -n 1)" || reason=""
      if [[ -n "$reason" ]]; then
        err "failed to start: ${reason#"$CHAT_PROG: "}"
      else
        err "failed to start (exit code $rc); last lines of $OUT_FILE:"
        tail -n 20 "$OUT_FILE" | sed 's/^/  /' >&2
      fi
      return "$rc"
    fi
    if address="$(listening_address)"; then
      rm -f "$fifo" # both ends are open: the name is no longer needed
      say "started, pid $pid, listening on $address"
      say "log: $LOG_FILE (console output: $OUT_FILE)"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      err "pid $pid is running but did not report listening within $CHAT_START_TIMEOUT s; see $OUT_FILE"
      return 1
    fi
    sleep 0.1
  done
}

cmd_stop() {
  if ! read_pid; then
    say "not running (no pid file $PID_FILE)"
    return 0
  fi
  if [[ -z "$PID" ]] || ! is_daemon "$PID"; then
    say "not running; removed stale pid file $PID_FILE (pid ${PID:-?} was gone)"
    rm -f "$PID_FILE"
    return 0
  fi
  local pid="$PID"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + CHAT_STOP_TIMEOUT))
  while is_daemon "$pid"; do
    if ((SECONDS >= deadline)); then
      err "pid $pid did not stop within $CHAT_STOP_TIMEOUT s (CHAT_STOP_TIMEOUT); it is still running; see $LOG_FILE, 'kill -KILL $pid' forces it"
      return 1
    fi
    sleep 0.1
  done
  # Only remove the file if it still names the process we stopped.
  if read_pid && [[ "$PID" == "$pid" ]]; then
    rm -f "$PID_FILE"
  fi
  say "stopped (pid $pid)"
}

cmd_status() {
  if ! read_pid; then
    say "not running"
    return 3
  fi
  if [[ -n "$PID" ]] && is_daemon "$PID"; then
    local address
    address="$(listening_address)" || address="an unknown address (see $LOG_FILE)"
    say "running, pid $PID, listening on $address"
    return 0
  fi
  say "not running, but the pid file $PID_FILE is left (pid ${PID:-?}); 'chat-server.sh stop' removes it"
  return 1
}

# SIGHUP makes the daemon re-read its configuration; the result is what it logs about it.
cmd_reload() {
  if ! read_pid || [[ -z "$PID" ]] || ! is_daemon "$PID"; then
    err "not running (no live daemon in $PID_FILE); nothing to reload"
    return 3
  fi
  local ignored
  if [[ -r "/proc/$PID/status" ]]; then
    ignored="$(sed -n 's/^SigIgn:[[:space:]]*//p' "/proc/$PID/status")"
    if ((0x${ignored:-0} & 1)); then
      err "pid $PID ignores SIGHUP (it was started under nohup, by an older chat-server.sh?); use chat-admin.sh reload"
      return 1
    fi
  fi
  local before=0 deadline line
  [[ ! -f "$LOG_FILE" ]] || before="$(wc -c <"$LOG_FILE")"
  before="${before//[^0-9]/}"
  kill -HUP "$PID"
  deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    line="$(tail -c "+$((before + 1))" "$LOG_FILE" 2>/dev/null | grep -m 1 -E ' SIGHUP: ' || true)"
    if [[ -n "$line" ]]; then
      line="${line#* SIGHUP: }"
      if [[ "$line" == reloaded* ]]; then
        say "$line"
        return 0
      fi
      err "$line"
      return 1
    fi
    sleep 0.1
  done
  say "sent SIGHUP to pid $PID; the result will be in $LOG_FILE"
}

cmd_run() {
  build_cmd "$@"
  mkdir -p "$CHAT_LOG_DIR"
  chat_raise_nofile stderr
  exec "${CMD[@]}"
}

cmd_print() {
  build_cmd "$@"
  local arg out=""
  for arg in "${CMD[@]}"; do
    out+="$(printf '%q' "$arg") "
  done
  printf '%s\n' "${out% }"
}

action="${1:-}"
[[ $# -gt 0 ]] && shift
case "$action" in
  start) CDS_USE=make cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reload) cmd_reload ;;
  restart)
    cmd_stop
    CDS_USE=make cmd_start "$@"
    ;;
  run) CDS_USE=make cmd_run "$@" ;;
  print-cmd) CDS_USE=show cmd_print "$@" ;;
  -V | --version | --hash-password | --generate-keystore)
    # one-shot daemon commands, run in the foreground: the version, a server.password hash,
    # a self-signed TLS keystore at tls.keystore
    build_cmd "$action" "$@"
    exec "${CMD[@]}"
    ;;
  -h | --help | help) usage ;;
  "")
    usage >&2
    exit 2
    ;;
  *)
    err "unknown command '$action'; use start, stop, status, restart, reload, run or print-cmd"
    exit 2
    ;;
esac

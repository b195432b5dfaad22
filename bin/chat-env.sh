#!/usr/bin/env bash
# shellcheck shell=bash
#
# Shared environment for the Chatroom scripts (chat-server.sh, chat-admin.sh, chat-console.sh,
# chat-gui.sh, chat-bench.sh). Sourced, never run: it defines variables and functions only.
#
# Folders (each may be set in the environment first; applied only when unset):
#   CHAT_HOME      the install (or source checkout) folder: always the parent of this bin/ folder
#   CHAT_CONF_DIR  configuration folder        (default $CHAT_HOME/conf)
#   CHAT_LOG_DIR   logs, heap dumps, crash logs (default $CHAT_HOME/logs)
#   CHAT_RUN_DIR   pid file and admin socket    (default $CHAT_HOME/run)
# An operator file $CHAT_CONF_DIR/chat-env.sh, if present, is sourced before the defaults apply,
# so it can set any knob (CHAT_HEAP_OPTS, CHAT_SERVER_OPTS, JAVA_HOME, ...) for every script.
#
# Functions: chat_die, chat_require_java, chat_require_classpath, chat_raise_nofile.
# The calling script sets CHAT_PROG (e.g. chat-server) for its messages.
# Option knobs (CHAT_HEAP_OPTS, CHAT_SERVER_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS) are split on
# whitespace, so a single option cannot contain a space.
# Written for bash 3.2 too (macOS): no namerefs, no mapfile, empty arrays guarded.

CHAT_PROG="${CHAT_PROG:-chatroom}"

# Where this file really lives, following symlinks (the calling script may be a symlink too).
CHAT_BIN_DIR="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
CHAT_HOME="$(dirname "$CHAT_BIN_DIR")"
CHAT_CONF_DIR="${CHAT_CONF_DIR:-$CHAT_HOME/conf}"

if [[ -f "$CHAT_CONF_DIR/chat-env.sh" ]]; then
  # shellcheck source=/dev/null
  . "$CHAT_CONF_DIR/chat-env.sh"
fi

CHAT_LOG_DIR="${CHAT_LOG_DIR:-$CHAT_HOME/logs}"
CHAT_RUN_DIR="${CHAT_RUN_DIR:-$CHAT_HOME/run}"
JAVA_OPTS="${JAVA_OPTS:-}"

# Prints "CHAT_PROG: message" on stderr and exits 1 (the operation could not be done).
chat_die() {
  printf '%s: %s\n' "$CHAT_PROG" "$*" >&2
  exit 1
}

# Sets JAVA to a java launcher of version 17 or newer: $JAVA_HOME/bin/java, else java on PATH.
chat_require_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    JAVA="$JAVA_HOME/bin/java"
    [[ -x "$JAVA" ]] || chat_die "JAVA_HOME=$JAVA_HOME has no bin/java; point JAVA_HOME at a JDK 17+ or unset it"
  elif ! JAVA="$(command -v java)"; then
    chat_die "no Java found: install JDK 17 or newer, or set JAVA_HOME"
  fi
  local version="" release
  # A JDK's release file answers without starting a JVM; `java -version` is the fallback.
  release="$(dirname "$(dirname "$(readlink -f "$JAVA")")")/release"
  if [[ -f "$release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$release")"
  fi
  if [[ -z "$version" ]]; then
    local out
    out="$("$JAVA" -version 2>&1 || true)"
    if [[ "$out" =~ version\ \"([^\"]+)\" ]]; then
      version="${BASH_REMATCH[1]}"
    fi
  fi
  local major="${version%%[.+-]*}"
  if [[ "$major" == 1 ]]; then # 1.8.0_x style
    major="${version#1.}"
    major="${major%%[.+_-]*}"
  fi
  if ! [[ "$major" =~ ^[0-9]+$ ]]; then
    chat_die "cannot tell the version of $JAVA; Chatroom needs Java 17 or newer"
  fi
  if ((major < 17)); then
    chat_die "$JAVA is Java $version; Chatroom needs Java 17 or newer (set JAVA_HOME to a JDK 17+)"
  fi
  # shellcheck disable=SC2034 # for callers that need version-specific flags
  JAVA_MAJOR="$major"
}

# Sets CHAT_CLASSPATH. In an unpacked release: the program's jar and the jars its
# lib/PROGRAM.classpath lists (each program its own: the daemon loads no GUI jars). In a source
# checkout: the classpath file the distribution module writes during `mvn package`. $1 names the
# program's jar, e.g. chat-server, and fails early with a clear message when it is absent.
chat_require_classpath() {
  local need="${1:-}"
  local build_hint="build first: mvn -B -DskipTests package"
  if [[ -d "$CHAT_HOME/lib" ]]; then
    local jars=("$CHAT_HOME"/lib/*.jar)
    [[ -e "${jars[0]}" ]] || chat_die "no jars in $CHAT_HOME/lib: the install is incomplete"
    [[ -n "$need" ]] || chat_die "chat_require_classpath needs the program's jar name"
    local wanted=("$CHAT_HOME/lib/$need"-[0-9]*.jar)
    [[ -e "${wanted[0]}" ]] || chat_die "$CHAT_HOME/lib has no $need jar: this package does not include it"
    local listfile="$CHAT_HOME/lib/$need.classpath" listed entry
    [[ -f "$listfile" ]] || chat_die "$listfile is missing: the install is incomplete"
    IFS= read -r listed <"$listfile" || [[ -n "$listed" ]] || chat_die "$listfile is empty: the install is incomplete"
    CHAT_CLASSPATH="${wanted[0]}"
    local -a entries
    IFS=':' read -r -a entries <<<"$listed"
    for entry in ${entries[@]+"${entries[@]}"}; do
      [[ -e "$CHAT_HOME/$entry" ]] || chat_die "$CHAT_HOME/$entry is missing: the install is incomplete"
      CHAT_CLASSPATH+=":$CHAT_HOME/$entry"
    done
  elif [[ -f "$CHAT_HOME/pom.xml" && -d "$CHAT_HOME/modules" ]]; then
    local cpfile="$CHAT_HOME/distribution/target/classpath.txt"
    [[ -s "$cpfile" ]] || chat_die "$build_hint (no $cpfile yet)"
    CHAT_CLASSPATH="$(<"$cpfile")"
    local entry found=""
    local -a entries
    IFS=':' read -r -a entries <<<"$CHAT_CLASSPATH"
    for entry in "${entries[@]}"; do
      [[ -e "$entry" ]] || chat_die "$build_hint ($entry is missing)"
      if [[ -n "$need" && "${entry##*/}" == "$need"-[0-9]*.jar ]]; then
        found=yes
      fi
    done
    if [[ -n "$need" && -z "$found" ]]; then
      chat_die "$build_hint (the build has no $need jar)"
    fi
  else
    chat_die "$CHAT_HOME has neither lib/ (release) nor pom.xml (source checkout)"
  fi
}

# Raises the soft open-file limit to the hard limit (one socket per client) and says so on
# stdout, or on stderr when $1 is "stderr". Warns when the limit stays low.
chat_raise_nofile() {
  local to="${1:-stdout}" soft hard msg=""
  soft="$(ulimit -Sn)"
  hard="$(ulimit -Hn)"
  if [[ "$soft" != unlimited && "$soft" != "$hard" ]]; then
    if ulimit -Sn "$hard" 2>/dev/null; then
      msg="raised the open-file limit from $soft to $hard"
      soft="$hard"
    else
      msg="could not raise the open-file limit above $soft"
    fi
  fi
  if [[ "$soft" != unlimited ]] && ((soft < 10240)); then
    msg="${msg:+$msg; }warning: the open-file limit is $soft, so at most about $((soft - 100)) clients can connect (raise it with LimitNOFILE= in the systemd unit or nofile in /etc/security/limits.conf)"
  fi
  if [[ -n "$msg" ]]; then
    if [[ "$to" == stderr ]]; then
      printf '%s: %s\n' "$CHAT_PROG" "$msg" >&2
    else
      printf '%s: %s\n' "$CHAT_PROG" "$msg"
    fi
  fi
}

# chat_exec_client MAIN_CLASS JAR [program arguments...]: runs a client program in place of the
# calling script, so the program's exit code is the script's. Clients log WARN and above to
# stderr only (conf/tools-log4j2.xml), never into the daemon's log.
#   CHAT_CLIENT_HEAP_OPTS  heap and GC flags (default "-Xmx256m -XX:+UseSerialGC")
#   CHAT_CLIENT_OPTS       more JVM flags for the clients; JAVA_OPTS is appended last
chat_exec_client() {
  local main="$1" jar="$2"
  shift 2
  chat_require_java
  chat_require_classpath "$jar"
  local heap client java
  read -r -a heap <<<"${CHAT_CLIENT_HEAP_OPTS--Xmx256m -XX:+UseSerialGC}" || true
  read -r -a client <<<"${CHAT_CLIENT_OPTS:-}" || true
  read -r -a java <<<"$JAVA_OPTS" || true
  exec "$JAVA" ${heap[@]+"${heap[@]}"} \
    --enable-native-access=ALL-UNNAMED \
    "-Dlog4j2.configurationFile=$CHAT_CONF_DIR/tools-log4j2.xml" \
    ${client[@]+"${client[@]}"} ${java[@]+"${java[@]}"} \
    -cp "$CHAT_CLASSPATH" "$main" "$@"
}

#!/usr/bin/env bash
#
# Administers a running Chatroom daemon through its admin socket.
#   chat-admin.sh                       interactive admin console ('help' lists the commands)
#   chat-admin.sh list                  one command, then exit: 0 ok, 1 refused, 2 usage, 3 not running
#   chat-admin.sh kick alice "be nice"
# The socket is found as the daemon finds it: admin.socket in $CHAT_CONF (default
# conf/chat-server.properties), relative to this install. --socket PATH, --config FILE or
# --home DIR before the command override that. 'chat-admin.sh --help' lists everything.
# Environment: CHAT_CONF, JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS (see chat-env.sh).
set -euo pipefail

CHAT_PROG=chat-admin
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

CHAT_CONF="${CHAT_CONF:-$CHAT_CONF_DIR/chat-server.properties}"
[[ "$CHAT_CONF" == /* ]] || CHAT_CONF="$PWD/$CHAT_CONF"

# Which of --home / --config did the caller give before the command? (The CLI stops reading
# options at the first word that is not one, and would take the first of two values.)
own_home="" own_config=""
skip_value=""
for arg in "$@"; do
  if [[ -n "$skip_value" ]]; then
    skip_value=""
    continue
  fi
  case "$arg" in
    --home) own_home=yes skip_value=yes ;;
    --home=*) own_home=yes ;;
    -c | --config) own_config=yes skip_value=yes ;;
    -c* | --config=*) own_config=yes ;;
    -s | --socket) skip_value=yes ;;
    -*) ;;
    *) break ;;
  esac
done
where=()
[[ -n "$own_home" ]] || where+=(--home "$CHAT_HOME")
[[ -n "$own_config" ]] || where+=(--config "$CHAT_CONF")

chat_exec_client org.chatroom.admin.Main chat-admin ${where[@]+"${where[@]}"} "$@"

#!/usr/bin/env bash
#
# Terminal chat client; reads lines from stdin (pipe mode) when stdin is not a terminal.
# Usage: chat-console.sh [options]   ('chat-console.sh --help' lists them)
# Environment: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS (see chat-env.sh).
set -euo pipefail

CHAT_PROG=chat-console
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

chat_exec_client org.chatroom.console.Main chat-console "$@"

#!/usr/bin/env bash
#
# Desktop (Swing) chat client.
# Usage: chat-gui.sh [options]   ('chat-gui.sh --help' lists them)
# Environment: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS (see chat-env.sh).
set -euo pipefail

CHAT_PROG=chat-gui
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

chat_exec_client org.chatroom.swing.Main chat-swing "$@"

#!/usr/bin/env bash
#
# Administers a running Chatroom daemon through its admin socket (exit 3: not running).
# Usage: chat-admin.sh [options]   ('chat-admin.sh --help' lists them)
# Environment: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS (see chat-env.sh).
set -euo pipefail

CHAT_PROG=chat-admin
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

chat_exec_client org.chatroom.admin.Main chat-admin "$@"

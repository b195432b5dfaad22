#!/usr/bin/env bash
#
# IRC load generator: runs scenario F1, F2 or C against any IRC server and reports deliveries/s,
# latency percentiles, losses and connect times (issue 9; docs/PERFORMANCE.md).
# Usage: chat-bench.sh [options]   ('chat-bench.sh --help' lists them)
#   chat-bench.sh --port 6667 --scenario F1
#   chat-bench.sh --port 6667 --scenario C --connections 10000 --json
# Environment: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS (default -Xmx512m), CHAT_CLIENT_OPTS, JAVA_OPTS.
# Raises the open-file limit to the hard limit first: one socket per simulated client.
set -euo pipefail

CHAT_PROG=chat-bench
# shellcheck source=bin/chat-env.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/chat-env.sh"

chat_raise_nofile stderr
# The generator allocates almost nothing per message; a parallel collector keeps pauses short.
CHAT_CLIENT_HEAP_OPTS="${CHAT_CLIENT_HEAP_OPTS--Xmx512m -XX:+UseParallelGC}"
chat_exec_client org.chatroom.bench.Main chat-bench "$@"

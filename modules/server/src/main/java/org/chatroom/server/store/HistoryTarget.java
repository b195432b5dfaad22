package org.chatroom.server.store;

/** One answer of CHATHISTORY TARGETS: a target (room name, or the other account of a private talk), its key, its latest line's time. */
public record HistoryTarget(String name, String targetKey, long lastMillis) {
}
